package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.RunBodies.MUST_REFETCH;
import static ai.puffle.sdk.internal.run.RunBodies.RUN;
import static ai.puffle.sdk.internal.run.RunBodies.UP_TO_DATE;
import static ai.puffle.sdk.internal.run.RunBodies.insert;
import static ai.puffle.sdk.internal.run.RunBodies.live;
import static ai.puffle.sdk.internal.run.RunBodies.row;
import static ai.puffle.sdk.internal.run.RunBodies.snapshot;
import static ai.puffle.sdk.internal.run.RunBodies.toJson;
import static ai.puffle.sdk.internal.run.RunBodies.update;
import static ai.puffle.sdk.internal.run.RunBodies.values;
import static ai.puffle.sdk.internal.run.TriggerFake.query;
import static ai.puffle.sdk.internal.run.WatchHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The realtime feed's protocol, request by request, against the realtime server's wire format. */
class ShapeFeedTest {
  final WatchHarness h = new WatchHarness(1);

  @AfterEach
  void close() {
    h.close();
  }

  List<String> feedQueries() {
    return h.trigger.requests(true).stream().map(TriggerFake::query).collect(Collectors.toList());
  }

  @Test
  void snapshotLiveUpdatesResetRateLimitNoContentAndCompletion() throws Exception {
    Map<String, Object> started = values("status", "EXECUTING", "startedAt", "2026-01-01T10:00:02.000",
        "updatedAt", "2026-01-01T10:00:02.000");
    Map<String, Object> done = values("status", "COMPLETED_SUCCESSFULLY",
        "completedAt", "2026-01-01T10:00:20.500", "output", "{\"reply\":\"done\"}");
    Map<String, Object> executing = row("EXECUTING");
    h.trigger.feed(RUN,
        snapshot("h1", "0_0", insert(row("PENDING")), UP_TO_DATE),
        live("h1", "0_0", "c1", UP_TO_DATE), // the server's hold timed out: a bare up-to-date
        live("h1", "1_0", "c2", update(started), UP_TO_DATE), // a partial update
        new MockResponse.Builder().code(409).setHeader("electric-handle", "h2")
            .body(toJson(List.of(MUST_REFETCH))).build(),
        snapshot("h2", "2_0", insert(executing), UP_TO_DATE),
        new MockResponse.Builder().code(429).setHeader("Retry-After", "3")
            .body("{\"error\":\"Too many concurrent requests\"}").build(),
        new MockResponse.Builder().code(204).build(),
        live("h2", "3_0", "c3", update(done), UP_TO_DATE));

    RunWatch watch = h.watch();
    assertEquals(RunWatch.Mode.FEED, watch.mode());
    RunOutcome o = await(watch);

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(RunStatus.COMPLETED, o.finalStatus().get());
    assertEquals(List.of(
        "log=full&offset=-1",
        "cursor=&handle=h1&live=true&log=full&offset=0_0",
        "cursor=c1&handle=h1&live=true&log=full&offset=0_0",
        "cursor=c2&handle=h1&live=true&log=full&offset=1_0",
        "handle=h2&log=full&offset=-1", // the 409's handle, from the start, schema and rows cleared
        "cursor=&handle=h2&live=true&log=full&offset=2_0",
        "cursor=&handle=h2&live=true&log=full&offset=2_0", // after the 429
        "cursor=&handle=h2&live=true&log=full&offset=2_0"), // after the 204
        feedQueries());
    for (RecordedRequest r : h.trigger.requests()) {
      assertEquals("/realtime/v1/runs/" + RUN, r.getUrl().encodedPath());
      WatchHarness.assertTriggerHeaders(r, true);
    }
    assertEquals(List.of("QUEUED", "EXECUTING", "COMPLETED"), h.events.statuses());
    RunUpdate merged = h.events.updates.get(1);
    assertEquals("EXECUTING", merged.rawStatus());
    assertEquals("puffle-chat-turn", merged.fields().get("taskIdentifier"), "kept from the insert");
    assertEquals(Instant.parse("2026-01-01T10:00:02Z"), merged.fields().get("startedAt"));
    RunUpdate last = o.lastUpdate().get();
    assertEquals(Instant.parse("2026-01-01T10:00:20.500Z"), last.finishedAt().get());
    assertEquals("{\"reply\":\"done\"}", last.fields().get("output"));
    assertEquals(List.of(Duration.ofSeconds(3)), h.waits(), "only the 429 waited");
    assertEquals(0, h.watcher.liveFeeds(), "the feed slot is free again");
  }

