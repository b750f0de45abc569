package ai.puffle.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waits that follow their task's run, on virtual time against the emulator: when the watch gives
 * up, the wait goes back to polling the session at the usual pace; beyond the cap on live feeds,
 * waits follow their runs by polling retrieve until a feed frees, still end promptly, and never
 * use more feeds than the cap.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FollowedWaitTest {
  static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  /** The usual poll interval's longest (5 s) plus 20% jitter. */
  static final long USUAL_PACE = 6 * SECOND;
  /** Retrieve polling's longest interval (3 s) plus 20% jitter. */
  static final long RETRIEVE_PACE = 3_600_000_000L;
  static final String MESSAGE = "Make the CTA softer";

  final MatrixRig.Shared shared = new MatrixRig.Shared();

  @AfterEach
  void close() {
    shared.close();
  }

  @Test
  void whenTheWatchGivesUpTheWaitPollsTheSessionAtTheUsualPaceAgain() {
    try (FeedRig rig = new FeedRig(shared, FeedRig.DEFAULT_MAX_LIVE_FEEDS)) {
      String session = rig.newSession();
      rig.alignClock();
      int skip = rig.fake.requests().size();
      long start = rig.now();
      // 10 s into the task the token expires: the next feed request (when the live request held
      // since the watch's first look, 1.5 s in, ends its 20 s hold, 21.5 s in) is refused, and
      // the watch gives up.
      AtomicBoolean armed = new AtomicBoolean();
      rig.onQuiet(r -> {
        if (!armed.get() && r.now() >= start + 10 * SECOND) {
          armed.set(true);
          r.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.tokenExpired());
        }
      });

      TurnResult result = rig.client.sessions().turnAndWait(session, TurnRequest.of(MESSAGE), WaitOptions.defaults());
      long done = settle(rig);

      assertFalse(result.reply().isEmpty());
      rig.fake.assertTurnReceivedOnce(session, MESSAGE);
      List<RecordedCall> calls = rig.callsAfter(skip);
      long gaveUp = calls.stream().filter(c -> c.operation() == Operation.SUBSCRIBE_TO_RUN && c.status() == 401)
          .mapToLong(rig::answeredAt).min().orElseThrow();
      assertEquals(start + 21 * SECOND + SECOND / 2, gaveUp, trace(rig, calls, start));
      List<Long> reads = reads(rig, calls);
      assertTrue(reads.get(0) >= start + 15 * SECOND,
          "the watch had heard from the run: no session poll before the safety net's 15 s" + trace(rig, calls, start));
      assertTrue(reads.contains(gaveUp), "a session poll as soon as the watch gave up" + trace(rig, calls, start));
      long previous = gaveUp;
      for (long read : reads) {
        if (read > gaveUp) {
          assertTrue(read - previous <= USUAL_PACE, "then the usual pace" + trace(rig, calls, start));
          previous = read;
        }
      }
      long end = rig.taskEnd(session);
      assertEquals(done, reads.get(reads.size() - 1));
      assertTrue(done >= end && done - end <= USUAL_PACE, "ended within the usual interval" + trace(rig, calls, start));
      assertTrue(calls.stream().noneMatch(c -> FeedRig.isRun(c.operation()) && rig.answeredAt(c) > gaveUp),
          "nothing is sent to Trigger.dev after the watch gave up" + trace(rig, calls, start));
      assertEquals(List.of(), rig.driver().problems());
    }
  }

  @Test
  void aWaitWhoseWatchNeverHearsFromTheRunPollsAtTheUsualPaceThroughout() {
    try (FeedRig rig = new FeedRig(shared, FeedRig.DEFAULT_MAX_LIVE_FEEDS)) {
      String session = rig.newSession();
      rig.alignClock();
      int skip = rig.fake.requests().size();
      long start = rig.now();
      rig.fake.serveTriggerRuns(false);

      rig.client.sessions().turnAndWait(session, TurnRequest.of(MESSAGE), WaitOptions.defaults());
      long done = settle(rig);

      List<RecordedCall> calls = rig.callsAfter(skip);
      List<String> run = new ArrayList<>();
      for (RecordedCall c : calls) {
        if (FeedRig.isRun(c.operation())) {
          run.add(c.operation() + " " + c.status() + " at " + FeedCell.seconds(rig.answeredAt(c) - start));
        }
      }
      assertEquals(List.of("SUBSCRIBE_TO_RUN 404 at 1.5 s", "RETRIEVE_RUN 404 at 1.5 s"), run,
          "at its first look, 1.5 s after the task was accepted, the feed's 404 sends the watch to"
              + " retrieve, whose 404 ends it");
      List<Long> reads = reads(rig, calls);
      assertTrue(reads.get(0) >= start + 2 * SECOND, "the task was just accepted: the first poll after 2 s");
      long previous = start;
      for (long read : reads) {
        assertTrue(read - previous <= USUAL_PACE, "the usual pace" + trace(rig, calls, start));
        previous = read;
      }
      long end = rig.taskEnd(session);
      assertTrue(done >= end && done - end <= USUAL_PACE, trace(rig, calls, start));
      rig.fake.assertTurnReceivedOnce(session, MESSAGE);
    }
  }

  @Test
  void waitsBeyondTheCapPollRetrieveUntilAFeedFreesAndStillEndPromptly() throws Exception {
    int cap = 2;
    int waits = 7; // 5 beyond the cap: more than retrieve's 4 requests at once, so some queue
    try (FeedRig rig = new FeedRig(shared, cap)) {
      List<String> sessions = new ArrayList<>();
      for (int i = 0; i < waits; i++) {
        sessions.add(rig.newSession());
      }
      rig.alignClock();
      int skip = rig.fake.requests().size();
      long start = rig.now();
      Map<String, Long> ended = new TreeMap<>();
      List<CompletableFuture<TurnResult>> results = new ArrayList<>();
      rig.driver().pause();
      try {
        for (String s : sessions) {
          results.add(rig.client.async().sessions().turnAndWait(s, TurnRequest.of(MESSAGE), WaitOptions.defaults())
              .whenComplete((r, e) -> {
                synchronized (ended) {
                  ended.put(s, rig.now());
                }
              }));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(rig.driver().awaitQuiet() && rig.watcher.activeWatches() == waits)) {
          assertTrue(System.nanoTime() < deadline, "every wait's watch starts");
          Thread.onSpinWait();
        }
      } finally {
        rig.driver().resume();
      }
      for (CompletableFuture<TurnResult> r : results) {
        assertFalse(r.get(30, TimeUnit.SECONDS).reply().isEmpty());
      }
      settle(rig);

      List<RecordedCall> calls = rig.callsAfter(skip);
      Set<String> overFeed = new TreeSet<>();
      Set<String> byRetrieve = new TreeSet<>();
      for (RecordedCall c : calls) {
        if (c.operation() == Operation.SUBSCRIBE_TO_RUN) {
          overFeed.add(runId(c));
        } else if (c.operation() == Operation.RETRIEVE_RUN) {
          assertFalse(overFeed.contains(runId(c)), "retrieve asked after the feed took over: " + c);
          byRetrieve.add(runId(c));
        }
      }
      assertEquals(waits - cap, byRetrieve.size(), "the waits beyond the cap poll retrieve");
      assertEquals(waits, overFeed.size(),
          "as the first tasks end, the waits beyond the cap take the freed feeds in turn");
      assertTrue(rig.mostLiveFeeds() <= cap, "feeds in use: " + rig.mostLiveFeeds());
      assertTrue(rig.mostHeld() <= cap, "feed requests held at once: " + rig.mostHeld());
      assertEquals(0, rig.watcher.liveFeeds(), "every feed slot freed");
      for (String s : sessions) {
        rig.fake.assertTurnReceivedOnce(s, MESSAGE);
        long after = ended.get(s) - rig.taskEnd(s);
        assertTrue(after >= 0 && after <= RETRIEVE_PACE,
            "every wait ends within retrieve's interval of its task's end: " + FeedCell.seconds(after));
      }
      long atOnce = sessions.stream().filter(s -> ended.get(s) == rig.taskEnd(s)).count();
      assertTrue(atOnce >= cap, "the waits on the feed end at their task's end: " + atOnce);
      assertEquals(List.of(), rig.driver().problems());
    }
  }

  @Test
  void aFeedGivenUpIsFreedForTheNextWait() throws Exception {
    try (FeedRig rig = new FeedRig(shared, 1)) {
      String first = rig.newSession();
      String second = rig.newSession();
      rig.alignClock();
      int skip = rig.fake.requests().size();
      long start = rig.now();
      // The first wait's feed gets four 429s in a row and falls back to retrieve (about 7 s in);
      // 10 s in, a second wait starts and gets the freed feed.
      rig.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, 4, Fault.status(429, "Too many concurrent requests"));
      List<CompletableFuture<TurnResult>> later = new ArrayList<>();
      rig.onQuiet(r -> {
        if (later.isEmpty() && r.now() >= start + 10 * SECOND) {
          later.add(r.client.async().sessions().turnAndWait(second, TurnRequest.of(MESSAGE), WaitOptions.defaults()));
        }
      });

      String firstRun = rig.client.sessions().turnAndWait(first, TurnRequest.of(MESSAGE), WaitOptions.defaults())
          .run().runId();
      String secondRun = later.get(0).get(30, TimeUnit.SECONDS).run().runId();
      settle(rig);

      Map<String, List<String>> byRun = new TreeMap<>();
      for (RecordedCall c : rig.callsAfter(skip)) {
        if (FeedRig.isRun(c.operation())) {
          byRun.computeIfAbsent(runId(c), k -> new ArrayList<>()).add(c.operation() + " " + c.status());
        }
      }
      assertEquals(Set.of(firstRun, secondRun), byRun.keySet());
      assertTrue(byRun.get(secondRun).stream().allMatch(w -> w.equals("SUBSCRIBE_TO_RUN 200")),
          "the second wait follows its run over the feed: " + byRun);
      assertTrue(byRun.get(firstRun).contains("RETRIEVE_RUN 200")
          && byRun.get(firstRun).contains("SUBSCRIBE_TO_RUN 429"),
          "the first gave the feed up for retrieve: " + byRun);
      assertTrue(rig.mostLiveFeeds() <= 1, "never more than the cap: " + rig.mostLiveFeeds());
      rig.fake.assertTurnReceivedOnce(first, MESSAGE);
      rig.fake.assertTurnReceivedOnce(second, MESSAGE);
      assertEquals(List.of(), rig.driver().problems());
    }
  }

  /** Waits until quiet, stamps the log, and returns the virtual time. */
  private static long settle(FeedRig rig) {
    rig.onQuiet(null);
    assertTrue(rig.driver().awaitQuiet());
    rig.stampNow();
    return rig.now();
  }

  /** When the client's session reads were answered, in order. */
  private static List<Long> reads(FeedRig rig, List<RecordedCall> calls) {
    List<Long> reads = new ArrayList<>();
    boolean sent = false;
    for (RecordedCall c : calls) {
      sent |= c.operation() == Operation.RUN_TURN;
      if (sent && c.operation() == Operation.GET_SESSION) {
        reads.add(rig.answeredAt(c));
      }
    }
    reads.sort(Long::compare);
    return reads;
  }

  private static String runId(RecordedCall c) {
    return c.path().substring(c.path().lastIndexOf('/') + 1);
  }

  private static String trace(FeedRig rig, List<RecordedCall> calls, long start) {
    StringBuilder out = new StringBuilder();
    for (RecordedCall c : calls) {
      out.append("\n  ").append(FeedCell.seconds(rig.answeredAt(c) - start)).append(' ')
          .append(c.method()).append(' ').append(c.path()).append(" -> ").append(c.status());
    }
    return out.toString();
  }
}
