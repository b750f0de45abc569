package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The realtime run feed on Electric's shape protocol, on the virtual clock. */
class RunFeedTest {
  private static final Duration AWAIT = Duration.ofSeconds(10);
  private static final Map<String, Object> UP_TO_DATE =
      Map.of("headers", Map.of("control", "up-to-date"));

  private final RunFixture f = new RunFixture();
  private final RunFixture.Run run = f.startTurn();

  @AfterEach
  void close() {
    f.close();
  }

  private static Http.Res await(CompletableFuture<Http.Res> pending) throws Exception {
    return pending.get(AWAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void theSnapshotIsAnInsertOfTheWholeRowThenUpToDate() throws IOException {
    Http.Res snapshot = f.snapshot(run);

    assertEquals(200, snapshot.status);
    assertEquals("1-1776852000000000", snapshot.headers.get("electric-handle"));
    assertEquals("0_0", snapshot.headers.get("electric-offset"));
    assertNull(snapshot.headers.get("electric-cursor"), "only live answers carry a cursor");
    assertNull(snapshot.headers.get("electric-up-to-date"), "clients read the control message");
    List<Map<String, Object>> messages = RunHttp.messages(snapshot);
    assertEquals(2, messages.size());
    assertEquals(UP_TO_DATE, messages.get(1));
    Map<String, Object> insert = messages.get(0);
    assertEquals(Map.of("operation", "insert"), insert.get("headers"));
    Map<String, Object> row = RunHttp.value(snapshot, 0);
    assertEquals("\"public\".\"TaskRun\"/\"" + row.get("id") + "\"", insert.get("key"));
    assertTrue(((String) row.get("id")).matches("cm[a-z0-9]{23}"), (String) row.get("id"));
    assertEquals(run.id, row.get("friendlyId"));
    assertEquals("framework-chat-turn", row.get("taskIdentifier"));
    assertEquals("PENDING", row.get("status"), "database status names");
    assertEquals("2026-04-22T10:00:00.000", row.get("createdAt"), "no zone");
    assertEquals("2026-04-22T10:00:00.000", row.get("queuedAt"));
    assertNull(row.get("startedAt"));
    assertNull(row.get("completedAt"));
    assertEquals("1", row.get("number"));
    assertEquals("f", row.get("isTest"));
    assertEquals("0", row.get("costInCents"));
    assertEquals("0", row.get("usageDurationMs"));
    assertNull(row.get("runTags"));
    assertEquals("{}", row.get("realtimeStreams"));
    assertEquals("{\"sessionId\":\"" + run.sessionId + "\"}", row.get("payload"));
    assertEquals("application/json", row.get("payloadType"));
    assertEquals("application/json", row.get("outputType"));
    assertTrue(row.values().stream().allMatch(v -> v == null || v instanceof String),
        "every value is a string or null: " + row);

    Map<?, ?> schema = new Moshi.Builder().build().adapter(Map.class)
        .fromJson(snapshot.headers.get("electric-schema"));
    assertEquals(row.keySet(), schema.keySet(), "one schema entry per column");
    assertEquals(Map.of("type", "int4"), schema.get("number"));
    assertEquals(Map.of("type", "bool"), schema.get("isTest"));
    assertEquals(Map.of("type", "timestamp"), schema.get("createdAt"));
    assertEquals(Map.of("type", "jsonb"), schema.get("error"));
    assertEquals(Map.of("type", "float8"), schema.get("costInCents"));
    assertEquals(Map.of("type", "text", "dims", 1.0), schema.get("runTags"));
  }

  @Test
  void catchUpSendsTheChangesAfterTheOffsetAsPartialUpdates() {
    Http.Res snapshot = f.snapshot(run);
    f.fake.clock().advance(Duration.ofSeconds(1));

    Http.Res catchUp = f.runs.feed(run.id, run.token, RunHttp.next(snapshot, false));
    assertEquals(200, catchUp.status);
    assertEquals("2_0", catchUp.headers.get("electric-offset"));
    assertTrue(catchUp.headers.get("electric-schema") != null, "non-live answers carry the schema");
    List<Map<String, Object>> messages = RunHttp.messages(catchUp);
    assertEquals(3, messages.size());
    assertEquals(Map.of("operation", "update"), messages.get(0).get("headers"));
    Map<String, Object> dequeued = RunHttp.value(catchUp, 0);
    assertEquals(List.of("id", "updatedAt", "status"), List.copyOf(dequeued.keySet()),
        "only the changed columns and the key column");
    assertEquals("DEQUEUED", dequeued.get("status"));
    assertEquals("2026-04-22T10:00:00.500", dequeued.get("updatedAt"));
    Map<String, Object> executing = RunHttp.value(catchUp, 1);
    assertEquals("EXECUTING", executing.get("status"));
    assertEquals("2026-04-22T10:00:01.000", executing.get("startedAt"));
    assertEquals(UP_TO_DATE, messages.get(2));

    Http.Res nothingNew = f.runs.feed(run.id, run.token, RunHttp.next(catchUp, false));
    assertEquals(List.of(UP_TO_DATE), RunHttp.messages(nothingNew), "answered at once");
    assertEquals("2_0", nothingNew.headers.get("electric-offset"));
  }

  @Test
  void theFinalChangeCarriesCompletedAtAndTheOutput() {
    Http.Res snapshot = f.snapshot(run);
    f.fake.clock().advance(Fixture.TURN);
    Http.Res catchUp = f.runs.feed(run.id, run.token, RunHttp.next(snapshot, false));
    List<Map<String, Object>> messages = RunHttp.messages(catchUp);
    Map<String, Object> end = RunHttp.value(catchUp, messages.size() - 2);
    assertEquals("COMPLETED_SUCCESSFULLY", end.get("status"));
    assertEquals("2026-04-22T10:00:15.000", end.get("completedAt"));
    assertEquals("14000", end.get("usageDurationMs"));
    assertEquals("{\"sessionId\":\"" + run.sessionId + "\"}", end.get("output"));
    assertTrue(end.containsKey("error") && end.get("error") == null);
  }

  @Test
  void aFailedRunsErrorIsJsonText() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.taskWithoutReply());
    RunFixture.Run failed = f.startTurn(f.createSession(), "hello");
    f.fake.clock().advance(Fixture.TURN);
    Map<String, Object> row = RunHttp.value(f.snapshot(failed), 0);
    assertEquals("COMPLETED_WITH_ERRORS", row.get("status"));
    assertEquals("{\"type\":\"BUILT_IN_ERROR\",\"name\":\"Error\","
        + "\"message\":\"The turn ended without a reply\",\"stackTrace\":\"\"}", row.get("error"));
    assertNull(row.get("output"));
  }

