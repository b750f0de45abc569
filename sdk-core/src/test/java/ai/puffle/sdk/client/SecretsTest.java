package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.LogLevel;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.testing.EventLog;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.Json;
import ai.puffle.sdk.testing.TestClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With body logging on, neither the API key nor a run's public access token appears in a log
 * line, an exception (message, stack trace, causes, suppressed), or the toString of any value,
 * on success and on every failure path. The server here even echoes both back in its bodies.
 */
class SecretsTest {
  static final String KEY = TestClients.API_KEY;
  static final String TOKEN = "tr_pat_Zq9xK2mW7vB4nL8pR3tY6uI1oP5aS0dF";
  /** Fragments that must never show: the key's secret part, the token's secret part. */
  static final List<String> SECRETS = List.of(KEY, KEY.substring(16), TOKEN, TOKEN.substring(7));
  static final RequestOptions ONCE = RequestOptions.builder().maxRetries(0).build();

  final ScriptedServer server = new ScriptedServer();
  final FakeTiming timing = new FakeTiming();
  final List<String> log = new CopyOnWriteArrayList<>();
  final EventLog events = new EventLog();
  final PuffleClient.Builder builder = TestClients.builder(server.server, timing)
      .logLevel(LogLevel.BODY).logger(log::add).eventListener(events);
  final PuffleClient client = builder.build();
  /** Everything printed or thrown during the test, checked after each test. */
  final List<Object> seen = new ArrayList<>();

  @AfterEach
  void checkEverythingAndStop() {
    try {
      seen.add(client);
      seen.add(builder);
      seen.add(client.options());
      seen.addAll(events.lines());
      seen.addAll(events.values());
      assertFalse(log.isEmpty(), "logging is on");
      for (String line : log) {
        assertNoSecret("log line", line);
      }
      for (Object o : seen) {
        assertNoSecret(o.getClass().getSimpleName() + ".toString()", String.valueOf(o));
        if (o instanceof Throwable) {
          assertNoSecretIn((Throwable) o);
        }
      }
    } finally {
      client.close();
      timing.close();
      server.close();
    }
  }

  static void assertNoSecret(String where, String text) {
    for (String secret : SECRETS) {
      assertFalse(text.contains(secret), where + " leaks a secret: " + text);
    }
  }

  static void assertNoSecretIn(Throwable t) {
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    assertNoSecret("stack trace", trace.toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      assertNoSecret("message", String.valueOf(c.getMessage()));
      assertNoSecret("toString", c.toString());
      for (Throwable s : c.getSuppressed()) {
        assertNoSecretIn(s);
      }
      if (c instanceof PuffleApiException) {
        PuffleApiException a = (PuffleApiException) c;
        assertNoSecret("errorMessage", a.errorMessage());
        assertNoSecret("bodySnippet", a.bodySnippet());
        assertNoSecret("headers", a.headers().toString());
      }
      if (c instanceof UnexpectedResponseException) {
        assertNoSecret("bodySnippet", ((UnexpectedResponseException) c).bodySnippet());
      }
    }
  }

  <T extends Throwable> T thrown(Class<T> type, org.junit.jupiter.api.function.Executable call) {
    T e = assertThrows(type, call);
    seen.add(e);
    return e;
  }

  static String runHandle() {
    return "{\"runId\":\"run_s3cr3tt3st\",\"publicAccessToken\":\"" + TOKEN + "\"}";
  }

