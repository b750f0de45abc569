package ai.puffle.sdk.client;

import static ai.puffle.sdk.testing.Json.CAMPAIGN_ID;
import static ai.puffle.sdk.testing.Json.NODE_ID;
import static ai.puffle.sdk.testing.Json.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.ModelPuffle;
import ai.puffle.sdk.testing.ModelPuffle.Fault;
import ai.puffle.sdk.testing.ModelPuffle.Other;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of README.md and RELIABILITY.md, checked against a stateful Puffle that keeps
 * busy sessions busy and lets a second client act: a call's deadline bounds busy waiting, the
 * busy timeout always ends with {@link SessionBusyException}, and a turn is never taken as
 * accepted on the evidence of another client's task.
 */
class ReliabilityPromisesTest {
  static final Duration ONE_SECOND = Duration.ofSeconds(1);
  final MockWebServer server = new MockWebServer();
  final FakeTiming timing = new FakeTiming();
  final ModelPuffle puffle = new ModelPuffle(timing::nanoTime);
  PuffleClient client;

  @BeforeEach
  void start() throws Exception {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    puffle.serveOn(server);
    server.start();
    puffle.addSession(SESSION_ID, true);
    client = TestClients.builder(server, timing).build();
  }

  @AfterEach
  void stop() {
    client.close();
    timing.close();
    server.close();
  }

  static RequestOptions timeout(Duration d) {
    return RequestOptions.builder().timeout(d).build();
  }

  /** Runs {@code call}, returning what it threw and checking it ended by {@code limit} of virtual time. */
  <T extends Throwable> T endsWithin(Duration limit, Class<T> type, Runnable call) {
    long start = timing.nanoTime();
    T thrown = assertThrows(type, call::run);
    Duration took = Duration.ofNanos(timing.nanoTime() - start);
    assertTrue(took.compareTo(limit) <= 0, "ended after " + took + ", deadline " + limit + ": " + thrown);
    return thrown;
  }

  static List<Lead> leads() {
    return List.of(Lead.of("Ada", "Lovelace"));
  }

  // ------------------------------------------------------------ the deadline bounds busy waiting

  @Test
  void aTurnOnASessionThatStaysBusyEndsAtTheCallDeadline() {
    puffle.alwaysBusy("chat_processing");
    PuffleTimeoutException e = endsWithin(ONE_SECOND, PuffleTimeoutException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"), timeout(ONE_SECOND)));
    assertEquals(0, puffle.taskRequests(), "nothing is sent into a busy session: " + e);
  }

  @Test
  void anExampleRunOnASessionThatStaysBusyEndsAtTheCallDeadline() {
    puffle.alwaysBusy("chat_processing");
    endsWithin(ONE_SECOND, PuffleTimeoutException.class,
        () -> client.sessions().generateExamples(SESSION_ID, ExamplesRequest.of(leads()), timeout(ONE_SECOND)));
  }

  @Test
  void aContentTurnOnASessionThatStaysBusyEndsAtTheCallDeadline() {
    puffle.alwaysBusy("chat_processing");
    endsWithin(ONE_SECOND, PuffleTimeoutException.class,
        () -> client.campaigns().generateContent(CAMPAIGN_ID, ContentRequest.of(NODE_ID, "hello"), timeout(ONE_SECOND)));
  }

  @Test
  void anAsyncTurnOnASessionThatStaysBusyEndsAtTheCallDeadline() {
    puffle.alwaysBusy("chat_processing");
    CompletionException e = endsWithin(ONE_SECOND, CompletionException.class,
        () -> client.async().sessions().turn(SESSION_ID, TurnRequest.of("hello"), timeout(ONE_SECOND)).join());
    assertTrue(e.getCause() instanceof PuffleTimeoutException, String.valueOf(e.getCause()));
  }

  @Test
  void aTurnThatMeetsA409RightAfterAnIdleReadEndsAtTheCallDeadline() {
    puffle.otherClientBefore(2, Other.TURN);
    endsWithin(ONE_SECOND, PuffleTimeoutException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"), timeout(ONE_SECOND)));
    assertEquals(0, puffle.accepted("hello"));
  }

  @Test
  void turnAndWaitEndsAtAnExplicitCallDeadlineEvenWhileItsTaskRuns() {
    puffle.turnTakes(Duration.ofSeconds(30).toNanos());
    PuffleTimeoutException e = endsWithin(Duration.ofSeconds(10), PuffleTimeoutException.class,
        () -> client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"),
            ai.puffle.sdk.WaitOptions.defaults(), timeout(Duration.ofSeconds(10))));
    assertEquals(1, puffle.accepted("hello"), "the turn was sent, once: " + e);
    assertEquals(TaskStatus.CHAT_PROCESSING, e.lastSession().orElseThrow().taskStatus());
  }

  // ------------------------------------------------------ busy ends the same way however seen

  @Test
  void theBusyTimeoutEndsWithSessionBusyWhenBusyWasSeenByARead() {
    puffle.alwaysBusy("chat_processing");
    SessionBusyException e = endsWithin(Duration.ofMillis(500), SessionBusyException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"),
            RequestOptions.builder().busyTimeout(Duration.ofMillis(500)).build()));
    assertEquals(TaskStatus.CHAT_PROCESSING, e.busyStatus());
    assertEquals(0, puffle.taskRequests());
  }