  @Test
  void aLiveRequestIsHeldUntilTheRunChanges() throws Exception {
    Http.Res snapshot = f.snapshot(run);
    CompletableFuture<Http.Res> live = f.runs.feedAsync(run.id, run.token,
        RunHttp.next(snapshot, true));
    f.fake.awaitHeldRunFeeds(1, AWAIT);
    assertFalse(live.isDone());

    f.fake.clock().advance(Duration.ofMillis(500));
    Http.Res changed = await(live);
    assertEquals(200, changed.status);
    assertEquals("DEQUEUED", RunHttp.value(changed, 0).get("status"));
    assertTrue(RunHttp.endsUpToDate(changed));
    assertEquals("1_0", changed.headers.get("electric-offset"));
    assertTrue(changed.headers.get("electric-cursor").matches("\\d+"));
    assertNull(changed.headers.get("electric-schema"), "live answers carry no schema");
    assertEquals(0, f.fake.heldRunFeeds());
  }

  @Test
  void aClockMoveReturnsOnceTheHeldRequestsHaveLookedAtTheNewTime() throws Exception {
    Http.Res snapshot = f.snapshot(run);
    CompletableFuture<Http.Res> live = f.runs.feedAsync(run.id, run.token,
        RunHttp.next(snapshot, true));
    f.fake.awaitHeldRunFeeds(1, AWAIT);

    f.fake.clock().advance(Duration.ofMillis(100));
    assertEquals(1, f.fake.heldRunFeeds(), "nothing new: still held");
    f.fake.clock().advance(Duration.ofMillis(400));
    assertEquals(0, f.fake.heldRunFeeds(),
        "the run was dequeued: the request is released by the time the move returns");
    assertEquals("DEQUEUED", RunHttp.value(await(live), 0).get("status"));

    CompletableFuture<Http.Res> next = f.runs.feedAsync(run.id, run.token,
        RunHttp.next(await(live), true));
    f.fake.awaitHeldRunFeeds(1, AWAIT);
    f.fake.clock().advance(Duration.ofSeconds(20));
    assertEquals(0, f.fake.heldRunFeeds(), "released by the move: the run started");
    assertEquals("EXECUTING", RunHttp.value(await(next), 0).get("status"));
  }

