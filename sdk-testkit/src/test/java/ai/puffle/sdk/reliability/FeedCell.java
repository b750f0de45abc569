package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one cell of the feed matrix and says what happened: the outcome, how many times the task
 * was sent and taken, what ended the wait and how long after the task's end (virtual time).
 */
final class FeedCell {
  /** Real time a cell may take before it counts as hung. */
  static final Duration REAL_LIMIT = Duration.ofSeconds(30);

  /**
   * What ended a wait, read from the request log: a run request answered with the run over (200
   * after the task's end) at the very instant of the wait's last session read, or none.
   */
  enum Path {
    /** The feed answered with the run over, and the wait read the session at once. */
    FEED("feed"),
    /** Retrieve answered with the run over, and the wait read the session at once. */
    RETRIEVE("retrieve"),
    /** No run request said the run was over then: the wait's own session poll found it idle. */
    POLL("poll"),
    /**
     * Expected only: retrieve or the session poll, whichever asked first after the task's end. A
     * watch polling retrieve leaves the session's polls at the usual pace, so the two race.
     */
    RETRIEVE_OR_POLL("retrieve/poll");

    final String label;

    Path(String label) {
      this.label = label;
    }
  }

  /** How soon after its task's end a wait must end, in virtual time. */
  enum Bound {
    /** At the same virtual instant: the watch saw the end, the session was read at once. */
    AT_ONCE("0 s", 0),
    /** Retrieve polling's longest interval, 3 s, plus 20% jitter. */
    RETRIEVE_PACE("<= 3.6 s", 3_600),
    /** The usual poll interval's longest, 5 s, plus 20% jitter. */
    USUAL_PACE("<= 6 s", 6_000),
    /** The safety net's longest interval while the watch is believed, 30 s, plus 20% jitter. */
    SAFETY_NET("<= 36 s", 36_000);

    final String label;
    final long millis;

    Bound(String label, long millis) {
      this.label = label;
      this.millis = millis;
    }

    boolean holds(long nanos) {
      return nanos >= 0 && nanos <= TimeUnit.MILLISECONDS.toNanos(millis);
    }

    /** The tightest bound that holds {@code nanos}, or null. */
    static Bound of(long nanos) {
      for (Bound b : values()) {
        if (b.holds(nanos)) {
          return b;
        }
      }
      return null;
    }
  }

  final FeedOp op;
  final FeedFault fault;
  final String outcome;
  final int sent;
  final int taken;
  final Path path;
  final Bound bound;
  /** The measured time from the task's end to the wait's end (expected cells: -1). */
  final long endedNanos;
  final List<String> violations;
  final String trace;

  private FeedCell(FeedOp op, FeedFault fault, String outcome, int sent, int taken, Path path,
      Bound bound, long endedNanos, List<String> violations, String trace) {
    this.op = op;
    this.fault = fault;
    this.outcome = outcome;
    this.sent = sent;
    this.taken = taken;
    this.path = path;
    this.bound = bound;
    this.endedNanos = endedNanos;
    this.violations = violations;
    this.trace = trace;
  }

  static FeedCell expected(FeedOp op, FeedFault fault, String outcome, int sent, int taken, Path path,
      Bound bound) {
    return new FeedCell(op, fault, outcome, sent, taken, path, bound, -1, List.of(), "");
  }

