package ai.puffle.sdk.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Both wire versions of a run's stream, read whole by a drain read, as the server sends them. */
class StreamWireTest {
  final StreamHarness h = new StreamHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void v1ChunksArriveInOrderDecodedTolerantlyAndPingsAreNotChunks() throws Exception {
    h.server.stream(StreamHarness.RUN, "chat", false)
        .v1("\"Hel\"").ping().v1("{\"type\":\"text-delta\",\"delta\":\"lo\"}").ping()
        .v1("not json {").v1("[1,2]").v1("null");

    h.drain("chat");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"Hel\"", "{\"type\":\"text-delta\",\"delta\":\"lo\"}", "\"not json {\"", "[1.0,2.0]", "null"),
        h.events.of("chat"));
    assertEquals(Arrays.asList("Hel", "lo", "not json {", null, null), h.events.texts);
    assertEquals(5, o.delivered());
    assertEquals(0, o.coalesced() + o.dropped());
    assertEquals(1, h.server.reads("chat").size());
    StreamHarness.assertRead(h.server.reads("chat").get(0), 1, null);
    assertEquals("/realtime/v1/streams/" + StreamHarness.RUN + "/chat",
        h.server.reads("chat").get(0).getUrl().encodedPath());
  }

  @Test
  void v2SkipsCommandAndControlRecordsAndDuplicateIds() throws Exception {
    h.server.stream(StreamHarness.RUN, "chat", true)
        .chunk("\"Hel\"", "p1")
        .command()
        .chunk("\"Hel\"", "p1")                       // the writer's retry: same body id
        .ping()
        .record("", "[[\"trigger-control\",\"turn-complete\"]]") // a control record: no body
        .chunk("{\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"lo\"}", "p2")
        .record("plain text body", "[]")             // not an envelope: delivered as it is
        .chunk("{\"type\":\"finish\"}", "p3")
        .command();

    h.drain("chat");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"Hel\"", "{\"type\":\"text-delta\",\"id\":\"t1\",\"delta\":\"lo\"}",
        "\"plain text body\"", "{\"type\":\"finish\"}"), h.events.of("chat"));
    assertEquals(Arrays.asList("Hel", "lo", "plain text body", null), h.events.texts);
    assertEquals(4, o.received());
  }

  @Test
  void v2CursorCountsSkippedRecords() throws Exception {
    StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", true)
        .chunk("\"a\"", "p1").command().dropNextAfter(2);
    log.chunk("\"b\"", "p2");

    h.drain("chat");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"a\"", "\"b\""), h.events.of("chat"));
    assertEquals(2, h.server.reads("chat").size());
    StreamHarness.assertRead(h.server.reads("chat").get(1), 1, "1"); // the command record's seq_num
  }

  @Test
  void theVersionHeaderDecidesTheParsing() throws Exception {
    // A v1 server's body read as v2 would yield nothing (no batch events); as v1 each data is a chunk.
    h.server.stream(StreamHarness.RUN, "v1", false).v1("\"x\"");
    h.server.stream(StreamHarness.RUN, "v2", true).raw("data: \"y\"\n\n").chunk("\"z\"", "p1");

    h.drain("v1");
    h.drain("v2");
    h.await("v1");
    h.await("v2");

    assertEquals(List.of("\"x\""), h.events.of("v1"));
    assertEquals(List.of("\"z\""), h.events.of("v2"));
  }

  @Test
  void textDeltaOfEveryChunkFollowsTheRule() {
    assertEquals("Hel", StreamText.delta("Hel"));
    assertEquals("", StreamText.delta(""));
    assertEquals("a", StreamText.delta(RunFields.json("{\"type\":\"text-delta\",\"id\":\"1\",\"delta\":\"a\"}")));
    assertEquals("b", StreamText.delta(RunFields.json("{\"type\":\"text-delta\",\"id\":\"1\",\"text\":\"b\"}")));
    assertEquals("c", StreamText.delta(RunFields.json("{\"type\":\"text-delta\",\"textDelta\":\"c\"}")));
    assertNull(StreamText.delta(RunFields.json("{\"type\":\"reasoning-delta\",\"id\":\"1\",\"delta\":\"think\"}")));
    assertNull(StreamText.delta(RunFields.json("{\"type\":\"reasoning\",\"textDelta\":\"think\"}")));
    assertNull(StreamText.delta(RunFields.json("{\"type\":\"tool-call\",\"toolName\":\"x\",\"text\":\"no\"}")));
    assertNull(StreamText.delta(RunFields.json("{\"type\":\"finish\"}")));
    assertEquals("d", StreamText.delta(RunFields.json("{\"delta\":\"d\",\"text\":\"no\"}")));
    assertEquals("e", StreamText.delta(RunFields.json("{\"textDelta\":\"e\"}")));
    assertEquals("f", StreamText.delta(RunFields.json("{\"text\":\"f\",\"content\":\"no\"}")));
    assertEquals("g", StreamText.delta(RunFields.json("{\"content\":\"g\"}")));
    assertEquals("h", StreamText.delta(RunFields.json("{\"delta\":{\"content\":\"no\"},\"text\":\"h\"}")));
    assertNull(StreamText.delta(RunFields.json("{\"content\":[{\"type\":\"text\",\"text\":\"no\"}]}")));
    assertNull(StreamText.delta(RunFields.json("{\"choices\":[{\"delta\":{\"content\":\"no\"}}]}")));
    assertNull(StreamText.delta(RunFields.json("42")));
    assertNull(StreamText.delta(RunFields.json("[\"no\"]")));
    assertNull(StreamText.delta(null));
  }
}
