package ai.puffle.sdk.client;

import static ai.puffle.sdk.testing.Json.CAMPAIGN_ID;
import static ai.puffle.sdk.testing.Json.NODE_ID;
import static ai.puffle.sdk.testing.Json.SESSION_ID;
import static ai.puffle.sdk.testing.Json.error;
import static ai.puffle.sdk.testing.Json.ok;
import static ai.puffle.sdk.testing.Json.runHandle;
import static ai.puffle.sdk.testing.Json.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.BadRequestException;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.testing.EventLog;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's retry rules: what is retried, what is reconciled, what is never sent twice. */
class RetryRulesTest {
  final MockWebServer server = new MockWebServer();
  final FakeTiming timing = new FakeTiming();
  final EventLog events = new EventLog();
  PuffleClient client;

  @BeforeEach
  void start() throws Exception {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.start();
    client = TestClients.builder(server, timing).eventListener(events).build();
  }

  @AfterEach
  void stop() {
    client.close();
    timing.close();
    server.close();
  }

  List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    int n = server.getRequestCount();
    for (int i = 0; i < n; i++) {
      all.add(server.takeRequest());
    }
    return all;
  }

  static long posts(List<RecordedRequest> requests) {
    return requests.stream().filter(r -> r.getMethod().equals("POST")).count();
  }

  @Test
  void turnIsSentOnceWithBearerAuthAndUserAgent() throws Exception {
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("Write an intro email"));
    assertEquals("run_abc123", run.runId());
    List<RecordedRequest> r = requests();
    assertEquals(2, r.size());
    RecordedRequest post = r.get(1);
    assertEquals("/api/campaigns/ai-chat-sessions/" + SESSION_ID + "/turn", post.getUrl().encodedPath());
    assertEquals("Bearer " + TestClients.API_KEY, post.getHeaders().get("Authorization"));
    assertTrue(post.getHeaders().get("User-Agent").matches("puffle-java/\\d+\\.\\d+\\.\\d+\\S* \\(Java .*"),
        post.getHeaders().get("User-Agent"));
    assertTrue(events.retries().isEmpty());
  }

  @Test
  void turnRejectedWith500IsSentAgainAtOnce() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(500, "Internal server error"));
    server.enqueue(ok(runHandle()));
    client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertEquals(2, posts(requests()));
    assertEquals(List.of(RetryReason.TRANSIENT), events.retryReasons());
  }

  @Test
  void turnWith502IsReconciledAndNotSentAgainWhenOurMessageShows() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(502, "Bad gateway"));
    server.enqueue(session().user("hello").busy("chat_processing").response());
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertFalse(run.isKnown(), "the response was lost; the turn was taken");
    assertEquals(1, posts(requests()));
  }

  @Test
  void aBusySessionWithoutOurMessageIsNotEvidenceTheTurnWasTaken() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(502, "Bad gateway"));
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().user("hello").assistant("hi").response());
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertFalse(run.isKnown(), "taken: our message showed once the session was idle");
    List<RecordedRequest> r = requests();
    assertEquals(1, posts(r));
    assertEquals(5, r.size(), "read, turn, read, then polls until idle: " + r);
  }

  @Test
  void turnWith504IsSentAgainOnceWhenTheSessionShowsItWasNotTaken() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(504, "Gateway timeout"));
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertTrue(run.isKnown());
    assertEquals(2, posts(requests()));
    assertTrue(events.retryReasons().contains(RetryReason.NOT_TAKEN));
  }

  @Test
  void connectionDroppedAfterTheTurnWasReadIsNotSentTwice() throws Exception {
    server.enqueue(session().response());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(session().user("hello").busy("chat_processing").response());
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertFalse(run.isKnown());
    assertEquals(1, posts(requests()), "OkHttp must not replay the turn and the client must not either");
  }

  @Test
  void turnThatNeverArrivedIsSentExactlyOnceMore() throws Exception {
    server.enqueue(session().response());
    server.enqueue(new MockResponse.Builder().onRequestStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertTrue(run.isKnown());
    List<String> methods = new ArrayList<>();
    for (RecordedRequest x : requests()) {
      methods.add(x.getMethod());
    }
    assertEquals(List.of("GET", "POST", "GET", "POST"), methods,
        "dropped turn, reconcile read (not taken), exactly one more send");
  }

  @Test
  void busySessionIsWaitedOutThenTheTurnIsSent() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(409, "Session is busy (generating_examples)"));
    server.enqueue(session().busy("generating_examples").response());
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertEquals(2, posts(requests()));
    assertTrue(events.retryReasons().contains(RetryReason.SESSION_BUSY));
    Duration firstPoll = timing.sleeps().get(0);
    assertTrue(firstPoll.toMillis() >= 1600 && firstPoll.toMillis() <= 2400, "poll after about 2 s: " + firstPoll);
  }

  @Test
  void busySessionGivesUpAfterTheBusyTimeoutWithTheBusyStatus() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(409, "Session is busy (chat_processing)"));
    for (int i = 0; i < 40; i++) {
      server.enqueue(session().busy("chat_processing").response());
    }
    RequestOptions o = RequestOptions.builder().busyTimeout(Duration.ofSeconds(20)).build();
    SessionBusyException e = assertThrows(SessionBusyException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"), o));
    assertEquals(TaskStatus.CHAT_PROCESSING, e.busyStatus());
    assertEquals(1, posts(requests()));
  }

  @Test
  void turnWithBusyWaitingOffFailsAtOnceOn409() throws Exception {
    server.enqueue(session().response());
    server.enqueue(error(409, "Session is busy (chat_processing)"));
    RequestOptions o = RequestOptions.builder().busyTimeout(Duration.ZERO).build();
    assertThrows(SessionBusyException.class, () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hi"), o));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void readsRetryTransientFailuresWithBackoff() throws Exception {
    server.enqueue(error(500, "x"));
    server.enqueue(error(502, "x"));
    server.enqueue(error(503, "x"));
    server.enqueue(session().response());
    Session s = client.sessions().get(SESSION_ID);
    assertEquals(SESSION_ID, s.id());
    assertEquals(4, server.getRequestCount());
    assertEquals(3, timing.sleeps().size());
    assertTrue(timing.sleeps().get(1).compareTo(timing.sleeps().get(0)) > 0, "backoff grows: " + timing.sleeps());
  }

  @Test
  void retriesRunOutAndTheExceptionCountsAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(error(503, "unavailable"));
    }
    ServerException e = assertThrows(ServerException.class, () -> client.sessions().get(SESSION_ID));
    assertEquals(4, e.attempts());
    assertEquals(3, events.retries().size());
    assertTrue(e.getMessage().contains("503") && e.getMessage().contains("after 4 attempts"), e.getMessage());
  }

  @Test
  void rateLimitHonoursRetryAfterInSecondsAndAsAnHttpDate() throws Exception {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("{}").build());
    String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
        java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(30));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", date).body("{}").build());
    server.enqueue(session().response());
    client.sessions().get(SESSION_ID);
    assertTrue(timing.sleeps().get(0).toMillis() >= 7000, "never sooner than asked: " + timing.sleeps());
    assertTrue(timing.sleeps().get(1).toMillis() >= 28000, "HTTP date honoured: " + timing.sleeps());
  }

  @Test
  void unauthorizedBadRequestAndNotFoundAreNeverRetried() {
    server.enqueue(error(401, "Unauthorized"));
    assertThrows(AuthenticationException.class, () -> client.sessions().get(SESSION_ID));
    server.enqueue(error(400, "Invalid body"));
    assertThrows(BadRequestException.class, () -> client.sessions().update(SESSION_ID,
        ai.puffle.sdk.SessionUpdate.builder().title("t").build()));
    server.enqueue(error(404, "Not found"));
    assertThrows(NotFoundException.class, () -> client.sessions().delete(SESSION_ID));
    assertEquals(3, server.getRequestCount());
    assertTrue(events.retries().isEmpty());
  }

  @Test
  void refusedConnectionIsRetriedBecauseNothingWasSent() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (PuffleClient dead = PuffleClient.builder()
        .apiKey(TestClients.API_KEY).baseUrl("http://127.0.0.1:" + port).clock(timing).build()) {
      PuffleConnectionException e = assertThrows(PuffleConnectionException.class,
          () -> dead.sessions().get(SESSION_ID));
      assertFalse(e.requestSent());
      assertEquals(4, e.attempts());
    }
  }

  @Test
  void createIsReconciledByANodeSessionThatWasNotThereBefore() throws Exception {
    server.enqueue(ok("{\"sessions\":[]}"));
    server.enqueue(error(502, "Bad gateway"));
    server.enqueue(ok("{\"sessions\":[" + session().nodeId(NODE_ID).raw() + "]}"));
    Session s = client.sessions().create(CAMPAIGN_ID, NODE_ID);
    assertEquals(SESSION_ID, s.id());
    List<RecordedRequest> r = requests();
    assertEquals(1, posts(r));
    assertEquals("campaign_id=" + CAMPAIGN_ID, r.get(0).getUrl().query());
    assertEquals("campaign_id=" + CAMPAIGN_ID, r.get(2).getUrl().query());
  }

  @Test
  void createIsSentAgainWhenTheListShowsNoNewSession() throws Exception {
    String existing = session().nodeId(NODE_ID).raw();
    server.enqueue(ok("{\"sessions\":[" + existing + "]}"));
    server.enqueue(error(504, "Gateway timeout"));
    server.enqueue(ok("{\"sessions\":[" + existing + "]}"));
    server.enqueue(ok(session().json().replace(SESSION_ID, "e2e2e2e2-2222-4222-8222-222222222222")));
    Session created = client.sessions().create(CAMPAIGN_ID, NODE_ID);
    assertEquals(2, posts(requests()), "the node's older session is not taken for the lost create");
    assertEquals("e2e2e2e2-2222-4222-8222-222222222222", created.id());
  }
}
