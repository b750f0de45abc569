package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.StreamHarness.assertRead;
import static ai.puffle.sdk.internal.run.StreamHarness.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream read across connections: dropped and ended reads are made again from the cursor, with
 * the back-off on virtual time, and no chunk is lost or repeated.
 */
class StreamResumeTest {
  final StreamHarness h = new StreamHarness();

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void v1DroppedReadResumesAfterTheLastEventId() throws Exception {
    StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", false)
        .v1("1-0", "\"a\"").v1("2-0", "\"b\"").ping().v1("3-0", "\"c\"").dropNextAfter(2);

    h.drain("chat");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"a\"", "\"b\"", "\"c\""), h.events.of("chat"));
    assertEquals(2, h.server.reads("chat").size());
    assertRead(h.server.reads("chat").get(0), 1, null);
    assertRead(h.server.reads("chat").get(1), 1, "2-0");
    assertEquals(1, h.fake().sleeps().size(), "one back-off before reading again");
    WatchHarness.assertBetween(Duration.ofMillis(200), Duration.ofMillis(300), h.fake().sleeps().get(0));
    assertEquals(3, o.received());
    assertEquals(4, log.written(), "a, b, then the ping and c");
  }

  @Test
  void v2DroppedReadResumesAfterTheLastSeqNum() throws Exception {
    h.server.stream(StreamHarness.RUN, "chat", true)
        .chunk("\"a\"", "p1").chunk("\"b\"", "p2").chunk("\"c\"", "p3").chunk("\"d\"", "p4")
        .dropNextAfter(3);

    h.drain("chat");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"a\"", "\"b\"", "\"c\"", "\"d\""), h.events.of("chat"));
    assertRead(h.server.reads("chat").get(1), 1, "2");
    assertEquals(2, h.server.reads("chat").size());
  }

  @Test
  void aServerThatReplaysFromTheStartRepeatsNothing() throws Exception {
    // This server ignores Last-Event-ID on its second read: the reader skips what it has read.
    h.server.stream(StreamHarness.RUN, "chat", false)
        .v1("1-0", "\"a\"").v1("2-0", "\"b\"").dropNextAfter(1).ignoreLastEventId();
    h.server.stream(StreamHarness.RUN, "v2", true)
        .raw("event: batch\ndata: {\"records\":[{\"seq_num\":0,\"body\":\"{\\\"data\\\":\\\"x\\\"}\",\"headers\":[]}]}\n\n")
        .raw("event: batch\ndata: {\"records\":[{\"seq_num\":1,\"body\":\"{\\\"data\\\":\\\"y\\\"}\",\"headers\":[]}]}\n\n")
        .dropNextAfter(1).ignoreLastEventId(); // bodies without ids: only the cursor tells repeats

    h.drain("chat");
    h.drain("v2");
    h.await("chat");
    h.await("v2");

    assertEquals(List.of("\"a\"", "\"b\""), h.events.of("chat"));
    assertEquals(List.of("\"x\"", "\"y\""), h.events.of("v2"));
    assertEquals(2, h.server.reads("chat").size());
  }

  @Test
  void aLiveReadTheServerEndsIsMadeAgainAtOnceAndTheRunsEndDrainsIt() throws Exception {
    StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", false).v1("1-0", "\"a\"");
    StreamReader reader = h.open("chat", StreamHarness.NO_IDLE);
    awaitTrue(() -> h.events.of("chat").size() == 1, "the first chunk");

    log.v1("2-0", "\"b\"");
    awaitTrue(() -> h.events.of("chat").size() == 2, "a chunk pushed on the open read");
    log.endLiveReads();                          // the server's Timeout-Seconds passed
    awaitTrue(() -> h.server.reads("chat").size() == 2, "the next read");
    log.v1("3-0", "\"c\"");
    awaitTrue(() -> h.events.of("chat").size() == 3, "a chunk on the second read");

    reader.runOver(StreamOutcome.Reason.DRAINED);
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"a\"", "\"b\"", "\"c\""), h.events.of("chat"));
    assertEquals(3, h.server.reads("chat").size());
    assertRead(h.server.reads("chat").get(0), 60, null);
    assertRead(h.server.reads("chat").get(1), 60, "2-0");
    assertRead(h.server.reads("chat").get(2), 1, "3-0");     // the drain read, from the cursor
    assertEquals(List.of(StreamReader.DRAIN_SETTLE), h.fake().sleeps(), "no back-off: the ended read brought chunks");
  }

  @Test
  void failuresBackOffHonourRetryAfterAndEndTheStreamWhenTheyPersist() throws Exception {
    StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", false);
    log.next(new MockResponse.Builder().code(503).build())
        .next(new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build())
        .next(new MockResponse.Builder().code(500).build())
        .next(new MockResponse.Builder().code(502).build())
        .next(new MockResponse.Builder().code(504).build())
        .next(new MockResponse.Builder().code(500).build());

    h.drain("chat");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.UNAVAILABLE, o.reason());
    assertEquals("the stream failed 5 times in a row (last: 504)", o.detail());
    assertEquals(StreamReader.MAX_FAILURES, h.server.reads("chat").size());
    List<Duration> waits = h.fake().sleeps();
    assertEquals(4, waits.size());
    WatchHarness.assertBetween(Duration.ofMillis(200), Duration.ofMillis(300), waits.get(0));
    assertEquals(Duration.ofSeconds(7), waits.get(1), "Retry-After is longer than the back-off");
    WatchHarness.assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), waits.get(2));
    WatchHarness.assertBetween(Duration.ofMillis(1600), Duration.ofMillis(2400), waits.get(3));
  }

  @Test
  void aChunkBetweenFailuresStartsTheCountAgain() throws Exception {
    StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", true).chunk("\"a\"", "p1");
    for (int i = 0; i < StreamReader.MAX_FAILURES - 1; i++) {
      log.next(new MockResponse.Builder().code(503).build());
    }
    log.dropNextAfter(1); // after four failures, a read that brings a chunk, then drops
    // (the fake applies queued statuses first, then the drop, then serves normally)

    h.drain("chat");
    awaitTrue(() -> h.events.of("chat").size() == 1, "the chunk");
    StreamOutcome o = h.await("chat");

    assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
    assertEquals(List.of("\"a\""), h.events.of("chat"));
    assertEquals(StreamReader.MAX_FAILURES + 1, h.server.reads("chat").size(), "four 503s, the cut read, the last");
  }
}