  @Test
  void aLiveRequestReturnsAtTheTasksEnd() throws Exception {
    f.fake.clock().advance(Duration.ofSeconds(1));
    Http.Res snapshot = f.snapshot(run);
    assertEquals("EXECUTING", RunHttp.value(snapshot, 0).get("status"));
    CompletableFuture<Http.Res> live = f.runs.feedAsync(run.id, run.token,
        RunHttp.next(snapshot, true));
    f.fake.awaitHeldRunFeeds(1, AWAIT);

    f.fake.clock().advance(Duration.ofSeconds(13));
    assertFalse(live.isDone(), "no change for 13 s");
    assertEquals(1, f.fake.heldRunFeeds());
    f.fake.clock().advance(Duration.ofSeconds(1));
    Http.Res end = await(live);
    assertEquals("COMPLETED_SUCCESSFULLY", RunHttp.value(end, 0).get("status"));
    assertNull(f.taskStatus(run), "the session is idle when the feed says so");
  }

  @Test
  void aLiveRequestWithNothingNewIsAnsweredUpToDateAfterTwentySeconds() throws Exception {
    f.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
    RunFixture.Run stuck = f.startTurn(f.createSession(), "hello");
    f.fake.clock().advance(Duration.ofSeconds(1));
    Http.Res snapshot = f.snapshot(stuck);
    CompletableFuture<Http.Res> live = f.runs.feedAsync(stuck.id, stuck.token,
        RunHttp.next(snapshot, true));
    f.fake.awaitHeldRunFeeds(1, AWAIT);

    f.fake.clock().advance(Duration.ofMillis(19_999));
    assertFalse(live.isDone());
    f.fake.clock().advance(Duration.ofMillis(1));
    Http.Res timedOut = await(live);
    assertEquals(200, timedOut.status);
    assertEquals(List.of(UP_TO_DATE), RunHttp.messages(timedOut));
    assertEquals(snapshot.headers.get("electric-offset"), timedOut.headers.get("electric-offset"));
    assertEquals(snapshot.headers.get("electric-handle"), timedOut.headers.get("electric-handle"));
    assertTrue(timedOut.headers.get("electric-cursor") != null);
  }

  @Test
  void aLiveRequestOnAScaledClockIsHeldForAShortWhileOnly() {
    try (RunFixture scaled =
        new RunFixture(FakePuffle.builder().timeMode(TimeMode.scaled(0.001)))) {
      // Far longer than the hold here, far shorter than the real server's 20 s.
      RunHttp reader = new RunHttp(scaled.fake, Duration.ofSeconds(5));
      scaled.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
      RunFixture.Run stuck = scaled.startTurn();
      Http.Res live = scaled.runs.feed(stuck.id, stuck.token, "offset=-1");
      // Follow the run into EXECUTING; then a live request with nothing new times out quickly
      // (20 s scaled to 20 ms, at least 50 ms) instead of the real server's 20 s.
      while (!"EXECUTING".equals(RunHttp.value(scaled.snapshot(stuck), 0).get("status"))) {
        live = reader.feed(stuck.id, stuck.token, RunHttp.next(live, true));
      }
      live = scaled.snapshot(stuck);
      Http.Res upToDate = reader.feed(stuck.id, stuck.token, RunHttp.next(live, true));
      assertEquals(List.of(UP_TO_DATE), RunHttp.messages(upToDate));
    }
  }

  @Test
  void aMustRefetchRotatesTheHandle() throws Exception {
    Http.Res snapshot = f.snapshot(run);
    String oldHandle = snapshot.headers.get("electric-handle");
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.mustRefetch());

    Http.Res refetch = f.runs.feed(run.id, run.token, RunHttp.next(snapshot, false));
    assertEquals(409, refetch.status);
    String newHandle = refetch.headers.get("electric-handle");
    assertFalse(oldHandle.equals(newHandle), newHandle);
    assertEquals(List.of(Map.of("headers", Map.of("control", "must-refetch"))),
        RunHttp.messages(refetch));

