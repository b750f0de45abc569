package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.ClientClosedException;
import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.Json;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-call options: headers, retry budget, total deadline, and clients derived with withOptions. */
class RequestOptionsTest extends ScriptedClientTest {
  static final String PATH = "/api/campaigns/ai-chat-sessions/" + SESSION_ID;

  static Duration slept(FakeTiming timing) {
    return timing.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Test
  void perCallHeadersAreSentOnEveryAttempt() throws Exception {
    server.enqueue(Json.error(503, "busy")).fixture("session-created.json");
    RequestOptions o = RequestOptions.builder().header("X-Trace-Id", "trace-42").header("X-Tenant", "acme").build();
    client.sessions().get(SESSION_ID, o);
    for (int i = 0; i < 2; i++) {
      RecordedRequest r = server.take("GET", PATH);
      assertEquals("trace-42", r.getHeaders().get("X-Trace-Id"));
      assertEquals("acme", r.getHeaders().get("X-Tenant"));
    }
  }

  @Test
  void perCallHeadersReachEveryRequestOfAMultiStepCall() throws Exception {
    server.fixture("session-created.json").fixture("run-handle.json");
    client.sessions().turn(SESSION_ID, TurnRequest.of("hi"),
        RequestOptions.builder().header("X-Trace-Id", "t1").build());
    assertEquals("t1", server.take("GET", PATH).getHeaders().get("X-Trace-Id"));
    assertEquals("t1", server.take("POST", PATH + "/turn").getHeaders().get("X-Trace-Id"));
  }

  @Test
  void callsWithoutOptionsSendNoExtraHeaders() throws Exception {
    server.fixture("session-created.json");
    client.sessions().get(SESSION_ID);
    assertNull(server.take("GET", PATH).getHeaders().get("X-Trace-Id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Authorization", "authorization", "AUTHORIZATION", "Host", "Content-Length"})
  void clientOwnedHeadersCannotBeSet(String name) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> RequestOptions.builder().header(name, "Bearer pk_live_other"));
    assertEquals("requestOptions.header", e.field());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertEquals(0, server.requestCount());
  }

  @Test
  void theClientsKeyIsAlwaysTheOneSent() throws Exception {
    server.fixture("session-created.json");
    client.withOptions(RequestOptions.builder().header("Proxy-Authorization", "Basic abc").build())
        .sessions().get(SESSION_ID);
    RecordedRequest r = server.take("GET", PATH);
    assertEquals(List.of("Bearer " + TestClients.API_KEY), r.getHeaders().values("Authorization"));
  }

  @Test
  void maxRetriesZeroStopsRetries() {
    server.enqueue(Json.error(503, "unavailable")).fixture("session-created.json");
    ServerException e = assertThrows(ServerException.class,
        () -> client.sessions().get(SESSION_ID, RequestOptions.builder().maxRetries(0).build()));
    assertEquals(1, e.attempts());
    assertEquals(1, server.requestCount());
    assertTrue(timing.sleeps().isEmpty());
  }

  @Test
  void perCallMaxRetriesOverridesTheClientDefault() {
    try (PuffleClient noRetries = TestClients.builder(server.server, timing)
        .requestOptions(RequestOptions.builder().maxRetries(0).build()).build()) {
      server.enqueue(Json.error(502, "x"));
      assertThrows(ServerException.class, () -> noRetries.sessions().get(SESSION_ID));
      assertEquals(1, server.requestCount());

      server.enqueue(Json.error(502, "x")).enqueue(Json.error(502, "x")).fixture("session-created.json");
      noRetries.sessions().get(SESSION_ID, RequestOptions.builder().maxRetries(2).build());
      assertEquals(4, server.requestCount());
    }
  }

  @Test
  void timeoutEndsARetryLoopWithATimeout() {
    for (int i = 0; i < 30; i++) {
      server.enqueue(Json.error(503, "unavailable"));
    }
    RequestOptions o = RequestOptions.builder().timeout(Duration.ofSeconds(3)).maxRetries(20).build();
    PuffleTimeoutException e = assertThrows(PuffleTimeoutException.class,
        () -> client.sessions().get(SESSION_ID, o));
    assertTrue(e.getMessage().contains("getAiChatSession"), e.getMessage());
    assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    assertInstanceOf(ServerException.class, e.getCause(), "the last failure is the cause");
    assertTrue(server.requestCount() >= 3 && server.requestCount() <= 5,
        "bounded by the deadline, not by maxRetries(20): " + server.requestCount());
    assertTrue(slept(timing).compareTo(Duration.ofSeconds(3)) <= 0,
        "never waits past the deadline: " + timing.sleeps());
  }