  @Test
  void theBusyTimeoutEndsWithSessionBusyWhenBusyWasSeenAsA409() {
    puffle.otherClientBefore(2, Other.EXAMPLES);
    SessionBusyException e = endsWithin(Duration.ofMillis(500), SessionBusyException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"),
            RequestOptions.builder().busyTimeout(Duration.ofMillis(500)).build()));
    assertEquals(TaskStatus.GENERATING_EXAMPLES, e.busyStatus());
  }

  @Test
  void whenTheBusyTimeoutComesFirstItWinsWithSessionBusy() {
    puffle.alwaysBusy("generating_examples");
    SessionBusyException e = endsWithin(Duration.ofMillis(500), SessionBusyException.class,
        () -> client.sessions().generateExamples(SESSION_ID, ExamplesRequest.of(leads()),
            RequestOptions.builder().busyTimeout(Duration.ofMillis(500)).timeout(ONE_SECOND).build()));
    assertEquals(TaskStatus.GENERATING_EXAMPLES, e.busyStatus());
  }

  @Test
  void whenTheCallDeadlineComesFirstItWinsWithATimeout() {
    puffle.alwaysBusy("generating_examples");
    endsWithin(ONE_SECOND, PuffleTimeoutException.class,
        () -> client.sessions().generateExamples(SESSION_ID, ExamplesRequest.of(leads()),
            RequestOptions.builder().busyTimeout(Duration.ofSeconds(2)).timeout(ONE_SECOND).build()));
  }

  @Test
  void busyTimeoutZeroRefusesABusySessionAtOnceWithoutSending() {
    puffle.alwaysBusy("chat_processing");
    SessionBusyException e = assertThrows(SessionBusyException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"),
            RequestOptions.builder().busyTimeout(Duration.ZERO).build()));
    assertEquals(TaskStatus.CHAT_PROCESSING, e.busyStatus());
    assertEquals(0, puffle.taskRequests());
  }

  // ------------------------------------------- "taken" needs evidence that belongs to the request

  @Test
  void aDroppedTurnIsNotTakenForAcceptedWhenAnotherClientsExampleRunHoldsTheSession() {
    puffle.faultNextTask(Fault.DROP_BEFORE).otherClientBefore(3, Other.EXAMPLES);
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"));
    assertEquals("reply to hello", r.reply());
    assertEquals(1, puffle.accepted("hello"), "the lost turn was sent again, once");
    assertEquals(2, r.attempts());
  }

  @Test
  void aDroppedTurnIsNotTakenForAcceptedWhenAnotherClientsTurnHoldsTheSession() {
    puffle.faultNextTask(Fault.DROP_BEFORE).otherClientBefore(3, Other.TURN);
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertTrue(run.isKnown(), "sent again once the other turn was done: " + run);
    assertEquals(1, puffle.accepted("hello"));
  }

  @Test
  void aTakenTurnWhoseResponseWasLostIsReconciledOnceItsTaskEnds() {
    puffle.faultNextTask(Fault.DROP_AFTER);
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"));
    assertEquals("reply to hello", r.reply());
    assertEquals(1, puffle.accepted("hello"));
    assertEquals(1, r.attempts());
  }

  @Test
  void aTakenTurnVisibleAtOnceIsReconciledWithoutWaiting() {
    puffle.userMessageAtClaim(true).faultNextTask(Fault.STATUS_504_AFTER);
    RunHandle run = client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertEquals(1, puffle.accepted("hello"));
    assertTrue(!run.isKnown(), "its response was lost");
    assertEquals(TaskStatus.CHAT_PROCESSING.wireValue(), puffle.taskStatus(SESSION_ID),
        "decided while the task still ran: our message was there");
  }

  @Test
  void whenTheEvidenceNeverComesTheOriginalFailureSaysTheTurnMayHaveArrived() {
    puffle.faultNextTask(Fault.DROP_AFTER).turnTakes(Duration.ofMinutes(10).toNanos());
    PuffleException e = assertThrows(PuffleException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"),
            RequestOptions.builder().busyTimeout(Duration.ofSeconds(5)).build()));
    assertTrue(e instanceof ai.puffle.sdk.PuffleConnectionException
        && ((ai.puffle.sdk.PuffleConnectionException) e).requestSent(), "the original failure: " + e);
    assertEquals(1, puffle.accepted("hello"), "never sent twice");
    assertEquals(1, e.getSuppressed().length, "what reconciling found is attached");
    assertTrue(e.getSuppressed()[0].getMessage().contains("may have"), e.getSuppressed()[0].getMessage());
  }

  @Test
  void aDroppedExampleRunIsSentAgainWhenAnotherClientsTurnHeldTheSession() {
    puffle.faultNextTask(Fault.DROP_BEFORE).otherClientBefore(3, Other.TURN);
    RunHandle run = client.sessions().generateExamples(SESSION_ID, ExamplesRequest.of(leads()));
    assertTrue(run.isKnown());
    assertEquals(1, puffle.acceptedExampleRuns());
  }

  @Test
  void aTakenExampleRunIsReconciledFromItsExamples() {
    puffle.faultNextTask(Fault.STATUS_503_AFTER);
    RunHandle run = client.sessions().generateExamples(SESSION_ID, ExamplesRequest.of(leads()));
    assertTrue(!run.isKnown());
    assertEquals(1, puffle.acceptedExampleRuns());
  }

  // ------------------------------------------------------------- one deadline, every stage

  @Test
  void reconcilingAnUnknownOutcomeEndsAtTheCallDeadlineWithTheOriginalFailure() {
    puffle.faultNextTask(Fault.DROP_AFTER).turnTakes(Duration.ofMinutes(1).toNanos());
    PuffleException e = endsWithin(Duration.ofSeconds(3), PuffleException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"), timeout(Duration.ofSeconds(3))));
    assertTrue(e instanceof ai.puffle.sdk.PuffleConnectionException, "the original failure: " + e);
    assertEquals(1, puffle.accepted("hello"));
    assertTrue(e.getSuppressed()[0].getCause() instanceof PuffleTimeoutException,
        "the wait for idle was cut by the call's deadline: " + e.getSuppressed()[0]);
  }

  @Test
  void aBusyReadBeforeSendingAndA409ShareOneBusyBudget() {
    puffle.turnTakes(Duration.ofSeconds(3).toNanos());
    puffle.otherClientStarts(SESSION_ID, Other.TURN);
    puffle.otherClientBefore(4, Other.EXAMPLES);  // read (busy), two polls, then the turn meets a 409
    SessionBusyException e = endsWithin(Duration.ofSeconds(20), SessionBusyException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hello"),
            RequestOptions.builder().busyTimeout(Duration.ofSeconds(20)).build()));
    assertEquals(TaskStatus.GENERATING_EXAMPLES, e.busyStatus());
  }

  // ------------------------------------------------------------------ no wasted first poll

  @Test
  void aWaitAfterAnAcceptedTaskPollsFirstAfterTheInitialInterval() {
    puffle.turnTakes(Duration.ofMillis(1500).toNanos());
    long start = timing.nanoTime();
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"));
    assertEquals("reply to hello", r.reply());
    assertEquals(3, puffle.requests(), "read, turn, one poll: the session can only be busy right after");
    assertEquals(List.of(timing.sleeps().get(0)), timing.sleeps(), "one wait before the poll");
    assertTrue(timing.sleeps().get(0).compareTo(Duration.ofSeconds(2)) >= 0
        && timing.sleeps().get(0).compareTo(Duration.ofMillis(2400)) <= 0,
        "the initial interval, lengthened by jitter only: " + timing.sleeps());
    assertTrue(Duration.ofNanos(timing.nanoTime() - start).compareTo(Duration.ofMillis(2400)) <= 0);
  }
}
