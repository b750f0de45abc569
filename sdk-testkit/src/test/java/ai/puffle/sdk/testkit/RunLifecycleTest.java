package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runs of turns and example runs: their statuses over time, their ends, and the session. */
class RunLifecycleTest {
  private RunFixture f = new RunFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private static final List<String> RETRIEVE_FIELDS = List.of("id", "status", "taskIdentifier",
      "isQueued", "isExecuting", "isWaiting", "isCompleted", "isSuccess", "isFailed",
      "isCancelled", "isTest", "createdAt", "updatedAt", "tags", "costInCents",
      "baseCostInCents", "durationMs", "depth", "triggerFunction", "relatedRuns");

  private void advance(long millis) {
    f.fake.clock().advance(Duration.ofMillis(millis));
  }

  private String status(RunFixture.Run run) {
    return (String) f.retrieve(run).json().get("status");
  }

  @Test
  void aTurnsRunIsQueuedThenDequeuedThenExecutingThenCompleted() {
    RunFixture.Run run = f.startTurn();
    assertTrue(run.id.startsWith("run_"), run.id);
    assertTrue(run.token.startsWith("tr_pat_"));

    Map<String, Object> queued = f.retrieve(run).json();
    assertEquals("QUEUED", queued.get("status"));
    assertEquals(true, queued.get("isQueued"));
    assertEquals("framework-chat-turn", queued.get("taskIdentifier"));
    assertEquals("2026-04-22T10:00:00.000Z", queued.get("createdAt"));
    assertFalse(queued.containsKey("startedAt"));
    assertFalse(queued.containsKey("finishedAt"));
    assertFalse(queued.containsKey("output"));
    assertEquals(Map.of("sessionId", run.sessionId), queued.get("payload"));

    advance(500);
    assertEquals("DEQUEUED", status(run));
    advance(500);
    Map<String, Object> executing = f.retrieve(run).json();
    assertEquals("EXECUTING", executing.get("status"));
    assertEquals(true, executing.get("isExecuting"));
    assertEquals("2026-04-22T10:00:01.000Z", executing.get("startedAt"));
    assertEquals(1.0, executing.get("attemptCount"));

    advance(13_999);
    assertEquals("EXECUTING", status(run));
    assertEquals("chat_processing", f.taskStatus(run));
    advance(1);
    Map<String, Object> completed = f.retrieve(run).json();
    assertEquals("COMPLETED", completed.get("status"));
    assertEquals(true, completed.get("isCompleted"));
    assertEquals(true, completed.get("isSuccess"));
    assertEquals(false, completed.get("isFailed"));
    assertEquals("2026-04-22T10:00:15.000Z", completed.get("finishedAt"));
    assertEquals(14_000.0, completed.get("durationMs"), "from startedAt to the end");
    assertEquals(Map.of("sessionId", run.sessionId), completed.get("output"));
    assertFalse(completed.containsKey("error"));
    assertNull(f.taskStatus(run));
  }

  @Test
  void retrieveAnswersEveryRequiredFieldAndNeverANull() {
    RunFixture.Run run = f.startTurn();
    List<Map<String, Object>> bodies = new ArrayList<>();
    for (int step = 0; step < 4; step++) {
      bodies.add(f.retrieve(run).json());
      f.fake.clock().advance(Duration.ofSeconds(5));
    }
    bodies.add(f.retrieve(run).json());
    for (Map<String, Object> body : bodies) {
      for (String field : RETRIEVE_FIELDS) {
        assertTrue(body.containsKey(field), field + " in " + body);
      }
      assertFalse(body.containsValue(null), "optional fields are left out: " + body);
      assertEquals("trigger", body.get("triggerFunction"));
      assertEquals(0.0, body.get("depth"));
      assertEquals(List.of(), body.get("tags"));
    }
    assertEquals("COMPLETED", bodies.get(bodies.size() - 1).get("status"));
  }

  @Test
  void anExampleRunsRunEndsWithTheExamples() {
    String sessionId = f.createSession();
    f.chatToSkeleton(sessionId);
    RunFixture.Run run = new RunFixture.Run(sessionId, f.examples(sessionId, Fixture.THREE_LEADS));

    assertEquals("generate-email-examples", f.retrieve(run).json().get("taskIdentifier"));
    assertEquals("QUEUED", status(run));
    advance(1_000);
    assertEquals("EXECUTING", status(run));
    f.fake.clock().advance(Duration.ofSeconds(17));
    assertEquals("EXECUTING", status(run), "10 s + 3 s per lead: 19 s");
    assertEquals("generating_examples", f.taskStatus(run));
    f.fake.clock().advance(Duration.ofSeconds(1));
    assertEquals("COMPLETED", status(run));
    assertNull(f.taskStatus(run));
    assertEquals(3, ((List<?>) f.session(sessionId).get("generated_examples")).size());
  }