  @Test
  void successWithBodyLoggingShowsNeitherKeyNorToken() throws Exception {
    server.fixture("session-with-skeleton.json");
    seen.add(client.sessions().get(SESSION_ID));
    server.fixture("session-created.json").enqueue(Json.ok(runHandle()));
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("Draft it"));
    seen.add(run);
    assertEquals(TOKEN, run.publicAccessToken(), "the token is there for the caller");
    assertTrue(log.stream().anyMatch(l -> l.contains("run_s3cr3tt3st")), "bodies are logged: " + log);
    assertTrue(log.stream().anyMatch(l -> l.contains("publicAccessToken") && l.contains("[redacted]")), "" + log);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("Authorization: ")), "the header line is logged, masked");
    server.fixture("session-created.json");
    seen.add(client.sessions().update(SESSION_ID,
        ai.puffle.sdk.SessionUpdate.builder().title("Intro v2").build()));
    assertTrue(log.stream().anyMatch(l -> l.contains("\"message\":\"Draft it\"")), "a turn's body is logged: " + log);
    assertTrue(log.stream().anyMatch(l -> l.contains("\"title\"")), "request bodies are logged: " + log);
  }

  @Test
  void turnAndWaitResultAndAsyncHandleHideTheToken() throws Exception {
    server.fixture("session-created.json").enqueue(Json.ok(runHandle()));
    server.enqueue(Json.session().user("hi").assistant("hello").response());
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hi"));
    seen.add(r);
    seen.add(r.run());
    seen.add(r.session());
    server.fixture("session-created.json").enqueue(Json.ok(runHandle()));
    seen.add(client.async().sessions().turn(SESSION_ID, TurnRequest.of("again")).get(5, TimeUnit.SECONDS));
  }

  @Test
  void unauthorizedThatEchoesTheKey() {
    server.enqueue(new MockResponse.Builder().code(401).setHeader("x-request-id", "req_1")
        .body("{\"error\":{\"code\":\"unauthorized\",\"message\":\"Revoked key " + KEY + " (Bearer " + KEY + ")\"}}")
        .build());
    AuthenticationException e = thrown(AuthenticationException.class, () -> client.sessions().get(SESSION_ID));
    assertTrue(e.errorMessage().startsWith("Revoked key "), e.errorMessage());
    assertTrue(e.bodySnippet().contains("unauthorized"));
    assertTrue(log.stream().anyMatch(l -> l.contains("Revoked key [redacted]")), "the body is logged, masked: " + log);
  }

  @Test
  void rateLimitedThenSucceededAndRateLimitedForGood() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
        .body("{\"error\":\"slow down " + TOKEN + "\"}").build());
    server.fixture("session-created.json");
    seen.add(client.sessions().get(SESSION_ID));
    assertEquals(1, events.retries().size());
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":\"limit for " + KEY + "\"}").build());
    thrown(RateLimitException.class, () -> client.sessions().get(SESSION_ID, ONCE));
  }

  @Test
  void serverErrorThatEchoesTokenAndKey() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(Json.error(500, "run " + TOKEN + " failed for key " + KEY));
    }
    ServerException e = thrown(ServerException.class, () -> client.sessions().get(SESSION_ID));
    assertEquals(4, e.attempts());
  }

  @Test
  void htmlErrorPage() {
    server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway for Authorization: Bearer " + KEY + "</body></html>").build());
    ServerException e = thrown(ServerException.class, () -> client.sessions().get(SESSION_ID, ONCE));
    assertTrue(e.bodySnippet().contains("Bearer [redacted]"), e.bodySnippet());
  }

  @Test
  void malformedAndTruncatedJson() {
    server.enqueue(Json.ok("{\"session\": {\"id\": \"" + KEY + "\", oops"));
    thrown(UnexpectedResponseException.class, () -> client.sessions().get(SESSION_ID, ONCE));
    server.enqueue(Json.ok("{\"runId\":\"run_1\",\"publicAccessToken\":\"" + TOKEN));
    thrown(UnexpectedResponseException.class, () -> client.campaigns().get(CAMPAIGN_ID, ONCE));
  }

  @Test
  void malformedTurnResponseIsReconciled() {
    server.fixture("session-created.json")
        .enqueue(Json.ok("{\"runId\":\"run_1\",\"publicAccessToken\":\"" + TOKEN))
        .enqueue(Json.session().user("hi").busy("chat_processing").response());
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hi"));
    seen.add(run);
    assertFalse(run.isKnown());
  }

  @Test
  void droppedConnection() {
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    PuffleConnectionException e =
        thrown(PuffleConnectionException.class, () -> client.sessions().get(SESSION_ID, ONCE));
    assertTrue(e.requestSent());
  }

  @Test
  void failuresOfAsyncCallsAndWaits() throws Exception {
    server.enqueue(Json.error(401, "bad key " + KEY));
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> client.async().sessions().get(SESSION_ID).get(5, TimeUnit.SECONDS));
    seen.add(e);
    assertInstanceOf(AuthenticationException.class, e.getCause());
    for (int i = 0; i < 10; i++) {
      server.enqueue(Json.session().busy("chat_processing").response());
    }
    PuffleException timeout = thrown(PuffleException.class, () -> client.sessions()
        .awaitIdle(SESSION_ID, WaitOptions.builder().timeout(Duration.ofSeconds(5)).build()));
    Session last = ((ai.puffle.sdk.PuffleTimeoutException) timeout).lastSession().orElseThrow();
    seen.add(last);
  }
}
