package ai.puffle.sdk.client;

import static ai.puffle.sdk.testing.Json.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleInterruptedException;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.ModelPuffle;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cancelling a live turn stops everything the client does for it, and only that. */
class LiveTurnCancelTest {
  final MockWebServer puffleServer = new MockWebServer();
  final MockWebServer trigger = new MockWebServer();
  final FakeTiming timing = new FakeTiming().holdDelayedTasks();
  final ModelPuffle puffle = new ModelPuffle(timing::nanoTime);
  PuffleClient client;

  @BeforeEach
  void start() throws Exception {
    puffleServer.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    trigger.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    puffle.serveOn(puffleServer);
    puffleServer.start();
    trigger.setDispatcher(new mockwebserver3.Dispatcher() {
      @Override
      public MockResponse dispatch(mockwebserver3.RecordedRequest r) {
        return new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build();
      }
    });
    trigger.start();
    puffle.addSession(SESSION_ID, true);
    client = TestClients.builder(puffleServer, timing)
        .watchRuns(true).triggerApiUrl(trigger.url("/").toString()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    timing.close();
    puffleServer.close();
    trigger.close();
  }

  @Test
  void cancellingStopsThePollsTheFeedAndTheViewsButNotTheTurn() throws Exception {
    LiveTurn turn = client.sessions().startTurn(SESSION_ID, TurnRequest.of("hello"));
    long end = System.nanoTime() + 5_000_000_000L;
    while (timing.heldTasks() < 2 && System.nanoTime() < end) {
      Thread.sleep(1);  // the first poll and the run's first look wait for their delays
    }
    timing.releaseDelayed();
    while ((trigger.getRequestCount() == 0 || timing.heldTasks() < 2) && System.nanoTime() < end) {
      Thread.sleep(1);  // the feed's first request has failed and its retry is waiting, as is the poll
    }
    assertTrue(trigger.getRequestCount() > 0 && timing.heldTasks() >= 2, "following the run and polling");
    LiveTurn.Events events = turn.events();

    turn.cancel();
    int puffleRequests = puffle.requests();
    int triggerRequests = trigger.getRequestCount();
    timing.releaseDelayed();
    timing.releaseDelayed();

    assertEquals(puffleRequests, puffle.requests(), "no session poll after the cancel");
    assertEquals(triggerRequests, trigger.getRequestCount(), "no run request after the cancel");
    assertTrue(turn.result().isCancelled());
    List<TurnEvent> seen = new ArrayList<>();
    events.forEachRemaining(seen::add);
    TurnEvent last = seen.get(seen.size() - 1);
    assertEquals(TurnEvent.Kind.END, last.kind());
    assertTrue(last.failure().orElseThrow() instanceof PuffleInterruptedException, String.valueOf(last));
    assertEquals(1, puffle.accepted("hello"), "the turn itself goes on");
    assertEquals("chat_processing", puffle.taskStatus(SESSION_ID));
  }
}
