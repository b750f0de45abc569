package ai.puffle.sdk.client;

import static ai.puffle.sdk.testing.Json.SESSION_ID;
import static ai.puffle.sdk.testing.Json.error;
import static ai.puffle.sdk.testing.Json.ok;
import static ai.puffle.sdk.testing.Json.runHandle;
import static ai.puffle.sdk.testing.Json.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testing.EventLog;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link PuffleEventListener} is told, in order, for scripted calls; that listeners compose
 * and can add trace headers; and that a listener that throws changes nothing.
 */
class EventListenerTest {
  static final String TURN = "/api/campaigns/ai-chat-sessions/{id}/turn";
  static final String ONE_SESSION = "/api/campaigns/ai-chat-sessions/{id}";

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

  @Test
  void aReadRetriedAfterA503() {
    server.enqueue(error(503, "down"));
    server.enqueue(session().response());
    client.sessions().get(SESSION_ID);
    assertEquals(List.of(
        "operationStart getAiChatSession GET " + ONE_SESSION,
        "attemptStart getAiChatSession #1",
        "attemptEnd getAiChatSession #1 503 ServerException",
        "retryScheduled getAiChatSession #1 TRANSIENT",
        "attemptStart getAiChatSession #2",
        "attemptEnd getAiChatSession #2 200",
        "operationEnd getAiChatSession attempts=2 ok"), events.lines());
    Duration delay = events.retries().get(0).delay;
    assertTrue(delay.toMillis() >= 500 && delay.toMillis() <= 600, "the backoff slept: " + delay);
    PuffleEventListener.Operation op = (PuffleEventListener.Operation) events.values().get(0);
    assertEquals(SESSION_ID, op.sessionId().orElseThrow());
    PuffleEventListener.Attempt attempt = events.retries().get(0).attempt;
    assertEquals(server.url("/api/campaigns/ai-chat-sessions/" + SESSION_ID).uri(), attempt.url());
  }

  @Test
  void aTurnAndWaitThatMetA409() {
    server.enqueue(session().response());                                  // read before sending
    server.enqueue(error(409, "Session is busy (generating_examples)"));   // the turn
    server.enqueue(session().busy("generating_examples").response());       // busy wait, poll 1
    server.enqueue(session().response());                                  // busy wait, poll 2: idle
    server.enqueue(ok(runHandle()));                                       // the turn, sent again
    server.enqueue(session().user("hello").busy("chat_processing").response());
    server.enqueue(session().user("hello").assistant("Hi!").response());
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"), WaitOptions.defaults());
    assertEquals("Hi!", r.reply());
    assertEquals(List.of(
        "operationStart turnAndWait POST " + TURN,
        "attemptStart getAiChatSession #1",
        "attemptEnd getAiChatSession #1 200",
        "attemptStart runAiChatTurn #1",
        "attemptEnd runAiChatTurn #1 409 SessionBusyException",
        "retryScheduled runAiChatTurn #1 SESSION_BUSY",
        "waitStart BUSY GENERATING_EXAMPLES",
        "attemptStart getAiChatSession #2",
        "attemptEnd getAiChatSession #2 200",
        "poll BUSY 1 GENERATING_EXAMPLES",
        "attemptStart getAiChatSession #3",
        "attemptEnd getAiChatSession #3 200",
        "poll BUSY 2 IDLE",
        "waitEnd BUSY polls=2 ok",
        "attemptStart runAiChatTurn #2",
        "attemptEnd runAiChatTurn #2 200",
        "waitStart TASK CHAT_PROCESSING",
        "attemptStart getAiChatSession #4",
        "attemptEnd getAiChatSession #4 200",
        "poll TASK 1 CHAT_PROCESSING",
        "attemptStart getAiChatSession #5",
        "attemptEnd getAiChatSession #5 200",
        "poll TASK 2 IDLE",
        "waitEnd TASK polls=2 ok",
        "operationEnd turnAndWait attempts=2 ok"), events.lines());
  }

  @Test
  void aTurnWhoseResponseWasLostIsReconciled() {
    server.enqueue(session().response());
    server.enqueue(error(502, "Bad gateway"));
    server.enqueue(session().user("hello").busy("chat_processing").response());
    client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertEquals(List.of(
        "operationStart runAiChatTurn POST " + TURN,
        "attemptStart getAiChatSession #1",
        "attemptEnd getAiChatSession #1 200",
        "attemptStart runAiChatTurn #1",
        "attemptEnd runAiChatTurn #1 502 ServerException",
        "attemptStart getAiChatSession #2",
        "attemptEnd getAiChatSession #2 200",
        "reconciled runAiChatTurn #1 TAKEN",
        "operationEnd runAiChatTurn attempts=1 ok"), events.lines());
  }

  @Test
  void aTurnNotTakenIsReconciledThenSentAgain() {
    server.enqueue(session().response());
    server.enqueue(error(504, "Gateway timeout"));
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    client.sessions().turn(SESSION_ID, TurnRequest.of("hello"));
    assertEquals(List.of(
        "reconciled runAiChatTurn #1 NOT_TAKEN",
        "retryScheduled runAiChatTurn #1 NOT_TAKEN"),
        events.lines().stream().filter(l -> l.startsWith("reconciled") || l.startsWith("retry"))
            .collect(java.util.stream.Collectors.toList()));
    assertTrue(events.lines().contains("operationEnd runAiChatTurn attempts=2 ok"), events.toString());
  }