  @Test
  void catchesUpUntilUpToDateAndReportsOnlyThen() throws Exception {
    h.trigger.feed(RUN,
        snapshot("h1", "0_10", insert(row("PENDING"))),
        snapshot("h1", "0_20", update(values("status", "EXECUTING")), UP_TO_DATE),
        live("h1", "0_30", "c1", update(values("status", "CANCELED")), UP_TO_DATE));

    RunOutcome o = await(h.watch());

    assertEquals(RunStatus.CANCELED, o.finalStatus().get());
    assertEquals(List.of("log=full&offset=-1", "handle=h1&log=full&offset=0_10",
        "cursor=&handle=h1&live=true&log=full&offset=0_20"), feedQueries());
    assertEquals(List.of("update:EXECUTING", "status:EXECUTING", "update:CANCELED", "status:CANCELED"),
        h.events.events, "the PENDING row of the unfinished snapshot is never reported");
  }

  @Test
  void readsTheLegacyHeaderNames() throws Exception {
    h.trigger.feed(RUN,
        legacy(RunBodies.feedResponse(null, null, null, RunBodies.SCHEMA, insert(row("PENDING")), UP_TO_DATE),
            "shape-1", "5_0"),
        legacy(RunBodies.feedResponse(null, null, "c9", null, update(values("status", "TIMED_OUT")), UP_TO_DATE),
            "shape-1", "6_0"));

    RunOutcome o = await(h.watch());

    assertEquals(RunStatus.TIMED_OUT, o.finalStatus().get());
    assertEquals(List.of("log=full&offset=-1", "cursor=&handle=shape-1&live=true&log=full&offset=5_0"),
        feedQueries());
  }

  static MockResponse legacy(MockResponse r, String shapeId, String lastOffset) {
    return new MockResponse.Builder(r).setHeader("electric-shape-id", shapeId)
        .setHeader("electric-chunk-last-offset", lastOffset).build();
  }

  @Test
  void decodesEveryValueByItsSchemaType() throws Exception {
    Map<String, Object> v = row("EXECUTING");
    v.put("isTest", "t");
    v.put("number", "42");
    v.put("costInCents", "1.5");
    v.put("createdAt", "2026-01-01 10:00:00.123456"); // as Postgres writes it
    v.put("updatedAt", "2026-01-01T10:00:01.5");      // as the realtime server writes it
    v.put("runTags", "{\"turn\",\"node \\\"x\\\"\",plain,NULL}");
    v.put("realtimeStreams", "{\"llm\",\"status\"}");
    v.put("error", "{\"message\":\"boom\",\"name\":\"Error\"}");
    v.put("metadata", "{\"progress\":0.5}");
    Map<String, Object> legacyStreams = values("metadata", "{\"json\":{\"$$streams\":[\"chat\"]},\"meta\":{}}",
        "metadataType", "application/super+json", "isTest", "false", "status", "COMPLETED_WITH_ERRORS",
        "completedAt", "2026-01-01T10:00:09.000");
    h.trigger.feed(RUN, snapshot("h1", "0_0", insert(v), UP_TO_DATE),
        live("h1", "1_0", "c1", update(legacyStreams), UP_TO_DATE));

    RunOutcome o = await(h.watch());

    RunUpdate first = h.events.updates.get(0);
    Map<String, Object> f = first.fields();
    assertEquals(Boolean.TRUE, f.get("isTest"));
    assertEquals(42L, f.get("number"));
    assertEquals(1.5, f.get("costInCents"));
    assertEquals(Instant.parse("2026-01-01T10:00:00.123456Z"), f.get("createdAt"));
    assertEquals(Instant.parse("2026-01-01T10:00:01.500Z"), f.get("updatedAt"));
    assertEquals(java.util.Arrays.asList("turn", "node \"x\"", "plain", null), f.get("runTags"));
    assertEquals(Map.of("message", "boom", "name", "Error"), f.get("error"));
    assertEquals(null, f.get("completedAt"));
    assertEquals(List.of("llm", "status"), first.realtimeStreams());
    assertEquals(Map.of("progress", 0.5), first.metadata().get());
    RunUpdate last = o.lastUpdate().get();
    assertEquals(RunStatus.FAILED, o.finalStatus().get());
    assertEquals(Boolean.FALSE, last.fields().get("isTest"));
    assertEquals(List.of("chat"), last.realtimeStreams(), "metadata.$$streams wins, as in the TS SDK");
  }