  /** Runs {@code op} under {@code fault} on a fresh emulator. */
  static FeedCell run(MatrixRig.Shared shared, FeedOp op, FeedFault fault) {
    try (FeedRig rig = new FeedRig(shared, fault.maxLiveFeeds)) {
      String session = op.setup(rig);
      fault.prepare(rig, op, session);
      rig.alignClock();
      int skip = rig.fake.requests().size();
      long start = rig.now();
      fault.arm(rig, op, session);
      String outcome = runGuarded(rig, op, fault, session);
      long done = rig.now();
      rig.onQuiet(null);
      rig.driver().awaitQuiet();
      rig.stampNow();

      List<RecordedCall> calls = rig.callsAfter(skip);
      long end = rig.taskEnd(session);
      int sent = (int) calls.stream().filter(c -> c.operation() == op.main).count();
      int taken = op.taken(rig, session);
      Path path = Path.POLL;
      int readsAfterEnd = 0;
      long lastRead = -1;
      for (RecordedCall c : calls) {
        long at = rig.answeredAt(c);
        if (c.operation() == Operation.GET_SESSION) {
          lastRead = Math.max(lastRead, at);
          if (at >= end && at <= done) {
            readsAfterEnd++;
          }
        }
        if (at >= end && at == done && c.status() == 200) {
          if (c.operation() == Operation.SUBSCRIBE_TO_RUN) {
            path = Path.FEED;
          } else if (c.operation() == Operation.RETRIEVE_RUN && path != Path.FEED) {
            path = Path.RETRIEVE;
          }
        }
      }
      long ended = done - end;

      List<String> violations = new ArrayList<>();
      if (outcome.startsWith("hung")) {
        violations.add("the wait did not end within " + REAL_LIMIT.toSeconds() + " s of real time");
      }
      if (taken > 1 || sent > 1) {
        violations.add("the task was sent " + sent + " times and taken " + taken + " times");
      }
      if (!outcome.contains("Exception") && taken != 1) {
        violations.add("the wait returned but the task was taken " + taken + " times (lost)");
      }
      if (readsAfterEnd != 1 || lastRead != done) {
        violations.add("the wait should end on the one session read after the task's end ("
            + readsAfterEnd + " after it; last read at " + seconds(lastRead - start) + ")");
      }
      if (rig.watcher.activeWatches() != 0 || rig.driver().pendingSteps() != 0) {
        violations.add("still following after the wait: " + rig.watcher.activeWatches()
            + " watch(es), " + rig.driver().pendingSteps() + " step(s) scheduled");
      }
      if (rig.mostLiveFeeds() > fault.maxLiveFeeds || rig.mostHeld() > fault.maxLiveFeeds) {
        violations.add("more feeds than the cap " + fault.maxLiveFeeds + ": " + rig.mostLiveFeeds()
            + " in use, " + rig.mostHeld() + " held");
      }
      if (!fault.exercised(rig)) {
        violations.add("the fault was not used up: the cell did not exercise it");
      }
      if (!rig.drift().isZero()) {
        violations.add("the emulator's clock drifted from the client's by " + rig.drift());
      }
      violations.addAll(rig.driver().problems());
      return new FeedCell(op, fault, outcome, sent, taken, path, Bound.of(ended), ended, violations,
          trace(rig, skip, start, end, done));
    }
  }

  private static String runGuarded(FeedRig rig, FeedOp op, FeedFault fault, String session) {
    ExecutorService caller = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "feed-cell");
      t.setDaemon(true);
      return t;
    });
    try {
      Future<String> wait = caller.submit(() -> fault.run(rig, op, session));
      try {
        return wait.get(REAL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        wait.cancel(true);
        return "hung";
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() instanceof ExecutionException ? e.getCause().getCause() : e.getCause();
        return cause instanceof PuffleException
            ? cause.getClass().getSimpleName() : "untyped " + cause;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted";
      }
    } finally {
      caller.shutdownNow();
    }
  }

  /** The cell's requests with the virtual time each was answered at (seconds from the task). */
  private static String trace(FeedRig rig, int skip, long start, long end, long done) {
    StringBuilder out = new StringBuilder();
    out.append("\n      task sent at 0 s, ended at ").append(seconds(end - start))
        .append(", wait ended at ").append(seconds(done - start));
    for (RecordedCall c : rig.callsAfter(skip)) {
      out.append("\n      ").append(seconds(rig.answeredAt(c) - start)).append(" #")
          .append(c.sequence()).append(' ').append(c.method()).append(' ').append(c.path())
          .append(c.query().map(q -> "?" + q).orElse("")).append(" -> ").append(c.status())
          .append(c.fault().map(f -> " " + f).orElse(""));
    }
    return out.toString();
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }

  /** The cell's key in the tables. */
  String key() {
    return op.label + " | " + fault.label;
  }

  /** The cell as a line of the expected table (the tightest bound that holds). */
  String line() {
    return String.format("%-18s| %-24s| %-11s| %d | %d | %-9s| %s",
        op.label, fault.label, outcome, sent, taken, path.label, bound == null ? "late" : bound.label);
  }

  /** The line with the measured end, for the printout. */
  String measured() {
    return line() + (endedNanos < 0 ? "" : "   (ended " + seconds(endedNanos) + " after the task)");
  }

  /**
   * Whether this run matches {@code expected}: the same outcome, sends, takes and path, and an end
   * within the expected bound ({@code 0 s}: exactly at the task's end).
   */
  boolean matches(FeedCell expected) {
    return outcome.equals(expected.outcome) && sent == expected.sent && taken == expected.taken
        && (path == expected.path
            || (expected.path == Path.RETRIEVE_OR_POLL && (path == Path.RETRIEVE || path == Path.POLL)))
        && expected.bound.holds(endedNanos);
  }
}
