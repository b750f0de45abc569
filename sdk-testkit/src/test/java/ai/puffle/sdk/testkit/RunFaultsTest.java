package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Faults on the run endpoints, scripted like every other fault, and the switch that hides them. */
class RunFaultsTest {
  private final RunFixture f = new RunFixture();
  private final RunFixture.Run run = f.startTurn();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aDroppedFeedConnection() {
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.disconnect());
    IOException dropped = assertThrows(IOException.class,
        () -> f.runs.feedOrThrow(run.id, run.token, "offset=-1"));
    assertFalse(dropped instanceof SocketTimeoutException);
    assertEquals(0, f.fake.requests(Operation.SUBSCRIBE_TO_RUN).get(0).status());
    assertEquals(200, f.snapshot(run).status, "only the next request");
  }

  @Test
  void aRateLimitedFeedRequest() {
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN,
        Fault.status(429, "Too many concurrent requests"));
    Http.Res limited = f.snapshot(run);
    assertEquals(429, limited.status);
    assertEquals("Too many concurrent requests", limited.error());
    assertNull(limited.headers.get("electric-handle"));
    assertEquals(200, f.snapshot(run).status);
  }

  @Test
  void aStalledLiveRequestTimesTheClientOut() {
    Http.Res snapshot = f.snapshot(run);
    RunHttp impatient = new RunHttp(f.fake, Duration.ofMillis(150));
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.stall());
    f.fake.clock().advance(Duration.ofSeconds(1)); // changes are waiting: only the stall holds it
    UncheckedIOException stalled = assertThrows(UncheckedIOException.class,
        () -> impatient.feed(run.id, run.token, RunHttp.next(snapshot, true)));
    assertTrue(stalled.getCause() instanceof SocketTimeoutException);
    assertEquals(200, f.runs.feed(run.id, run.token, RunHttp.next(snapshot, true)).status);
  }

  @Test
  void aGarbageBodyKeepsTheElectricHeaders() {
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.malformedJson());
    Http.Res garbage = f.snapshot(run);
    assertEquals(200, garbage.status);
    assertTrue(garbage.headers.get("electric-handle") != null);
    assertTrue(garbage.headers.get("electric-offset") != null);
    assertThrows(RuntimeException.class, () -> RunHttp.messages(garbage));
  }

  @Test
  void aTruncatedFeedBody() {
    String full = f.snapshot(run).body;
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.truncatedJson());
    Http.Res cut = f.snapshot(run);
    assertEquals(full.substring(0, full.length() / 2), cut.body);
    assertEquals("0_0", cut.headers.get("electric-offset"));
  }

  @Test
  void retrieveFaults() {
    f.fake.faults().next(Operation.RETRIEVE_RUN, Fault.status(500))
        .next(Operation.RETRIEVE_RUN, Fault.htmlPage(502));
    assertEquals(500, f.retrieve(run).status);
    Http.Res html = f.retrieve(run);
    assertEquals(502, html.status);
    assertEquals("text/html", html.headers.get("Content-Type"));
    assertEquals(200, f.retrieve(run).status);
    assertEquals(2, f.fake.injectedFaults().size());
    assertEquals(Operation.RETRIEVE_RUN, f.fake.injectedFaults().get(0).operation());
  }

  @Test
  void feedFaultsDoNotTouchRetrieveAndTheOtherWayRound() {
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.status(503));
    assertEquals(200, f.retrieve(run).status);
    assertEquals(503, f.snapshot(run).status);
  }

  @Test
  void runFaultsAimOnlyAtTheRunEndpointsTheyApplyTo() {
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().next(Operation.RETRIEVE_RUN, Fault.mustRefetch()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().next(Operation.GET_SESSION, Fault.mustRefetch()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().next(Operation.RUN_TURN, Fault.tokenExpired()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().nextRequest(Fault.tokenExpired()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().rate(0.5, 1L, Fault.mustRefetch()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.taskNeverFinishes()));
    assertThrows(IllegalStateException.class, () -> Fault.mustRefetch().beforeProcessing());
    assertThrows(IllegalStateException.class, () -> Fault.tokenExpired().afterProcessing());
    assertTrue(Fault.mustRefetch().isRunFault());
    assertFalse(Fault.mustRefetch().isTaskFault());
    assertEquals(0, f.fake.faults().pending());
  }

  @Test
  void switchedOffTheRunEndpointsAnswer404AndAreStillCounted() {
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.status(500));
    f.fake.serveTriggerRuns(false);

    for (Http.Res res : List.of(f.retrieve(run), f.snapshot(run))) {
      assertEquals(404, res.status);
      assertEquals("Not found", res.error());
      assertNull(res.headers.get("x-should-retry"), "not the unknown-run 404");
    }
    assertEquals(1, f.fake.requestCount(Operation.RETRIEVE_RUN));
    assertEquals(1, f.fake.requestCount(Operation.SUBSCRIBE_TO_RUN));
    assertEquals(1, f.fake.faults().pending(), "no fault is used while switched off");
    assertEquals(200, f.http.get(Fixture.SESSIONS + "/" + run.sessionId).status,
        "Puffle's endpoints are still served");

    f.fake.clock().advance(Fixture.TURN);
    f.fake.serveTriggerRuns(true);
    assertEquals(500, f.snapshot(run).status);
    assertEquals("COMPLETED", f.retrieve(run).json().get("status"), "the run went on meanwhile");
  }

  @Test
  void otherMethodsOnRunPathsAre405() {
    Http.Res post = f.http.post("/api/v3/runs/" + run.id, "{}");
    assertEquals(405, post.status);
    List<RecordedCall> calls = f.fake.requests();
    assertEquals(Operation.UNKNOWN, calls.get(calls.size() - 1).operation());
    assertEquals(Map.of("error", "Method not allowed"), post.json());
  }
}