  @Test
  void timeoutEndsAnAsyncRetryLoopToo() throws Exception {
    for (int i = 0; i < 30; i++) {
      server.enqueue(Json.error(500, "boom"));
    }
    RequestOptions o = RequestOptions.builder().timeout(Duration.ofSeconds(3)).maxRetries(20).build();
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.async().sessions().get(SESSION_ID, o).get(5, TimeUnit.SECONDS));
    assertInstanceOf(PuffleTimeoutException.class, e.getCause());
    assertTrue(server.requestCount() <= 5, "" + server.requestCount());
  }

  @Test
  void aRetryAfterBeyondTheDeadlineIsNotWaitedFor() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "60")
        .body("{\"error\":\"Too many requests\"}").build());
    server.fixture("session-created.json");
    RequestOptions o = RequestOptions.builder().timeout(Duration.ofSeconds(10)).build();
    Exception e = assertThrows(Exception.class, () -> client.sessions().get(SESSION_ID, o));
    assertTrue(e instanceof PuffleTimeoutException || e instanceof RateLimitException, e.toString());
    assertTrue(slept(timing).compareTo(Duration.ofSeconds(10)) <= 0,
        "a 10 s deadline must not sleep 60 s: " + timing.sleeps());
    assertEquals(1, server.requestCount());
  }

  @Test
  void withOptionsSharesTheConnectionPool() throws Exception {
    PuffleClient derived = client.withOptions(RequestOptions.builder().header("X-Derived", "1").build());
    server.fixture("session-created.json").fixture("session-created.json");
    client.sessions().get(SESSION_ID);
    derived.sessions().get(SESSION_ID);
    RecordedRequest a = server.take("GET", PATH);
    RecordedRequest b = server.take("GET", PATH);
    assertNull(a.getHeaders().get("X-Derived"));
    assertEquals("1", b.getHeaders().get("X-Derived"));
    assertEquals(a.getConnectionIndex(), b.getConnectionIndex(), "the derived client reused the parent's connection");
    assertEquals(a.getExchangeIndex() + 1, b.getExchangeIndex());
  }

  @Test
  void withOptionsMergesOverTheParentsDefaults() {
    try (PuffleClient parent = TestClients.builder(server.server, timing)
        .requestOptions(RequestOptions.builder().maxRetries(1).header("X-A", "a").build()).build()) {
      PuffleClient derived = parent.withOptions(
          RequestOptions.builder().timeout(Duration.ofSeconds(30)).header("X-B", "b").build());
      assertEquals(1, derived.options().maxRetries().getAsInt());
      assertEquals(Duration.ofSeconds(30), derived.options().timeout().orElseThrow());
      assertEquals(List.of("X-A", "X-B"), List.copyOf(derived.options().headers().keySet()));
      assertTrue(parent.options().timeout().isEmpty(), "the parent is unchanged");
      assertEquals(parent.baseUrl(), derived.baseUrl());
    }
  }

  @Test
  void closingTheDerivedClientLeavesTheParentOpen() throws Exception {
    PuffleClient derived = client.withOptions(RequestOptions.builder().maxRetries(0).build());
    server.fixture("session-created.json").fixture("session-created.json").fixture("session-created.json");
    derived.sessions().get(SESSION_ID);
    derived.close();
    client.sessions().get(SESSION_ID);
    derived.sessions().get(SESSION_ID);
    assertEquals(3, server.requestCount());
  }

  @Test
  void closingTheParentClosesTheDerivedClient() throws Exception {
    PuffleClient derived = client.withOptions(RequestOptions.builder().maxRetries(0).build());
    server.fixture("session-created.json");
    derived.sessions().get(SESSION_ID);
    client.close();
    ClientClosedException e =
        assertThrows(ClientClosedException.class, () -> derived.sessions().get(SESSION_ID));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
    ExecutionException async = assertThrows(ExecutionException.class,
        () -> derived.async().sessions().get(SESSION_ID).get(5, TimeUnit.SECONDS));
    assertInstanceOf(ClientClosedException.class, async.getCause());
    assertEquals(1, server.requestCount());
  }
}
