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

import ai.puffle.sdk.BadRequestException;
import ai.puffle.sdk.Conversation;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.PuffleInterruptedException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnFailedException;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testing.EventLog;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.Json;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Turn-then-poll: waiters, TurnResult, cancellation, Conversation. Virtual time throughout. */
class WaitersTest {
  static final Map<String, Object> SKELETON = Map.of(
      "subject", "Quick question, %first_name%",
      "body", "Hi %first_name%, &&one line on their role&& ... %sender_first%");

  final MockWebServer server = new MockWebServer();
  final FakeTiming timing = new FakeTiming();
  PuffleClient client;

  @BeforeEach
  void start() throws Exception {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.start();
    client = TestClients.builder(server, timing).build();
  }

  @AfterEach
  void stop() {
    client.close();
    timing.close();
    server.close();
  }

  @Test
  void awaitIdlePollsUntilTaskStatusIsNullAndReportsProgress() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    EventLog events = new EventLog();
    Session s = client.sessions().awaitIdle(SESSION_ID, WaitOptions.defaults(),
        RequestOptions.builder().eventListener(events).build());
    assertFalse(s.isBusy());
    assertEquals(3, server.getRequestCount());
    assertEquals(List.of("poll TASK 1 CHAT_PROCESSING", "poll TASK 2 CHAT_PROCESSING", "poll TASK 3 IDLE"),
        events.lines("poll"));
    assertEquals(List.of("waitEnd TASK polls=3 ok"), events.lines("waitEnd"));
    List<Duration> sleeps = timing.sleeps();
    assertEquals(2, sleeps.size());
    assertTrue(sleeps.get(0).toMillis() >= 1600 && sleeps.get(0).toMillis() <= 2400, sleeps.toString());
    assertTrue(sleeps.get(1).toMillis() >= 2400 && sleeps.get(1).toMillis() <= 3600, "grows 1.5x: " + sleeps);
  }

  @Test
  void pollIntervalGrowsToFiveSecondsAndNoFurther() {
    for (int i = 0; i < 8; i++) {
      server.enqueue(session().busy("generating_examples").response());
    }
    server.enqueue(session().response());
    client.sessions().awaitIdle(SESSION_ID);
    for (Duration d : timing.sleeps()) {
      assertTrue(d.toMillis() <= 6000, "at most 5 s plus 20% jitter: " + timing.sleeps());
    }
    assertTrue(timing.sleeps().get(7).toMillis() >= 4000, timing.sleeps().toString());
  }

  @Test
  void transientPollFailuresAreRetriedInsideTheWait() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(error(503, "unavailable"));
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build());
    server.enqueue(session().response());
    assertFalse(client.sessions().awaitIdle(SESSION_ID).isBusy());
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void notFoundEndsTheWait() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(error(404, "Not found"));
    assertThrows(ai.puffle.sdk.NotFoundException.class, () -> client.sessions().awaitIdle(SESSION_ID));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void timeoutCarriesTheLastSessionSeen() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(session().busy("chat_processing").response());
    }
    PuffleTimeoutException e = assertThrows(PuffleTimeoutException.class, () ->
        client.sessions().awaitIdle(SESSION_ID, WaitOptions.builder().timeout(Duration.ofSeconds(10)).build()));
    assertEquals(TaskStatus.CHAT_PROCESSING, e.lastSession().orElseThrow().taskStatus());
    assertTrue(server.getRequestCount() <= 5, "bounded by the timeout: " + server.getRequestCount());
    assertTrue(e.getMessage().contains(SESSION_ID), e.getMessage());
  }

  @Test
  void turnAndWaitReportsReplySkeletonAndDraftChanges() throws Exception {
    server.enqueue(session().user("Brief").assistant("Who is the audience?").response());
    server.enqueue(ok(runHandle()));
    server.enqueue(session().user("Brief").assistant("Who is the audience?").busy("chat_processing").response());
    server.enqueue(session().user("Brief").assistant("Who is the audience?").user("VPs of Sales")
        .assistant("Here is a first draft.").skeleton(SKELETON, 1).draft("Hi %first_name%", "Body").response());
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("VPs of Sales"));
    assertEquals("Here is a first draft.", r.reply());
    assertTrue(r.skeletonChanged());
    assertTrue(r.draftChanged());
    assertEquals(1, r.attempts());
    assertEquals("run_abc123", r.run().runId());
    assertTrue(r.skeleton().orElseThrow().variables().contains("first_name"));
    assertEquals(4, server.getRequestCount());
  }

  @Test
  void turnAndWaitWaitsOutA409ThenSends() {
    server.enqueue(session().response());
    server.enqueue(error(409, "Session is busy (chat_processing)"));
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    server.enqueue(session().user("hello").assistant("hi!").response());
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"));
    assertEquals("hi!", r.reply());
    assertEquals(2, r.attempts());
    assertFalse(r.skeletonChanged());
  }

  @Test
  void turnThatEndsWithoutAReplyIsATypedFailureCarryingTheSession() {
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    server.enqueue(session().user("hello").response());
    TurnFailedException e = assertThrows(TurnFailedException.class,
        () -> client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello")));
    assertEquals(SESSION_ID, e.session().id());
    assertEquals(1, e.session().messages().size());
  }

  @Test
  void examplesNeedASkeletonAndTheRequestIsNotSent() throws Exception {
    server.enqueue(session().response());
    BadRequestException e = assertThrows(BadRequestException.class, () ->
        client.sessions().generateExamplesAndWait(SESSION_ID, ExamplesRequest.of(List.of(lead("Ada")))));
    assertTrue(e.getMessage().contains("Session has no framework yet"), e.getMessage());
    assertEquals(1, server.getRequestCount());
    assertEquals("GET", server.takeRequest().getMethod());
  }

  @Test
  void examplesWithASkeletonAreGeneratedAndReturned() {
    server.enqueue(session().skeleton(SKELETON, 2).response());
    server.enqueue(ok(runHandle()));
    server.enqueue(session().skeleton(SKELETON, 2).busy("generating_examples").response());
    server.enqueue(session().skeleton(SKELETON, 2).examples(List.of(
        Map.of("lead_id", "l1", "subject", "Hi Ada", "body", "Dear Ada")))
        .response());
    ExamplesResult r = client.sessions().generateExamplesAndWait(SESSION_ID, ExamplesRequest.of(List.of(lead("Ada"))));
    assertEquals(1, r.examples().size());
    assertEquals("Hi Ada", r.examples().get(0).subject());
  }

  @Test
  void cancellingAnAsyncWaitStopsTheNextPoll() throws Exception {
    timing.holdDelayedTasks();
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    CompletableFuture<Session> wait = client.async().sessions().awaitIdle(SESSION_ID);
    for (int i = 0; i < 200 && timing.heldTasks() == 0; i++) {
      Thread.sleep(5);
    }
    assertEquals(1, timing.heldTasks(), "the next poll is scheduled, not running");
    assertTrue(wait.cancel(true));
    assertEquals(0, timing.releaseDelayed(), "the scheduled poll was cancelled");
    assertEquals(1, server.getRequestCount(), "no request after cancel");
  }

  @Test
  void cancellingAnAsyncTurnCancelsTheCallInFlight() throws Exception {
    server.enqueue(session().response());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<TurnResult> turn = client.async().sessions().turnAndWait(SESSION_ID, TurnRequest.of("hi"));
    RecordedRequest get = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest post = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("POST", post.getMethod());
    assertTrue(turn.cancel(true));
    assertTrue(turn.isCancelled());
    Thread.sleep(50);
    assertEquals(2, server.getRequestCount(), "nothing after cancel: " + get.getMethod());
    assertEquals(0, timing.heldTasks());
  }

  @Test
  void interruptingABlockingWaitStopsPolling() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    RequestOptions interrupting = RequestOptions.builder().eventListener(op -> new PuffleEventListener() {
      @Override
      public void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {
        Thread.currentThread().interrupt();
      }
    }).build();
    assertThrows(PuffleInterruptedException.class,
        () -> client.sessions().awaitIdle(SESSION_ID, WaitOptions.defaults(), interrupting));
    assertTrue(Thread.interrupted(), "the interrupt flag is kept");
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void asyncTurnAndWaitCompletes() throws Exception {
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    server.enqueue(session().user("hello").assistant("hi").response());
    TurnResult r = client.async().sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello")).get(5, TimeUnit.SECONDS);
    assertEquals("hi", r.reply());
  }

  @Test
  void conversationFindsOrCreatesReusesHintsAndAppliesTheDraft() throws Exception {
    server.enqueue(ok("{\"sessions\":[]}"));
    server.enqueue(ok("{\"sessions\":[]}"));
    server.enqueue(session().response());
    Conversation chat = client.conversation(CAMPAIGN_ID, NODE_ID);
    assertEquals(SESSION_ID, chat.sessionId());
    chat.setAvailableVarNames(List.of("first_name", "company"));
    for (String m : List.of("Brief", "Answer")) {
      server.enqueue(session().response());
      server.enqueue(ok(runHandle()));
      server.enqueue(session().user(m).assistant("ok").response());
      chat.send(m);
    }
    server.enqueue(session().response());
    assertThrows(InvalidInputException.class, chat::applyDraft);
    server.enqueue(session().draft("Hi %first_name%", "Body").response());
    server.enqueue(ok("{\"node\":{\"id\":\"" + NODE_ID + "\",\"type\":\"ai\",\"subject\":\"Hi %first_name%\",\"body\":\"Body\"}}"));
    assertEquals("Body", chat.applyDraft().body().orElseThrow());

    List<Map<String, Object>> turns = new java.util.ArrayList<>();
    RecordedRequest put = null;
    for (int i = server.getRequestCount(); i > 0; i--) {
      RecordedRequest r = server.takeRequest();
      if (r.getUrl().encodedPath().endsWith("/turn")) {
        turns.add(Json.body(r));
      }
      if (r.getMethod().equals("PUT")) {
        put = r;
      }
    }
    assertEquals(2, turns.size());
    for (Map<String, Object> t : turns) {
      assertEquals(List.of("first_name", "company"), t.get("availableVarNames"), "hints on every turn");
    }
    assertEquals(Map.of("subject", "Hi %first_name%", "body", "Body"), Json.body(put));
    assertEquals("/api/campaigns/" + CAMPAIGN_ID + "/sequence/nodes/" + NODE_ID, put.getUrl().encodedPath());
  }

  @Test
  void conversationReusesTheNodesExistingSession() {
    server.enqueue(ok("{\"sessions\":[" + session().nodeId(NODE_ID).raw() + "]}"));
    assertEquals(SESSION_ID, client.conversation(CAMPAIGN_ID, NODE_ID).sessionId());
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void aBlockingCallFromAProgressListenerWorks() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    List<TaskStatus> seenByNestedCall = new CopyOnWriteArrayList<>();
    RequestOptions nested = RequestOptions.builder().eventListener(op -> new PuffleEventListener() {
      @Override
      public void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {
        if (polls == 1) {
          seenByNestedCall.add(client.sessions().get(SESSION_ID).taskStatus());
        }
      }
    }).build();
    assertFalse(client.sessions().awaitIdle(SESSION_ID, WaitOptions.defaults(), nested).isBusy());
    assertEquals(List.of(TaskStatus.CHAT_PROCESSING), seenByNestedCall);
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aBusyWaitEndedByNotFoundReportsNotFound() {
    server.enqueue(session().response());
    server.enqueue(error(409, "Session is busy (chat_processing)"));
    server.enqueue(error(404, "Not found"));
    assertThrows(ai.puffle.sdk.NotFoundException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello")));
  }

  @Test
  void aFixedPollIntervalIsAllowed() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    WaitOptions fixed = WaitOptions.builder().pollInterval(Duration.ofSeconds(3), Duration.ofSeconds(3)).build();
    assertFalse(client.sessions().awaitIdle(SESSION_ID, fixed).isBusy());
    long ms = timing.sleeps().get(0).toMillis();
    assertTrue(ms >= 2400 && ms <= 3600, "3 s with jitter: " + ms);
  }

  static Lead lead(String first) {
    return Lead.builder().firstName(first).lastName("Lovelace").company("Analytical").build();
  }
}
