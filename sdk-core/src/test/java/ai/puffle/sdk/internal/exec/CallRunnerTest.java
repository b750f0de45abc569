package ai.puffle.sdk.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.LogLevel;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.testing.EventLog;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.http.Redactor;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.internal.json.PuffleJson;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallRunnerTest {
  static final String ID = "d1d1d1d1-1111-4111-8111-111111111111";
  static final String SESSION =
      "{\"session\":{\"id\":\"" + ID + "\",\"campaign_id\":\"" + ID + "\",\"node_id\":\"" + ID
          + "\",\"task_status\":null,\"created_at\":\"2026-04-22T10:00:00Z\",\"updated_at\":\"2026-04-22T10:00:00Z\"}}";

  MockWebServer server = new MockWebServer();
  FakeTiming timing = new FakeTiming();
  Transport transport;
  CallRunner runner;
  final Lifecycle lifecycle = new Lifecycle();
  AiChatSessionsApi api;
  final EventLog events = new EventLog();

  @BeforeEach
  void setUp() throws Exception {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.start();
    Transport.Settings s = new Transport.Settings();
    s.apiKey = "pk_live_test";
    s.userAgent = "test";
    s.logLevel = LogLevel.NONE;
    transport = new Transport(s);
    runner = new CallRunner(new ErrorMapper(new Redactor("pk_live_test")));
    api = new AiChatSessionsApi(new RequestFactory(server.url("/"), PuffleJson.moshi()));
  }

  @AfterEach
  void tearDown() {
    transport.close();
    timing.close();
    server.close();
  }

  CallScope scope(int maxRetries, Flow<?> flow) {
    CallEvents listened = CallEvents.start(List.of(events), "getAiChatSession",
        AiChatSessionsApi.GET_AI_CHAT_SESSION, ID, timing, flow);
    return new CallScope(timing, lifecycle, RetryRules.forClient(timing, maxRetries), Map.of(), listened,
        flow, CallScope.NO_DEADLINE, java.time.Duration.ofMinutes(2));
  }

  @Test
  void blockingRetriesRunOnCallerThreadWithVirtualSleeps() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"down\"}").build());
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3").body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).body(SESSION).build());
    Flow<SessionEnvelope> flow = Flow.blocking();
    flow.run(f -> runner.call(api.getAiChatSession(ID), transport, scope(3, f)));
    assertTrue(flow.isDone(), "a blocking flow completes on the caller's thread");
    assertEquals(ID, flow.await().getSession().getId());
    assertEquals(3, server.getRequestCount());
    assertEquals(2, timing.sleeps().size());
    Duration first = timing.sleeps().get(0);
    assertTrue(first.toMillis() >= 400 && first.toMillis() <= 600, "backoff 500 ms ±20%: " + first);
    Duration second = timing.sleeps().get(1);
    assertTrue(second.toMillis() >= 3000 && second.toMillis() <= 4500, "Retry-After 3 s, never less: " + second);
    assertEquals(List.of(RetryReason.TRANSIENT, RetryReason.TRANSIENT), events.retryReasons());
    assertEquals(503, ((ServerException) events.retries().get(0).failure).statusCode());
    assertEquals(List.of(1, 2), events.retries().stream().map(r -> r.attempt.number())
        .collect(java.util.stream.Collectors.toList()));
  }

  @Test
  void retriesRunOutWithCountedAttempts() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(new MockResponse.Builder().code(502).body("<html>bad gateway</html>").build());
    }
    Flow<SessionEnvelope> flow = Flow.blocking();
    flow.run(f -> runner.call(api.getAiChatSession(ID), transport, scope(2, f)));
    ServerException e = assertThrows(ServerException.class, flow::await);
    assertEquals(3, e.attempts());
    assertEquals(502, e.statusCode());
    assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
  }

  @Test
  void asyncFlowRetriesWithoutBlocking() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).body("{}").build());
    server.enqueue(new MockResponse.Builder().code(200).body(SESSION).build());
    Flow<SessionEnvelope> flow = Flow.async();
    flow.run(f -> runner.call(api.getAiChatSession(ID), transport, scope(3, f)));
    assertEquals(ID, flow.get(5, java.util.concurrent.TimeUnit.SECONDS).getSession().getId());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void rateLimitWithoutRetriesIsTyped() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{\"error\":\"slow down\"}").build());
    Flow<SessionEnvelope> flow = Flow.blocking();
    flow.run(f -> runner.call(api.getAiChatSession(ID), transport, scope(0, f)));
    RateLimitException e = assertThrows(RateLimitException.class, flow::await);
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals("slow down", e.errorMessage());
  }
}