  @Test
  void aMustRefetchMessageStartsAgainFromTheBeginning() throws Exception {
    h.trigger.feed(RUN,
        snapshot("h1", "0_0", insert(row("PENDING")), UP_TO_DATE),
        live("h1b", "0_0", "c1", MUST_REFETCH),
        snapshot("h1b", "4_0", insert(row("EXPIRED")), UP_TO_DATE));

    RunOutcome o = await(h.watch());

    assertEquals(RunStatus.EXPIRED, o.finalStatus().get());
    assertEquals(List.of("log=full&offset=-1", "cursor=&handle=h1&live=true&log=full&offset=0_0",
        "handle=h1b&log=full&offset=-1"), feedQueries());
  }

  @Test
  void aResetForgetsTheSchemaAndTheRows() throws Exception {
    Map<String, Object> before = row("PENDING");
    before.put("ttl", "1h");
    String numberAsText = RunBodies.SCHEMA.replace("\"number\":{\"type\":\"int4\"}", "\"number\":{\"type\":\"text\"}");
    h.trigger.feed(RUN,
        snapshot("h1", "0_0", insert(before), UP_TO_DATE),
        new MockResponse.Builder().code(409).setHeader("electric-handle", "h2").build(),
        RunBodies.feedResponse("h2", "0_0", null, numberAsText,
            insert(values("id", "cm1internal0001", "friendlyId", RUN, "status", "EXECUTING", "number", "7")), UP_TO_DATE),
        live("h2", "1_0", "c1", update(values("status", "COMPLETED_SUCCESSFULLY")), UP_TO_DATE));

    RunOutcome o = await(h.watch());

    assertEquals(1L, h.events.updates.get(0).fields().get("number"));
    Map<String, Object> after = h.events.updates.get(1).fields();
    assertEquals("7", after.get("number"), "read by the new schema");
    assertEquals(Map.of("id", "cm1internal0001", "friendlyId", RUN, "status", "EXECUTING", "number", "7"), after);
    assertEquals(RunStatus.COMPLETED, o.finalStatus().get());
  }

  @Test
  void aLoopOfResetsFallsBackToRetrieve() throws Exception {
    MockResponse conflict = new MockResponse.Builder().code(409).setHeader("electric-handle", "again").build();
    h.trigger.feed(RUN, conflict, conflict, conflict, conflict);
    h.trigger.retrieve(RUN, RunBodies.retrieveDone("COMPLETED"));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver());
    assertEquals(4, h.trigger.requests(true).size());
    assertEquals(1, h.trigger.requests(false).size());
    assertTrue(h.events.events.contains("fallback:UNREADABLE"), h.events.events.toString());
  }

  @Test
  void liveRequestsThatComeBackEmptyAtOnceArePacedToOneASecond() throws Exception {
    h.trigger.feed(RUN, snapshot("h1", "0_0", insert(row("EXECUTING")), UP_TO_DATE),
        live("h1", "0_0", "c1", UP_TO_DATE), live("h1", "0_0", "c2", UP_TO_DATE),
        live("h1", "0_0", "c3", UP_TO_DATE), live("h1", "0_0", "c4", UP_TO_DATE),
        live("h1", "1_0", "c5", update(values("status", "CRASHED")), UP_TO_DATE));

    RunOutcome o = await(h.watch());

    assertEquals(RunStatus.CRASHED, o.finalStatus().get());
    assertEquals(6, h.trigger.requests(true).size());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), h.waits(),
        "the third and fourth empty answers in a row wait out the second");
  }
}