  @Test
  void aFailedCallEndsWithItsFailure() {
    server.enqueue(error(404, "Not found"));
    assertThrows(NotFoundException.class, () -> client.sessions().get(SESSION_ID));
    assertEquals("operationEnd getAiChatSession attempts=1 NotFoundException",
        events.lines().get(events.lines().size() - 1));
  }

  @Test
  void aCancelledCallEndsCancelled() throws Exception {
    timing.holdDelayedTasks();
    server.enqueue(session().busy("chat_processing").response());
    java.util.concurrent.CompletableFuture<Session> wait =
        client.async().sessions().awaitIdle(SESSION_ID, WaitOptions.defaults());
    for (int i = 0; i < 200 && timing.heldTasks() == 0; i++) {
      Thread.sleep(5);
    }
    assertEquals(1, timing.heldTasks(), "the next poll is scheduled");
    assertTrue(wait.cancel(true));
    List<String> ends = events.lines("operationEnd");
    assertEquals(List.of("operationEnd awaitIdle attempts=1 CancellationException"), ends);
  }

  @Test
  void clientAndPerCallListenersAreAllToldAndOneFactoryOnce() {
    EventLog perCall = new EventLog();
    server.enqueue(session().response());
    client.sessions().get(SESSION_ID, RequestOptions.builder().eventListener(perCall).eventListener(events).build());
    assertEquals(events.lines(), perCall.lines());
    assertEquals(1, events.lines("operationStart").size(), "the client's factory, given again per call, counts once");
    server.enqueue(session().response());
    PuffleClient derived = client.withOptions(RequestOptions.builder().eventListener(perCall).build());
    derived.sessions().get(SESSION_ID);
    assertEquals(2, perCall.lines("operationStart").size());
    assertEquals(2, events.lines("operationStart").size());
  }

  @Test
  void aListenerAddsHeadersButNotTheClientsOwn() throws Exception {
    List<String> refused = new ArrayList<>();
    RequestOptions tracing = RequestOptions.builder().eventListener(op -> new PuffleEventListener() {
      @Override
      public void attemptStart(Attempt attempt, BiConsumer<String, String> headers) {
        headers.accept("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        for (String own : List.of("Authorization", "User-Agent", "Host", "Content-Length")) {
          try {
            headers.accept(own, "x");
          } catch (RuntimeException e) {
            refused.add(own);
          }
        }
      }
    }).build();
    server.enqueue(session().response());
    client.sessions().get(SESSION_ID, tracing);
    RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", sent.getHeaders().get("traceparent"));
    assertEquals("Bearer " + TestClients.API_KEY, sent.getHeaders().get("Authorization"));
    assertEquals(List.of("Authorization", "User-Agent", "Host", "Content-Length"), refused);
  }

  @Test
  void listenersThatThrowChangeNothing() {
    AtomicInteger thrown = new AtomicInteger();
    InvocationHandler throwing = (proxy, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.getName().equals("hashCode") ? System.identityHashCode(proxy)
            : method.getName().equals("equals") ? proxy == args[0] : "throwing";
      }
      thrown.incrementAndGet();
      throw new IllegalStateException("listener bug");
    };
    PuffleEventListener bad = (PuffleEventListener) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {PuffleEventListener.class}, throwing);
    EventLog after = new EventLog();
    RequestOptions options = RequestOptions.builder()
        .eventListener(op -> {
          throw new IllegalStateException("factory bug");
        })
        .eventListener(op -> bad)
        .eventListener(after)
        .build();
    server.enqueue(session().response());
    server.enqueue(error(409, "Session is busy (chat_processing)"));
    server.enqueue(session().response());
    server.enqueue(ok(runHandle()));
    server.enqueue(session().user("hello").assistant("Hi!").response());
    TurnResult r = client.sessions().turnAndWait(SESSION_ID, TurnRequest.of("hello"), WaitOptions.defaults(), options);
    assertEquals("Hi!", r.reply());
    assertTrue(thrown.get() >= 10, "the throwing listener was called each time: " + thrown);
    assertEquals(events.lines(), after.lines(), "listeners after a throwing one are told everything");
    assertEquals(2, r.attempts());
  }

  @Test
  void aWaitReportsTheTaskItWaitsFor() {
    server.enqueue(session().busy("chat_processing").response());
    server.enqueue(session().response());
    assertFalse(client.sessions().awaitIdle(SESSION_ID).isBusy());
    assertEquals(List.of("waitStart TASK"), events.lines("waitStart"), "awaitIdle does not know the task");
    assertEquals(List.of("poll TASK 1 CHAT_PROCESSING", "poll TASK 2 IDLE"), events.lines("poll"));
    PuffleEventListener.Wait wait = (PuffleEventListener.Wait) events.values().stream()
        .filter(v -> v instanceof PuffleEventListener.Wait).findFirst().orElseThrow();
    assertEquals(SESSION_ID, wait.sessionId());
    assertEquals(java.util.Optional.<TaskStatus>empty(), wait.task());
  }
}
