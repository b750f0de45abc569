package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.StreamHarness.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A listener slower than its stream: what waits for it is bounded; beyond the bound text chunks
 * are coalesced (no text lost) and others dropped, and the counts say so.
 */
class StreamDeliveryTest {
  /** An executor whose tasks run only when the test says. */
  static final class Manual implements java.util.concurrent.Executor {
    final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable r) {
      tasks.add(r);
    }

    void runAll() {
      Runnable r;
      while ((r = tasks.poll()) != null) {
        r.run();
      }
    }
  }

  final StreamHarness.Recorder events = new StreamHarness.Recorder();
  final List<StreamOutcome> told = new ArrayList<>();

  StreamDelivery delivery(Manual executor, int maxChunks, int maxChars) {
    return new StreamDelivery("k", events, executor,
        StreamOptions.builder().maxQueuedChunks(maxChunks).maxQueuedChars(maxChars).build(), told::add);
  }

  @Test
  void beyondTheChunkBoundTextIsMergedAndTheRestDropped() {
    Manual executor = new Manual();
    StreamDelivery d = delivery(executor, 3, 1000);
    d.offer("a", "a", 3);
    d.offer(RunFields.json("{\"type\":\"finish\"}"), null, 17);
    d.offer("b", "b", 3);
    d.offer("c", "c", 3);          // full: merged into "b"
    d.offer("d", "d", 3);          // merged too
    d.offer(RunFields.json("{\"type\":\"finish\"}"), null, 17); // full, no text: dropped
    assertEquals(3, d.queued());
    assertEquals(2, d.coalesced());
    assertEquals(1, d.dropped());
    assertEquals(1, executor.tasks.size(), "one delivery task at a time");

    d.end(StreamOutcome.Reason.DRAINED, "done", false);
    executor.runAll();

    assertEquals(List.of("k:\"a\"", "k:{\"type\":\"finish\"}", "k:\"d\""), events.chunks);
    assertEquals(java.util.Arrays.asList("a", null, "bcd"), events.texts);
    StreamOutcome o = told.get(0);
    assertEquals(List.of(o), events.outcomes);
    assertEquals(3, o.delivered());
    assertEquals(2, o.coalesced());
    assertEquals(1, o.dropped());
    assertEquals(6, o.received());
  }

  @Test
  void theCharacterBoundHoldsTooAndOneChunkAlwaysFits() {
    Manual executor = new Manual();
    StreamDelivery d = delivery(executor, 1000, 10);
    d.offer("0123456789abcdef", "0123456789abcdef", 18); // larger than the bound, but the queue is empty
    d.offer("x", "x", 3);                                // would exceed: merging too
    assertEquals(1, d.queued());
    assertEquals(1, d.dropped());
    executor.runAll();
    d.offer("abc", "abc", 5);
    d.offer("def", "def", 5);
    d.offer("g", "g", 3);                                // 13 > 10: merged? 5 + (6 + 3) - 5 > 10: dropped
    assertEquals(2, d.queued());
    assertEquals(2, d.dropped());
  }

  @Test
  void stoppingDropsWhatWaitsAndCountsIt() {
    Manual executor = new Manual();
    StreamDelivery d = delivery(executor, 2, 1000);
    d.offer("a", "a", 3);
    d.offer("b", "b", 3);
    d.offer("c", "c", 3); // merged into b
    d.end(StreamOutcome.Reason.STOPPED, "stopped", true);
    d.offer("late", "late", 6);
    executor.runAll();

    assertTrue(events.chunks.isEmpty());
    StreamOutcome o = told.get(0);
    assertEquals(StreamOutcome.Reason.STOPPED, o.reason());
    assertEquals(0, o.delivered());
    assertEquals(0, o.coalesced());
    assertEquals(3, o.dropped(), "a, b and the c merged into it");
  }

  @Test
  void aSlowListenerNeverHoldsMoreThanTheBound() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StreamHarness.Recorder slow = new StreamHarness.Recorder() {
      @Override
      public void chunk(String key, Object json, String textDelta) {
        super.chunk(key, json, textDelta);
        entered.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    try (StreamHarness h = new StreamHarness()) {
      StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", true).chunk("\"t0\"", "p0");
      StreamOptions bound4 = StreamOptions.builder().idleTimeout(java.time.Duration.ZERO).maxQueuedChunks(4).build();
      StreamReader reader = h.readers.open(StreamHarness.RUN, StreamFake.TOKEN, "chat", bound4, null, slow, o -> {});
      assertTrue(entered.await(10, TimeUnit.SECONDS), "the listener took the first chunk");

      StringBuilder text = new StringBuilder("t0");
      for (int i = 1; i <= 50; i++) {
        log.chunk("{\"type\":\"text-delta\",\"delta\":\"t" + i + "\"}", "p" + i);
        text.append("t").append(i);
      }
      for (int i = 0; i < 3; i++) {
        log.chunk("{\"type\":\"tool-call\",\"n\":" + i + "}", "n" + i);
      }
      for (int i = 51; i <= 55; i++) {
        log.chunk("\"t" + i + "\"", "p" + i);
        text.append("t").append(i);
      }
      StreamDelivery d = reader.delivery();
      awaitTrue(() -> d.queued() + d.coalesced() + d.dropped() == 58, "the reader to read every chunk");

      assertEquals(4, d.queued(), "bounded while the listener is behind");
      assertEquals(46 + 5, d.coalesced());
      assertEquals(3, d.dropped(), "the tool calls, which have no text to merge");

      release.countDown();
      reader.runOver(StreamOutcome.Reason.DRAINED);
      StreamOutcome o = slow.ended("chat").get(10, TimeUnit.SECONDS);

      assertEquals(StreamOutcome.Reason.DRAINED, o.reason());
      assertEquals(5, o.delivered());
      assertEquals(51, o.coalesced());
      assertEquals(3, o.dropped());
      assertEquals(59, o.received());
      assertEquals(text.toString(), String.join("", slow.texts), "no text lost");
      assertEquals("\"t55\"", slow.of("chat").get(4), "a coalesced chunk carries the last one's JSON");
    }
  }
}