  @Test
  void aTurnWithoutAReplyFails() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.taskWithoutReply());
    RunFixture.Run run = f.startTurn();
    f.fake.clock().advance(Fixture.TURN);

    Map<String, Object> failed = f.retrieve(run).json();
    assertEquals("FAILED", failed.get("status"));
    assertEquals(true, failed.get("isCompleted"));
    assertEquals(true, failed.get("isFailed"));
    assertEquals(false, failed.get("isSuccess"));
    assertNotNull(failed.get("finishedAt"));
    assertFalse(failed.containsKey("output"));
    assertEquals("The turn ended without a reply", error(failed).get("message"));
    assertNull(f.taskStatus(run));
  }

  @Test
  void anExampleRunWithoutExamplesFails() {
    String sessionId = f.createSession();
    f.chatToSkeleton(sessionId);
    f.fake.faults().next(Operation.GENERATE_EXAMPLES, Fault.taskWithoutReply());
    RunFixture.Run run = new RunFixture.Run(sessionId, f.examples(sessionId, Fixture.THREE_LEADS));
    f.fake.clock().advanceUntilIdle();
    assertEquals("FAILED", status(run));
    assertEquals("The example run ended without examples",
        error(f.retrieve(run).json()).get("message"));
  }

  @Test
  void aReplyModelThatThrowsFailsTheRunWithItsError() {
    f.close();
    f = new RunFixture(FakePuffle.builder().timeMode(TimeMode.virtual()).replyModel(turn -> {
      throw new IllegalStateException("the model is down");
    }));
    RunFixture.Run run = f.startTurn();
    f.fake.clock().advance(Fixture.TURN);
    Map<String, Object> error = error(f.retrieve(run).json());
    assertEquals("IllegalStateException", error.get("name"));
    assertEquals("the model is down", error.get("message"));
    assertNull(f.taskStatus(run));
  }

  @Test
  void aTaskThatNeverFinishesLeavesItsRunExecuting() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
    RunFixture.Run run = f.startTurn();
    f.fake.clock().advance(Duration.ofMinutes(30));
    assertEquals("EXECUTING", status(run));
    assertEquals("chat_processing", f.taskStatus(run));

    f.http.patch(SESSIONS + "/" + run.sessionId, "{\"task_status\":null}");
    assertEquals("EXECUTING", status(run), "a PATCH on the session does not touch the run");
  }

  @Test
  void aDeletedSessionsTaskStillRunsToCompletion() {
    RunFixture.Run run = f.startTurn();
    f.http.delete(SESSIONS + "/" + run.sessionId);
    f.fake.clock().advance(Fixture.TURN);
    assertEquals("COMPLETED", status(run));
  }

  @Test
  void theRunIsOverAtTheInstantTheSessionIsIdleAgain() {
    RunFixture.Run run = f.startTurn();
    for (int step = 0; step <= 64; step++) {
      Map<String, Object> session = f.session(run.sessionId);
      Map<String, Object> retrieved = f.retrieve(run).json();
      Map<String, Object> row = RunHttp.value(f.snapshot(run), 0);
      boolean idle = session.get("task_status") == null;
      assertEquals(idle, retrieved.get("isCompleted"), "retrieve at step " + step);
      assertEquals(idle, row.get("completedAt") != null, "feed at step " + step);
      if (idle) {
        assertEquals(Instant.parse((String) session.get("updated_at")),
            Instant.parse((String) retrieved.get("finishedAt")));
        assertEquals(Instant.parse((String) retrieved.get("finishedAt")),
            Instant.parse(row.get("completedAt") + "Z"));
      }
      f.fake.clock().advance(Duration.ofMillis(250));
    }
    assertNull(f.taskStatus(run), "16 s: the turn is over");
  }

  @Test
  void theRunAndTheSessionAgreeOnAScaledClockToo() {
    f.close();
    f = new RunFixture(FakePuffle.builder().timeMode(TimeMode.scaled(0.001)));
    RunFixture.Run run = f.startTurn();
    Http.Res done = f.runs.feed(run.id, run.token, "offset=-1");
    while (RunHttp.value(done, 0).get("completedAt") == null) {
      // Each live request is held until the run changes (at most about 50 ms here).
      done = f.runs.feed(run.id, run.token, "offset=-1");
      Http.Res live = f.runs.feed(run.id, run.token, RunHttp.next(done, true));
      assertEquals(200, live.status);
    }
    Map<String, Object> session = f.session(run.sessionId);
    assertNull(session.get("task_status"));
    assertEquals(Instant.parse((String) session.get("updated_at")),
        Instant.parse((String) f.retrieve(run).json().get("finishedAt")));
  }

  @Test
  void olderApiVersionsSeeDequeuedAsExecuting() {
    RunFixture.Run run = f.startTurn();
    advance(500);
    assertEquals("DEQUEUED", f.runs.retrieve(run.id, run.token, true).json().get("status"));
    assertEquals("EXECUTING", f.runs.retrieve(run.id, run.token, false).json().get("status"));
    assertEquals("DEQUEUED", RunHttp.value(f.runs.feed(run.id, run.token, "offset=-1"), 0)
        .get("status"));
    assertEquals("EXECUTING", RunHttp.value(
        f.runs.feed(run.id, run.token, "offset=-1", false, true), 0).get("status"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> error(Map<String, Object> retrieved) {
    return (Map<String, Object>) retrieved.get("error");
  }
}