    for (boolean live : new boolean[] {false, true}) {
      Http.Res old = f.runs.feed(run.id, run.token, RunHttp.next(snapshot, live));
      assertEquals(409, old.status, "the old handle keeps getting 409, live " + live);
      assertEquals(newHandle, old.headers.get("electric-handle"));
    }

    Http.Res again = f.runs.feed(run.id, run.token, "offset=-1&handle=" + newHandle
        + "&expired_handle=" + oldHandle);
    assertEquals(200, again.status);
    assertEquals(newHandle, again.headers.get("electric-handle"));
    assertEquals(200, f.runs.feed(run.id, run.token, RunHttp.next(again, false)).status);
  }

  @Test
  void aMustRefetchAlsoEndsALiveRequestHeldOnTheOldHandle() throws Exception {
    Http.Res snapshot = f.snapshot(run);
    CompletableFuture<Http.Res> live = f.runs.feedAsync(run.id, run.token,
        RunHttp.next(snapshot, true));
    f.fake.awaitHeldRunFeeds(1, AWAIT);
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.mustRefetch());
    assertEquals(409, f.snapshot(run).status);
    assertEquals(409, await(live).status);
  }

  @Test
  void withoutTheElectricVersionHeaderTheLegacyHeaderNamesAreUsed() {
    Http.Res legacy = f.runs.feed(run.id, run.token, "offset=-1", true, false);
    assertEquals(200, legacy.status);
    assertNull(legacy.headers.get("electric-handle"));
    assertNull(legacy.headers.get("electric-offset"));
    String shapeId = legacy.headers.get("electric-shape-id");
    assertEquals("0_0", legacy.headers.get("electric-chunk-last-offset"));
    assertTrue(legacy.headers.get("electric-schema") != null);

    f.fake.clock().advance(Duration.ofSeconds(1));
    Http.Res catchUp = f.runs.feed(run.id, run.token, "shape_id=" + shapeId + "&offset=0_0",
        true, false);
    assertEquals(200, catchUp.status, "shape_id is read as the handle");
    assertEquals("2_0", catchUp.headers.get("electric-chunk-last-offset"));

    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.mustRefetch());
    Http.Res refetch = f.runs.feed(run.id, run.token, "shape_id=" + shapeId + "&offset=2_0",
        true, false);
    assertEquals(409, refetch.status);
    assertTrue(refetch.headers.get("electric-shape-id") != null);
  }

  @Test
  void skipColumnsDropsColumnsButNeverTheReservedOnes() throws IOException {
    Http.Res slim = f.runs.feed(run.id, run.token, "offset=-1&skipColumns=payload,status,output");
    Map<String, Object> row = RunHttp.value(slim, 0);
    assertFalse(row.containsKey("payload"));
    assertFalse(row.containsKey("output"));
    assertEquals("PENDING", row.get("status"), "status cannot be skipped");
    Map<?, ?> schema = new Moshi.Builder().build().adapter(Map.class)
        .fromJson(slim.headers.get("electric-schema"));
    assertFalse(schema.containsKey("payload"));
    assertTrue(schema.containsKey("status"));
  }

  @Test
  void badOffsetsAndMissingHandlesAre400() {
    Http.Res snapshot = f.snapshot(run);
    String handle = snapshot.headers.get("electric-handle");
    assertEquals(400, f.runs.feed(run.id, run.token, "offset=0_0").status, "no handle");
    Http.Res garbage = f.runs.feed(run.id, run.token, "handle=" + handle + "&offset=yesterday");
    assertEquals(400, garbage.status);
    assertEquals("Invalid request", garbage.json().get("message"));
    assertEquals(400, f.runs.feed(run.id, run.token, "handle=" + handle + "&offset=7_0").status,
        "an offset the shape never had");
  }

  @Test
  void offsetsKeepGrowingAcrossTheRunsLife() {
    Http.Res res = f.snapshot(run);
    StringBuilder statuses = new StringBuilder();
    for (int step = 0; step < 4; step++) {
      f.fake.clock().advance(Duration.ofSeconds(5));
      Http.Res next = f.runs.feed(run.id, run.token, RunHttp.next(res, false));
      for (int i = 0; i < RunHttp.messages(next).size() - 1; i++) {
        statuses.append(RunHttp.value(next, i).get("status")).append(' ');
      }
      res = next;
    }
    assertEquals("DEQUEUED EXECUTING COMPLETED_SUCCESSFULLY ", statuses.toString());
    assertEquals("3_0", res.headers.get("electric-offset"));
  }
}
