package ai.puffle.sdk.internal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Call deadlines swept by one timer: on a manual clock and timer, so nothing waits. */
class SweptDeadlinesTest {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  /** A clock moved by hand and a timer whose tasks run when the test says. */
  private static final class Manual implements SweptDeadlines.Timer {
    long now = 1_000 * SECOND;
    final List<Task> tasks = new ArrayList<>();

    final class Task {
      final long due;
      final Runnable body;
      final CompletableFuture<Void> future = new CompletableFuture<>();

      Task(long due, Runnable body) {
        this.due = due;
        this.body = body;
      }
    }

    @Override
    public Future<?> schedule(Runnable task, long delayNanos) {
      Task t = new Task(now + delayNanos, task);
      tasks.add(t);
      return t.future;
    }

    /** Tasks set and not cancelled. */
    List<Task> live() {
      List<Task> out = new ArrayList<>();
      for (Task t : tasks) {
        if (!t.future.isDone()) {
          out.add(t);
        }
      }
      return out;
    }

    /** Moves the clock to {@code to} and runs the tasks due by then, in order. */
    void advanceTo(long to) {
      while (true) {
        Task next = null;
        for (Task t : live()) {
          if (t.due <= to && (next == null || t.due < next.due)) {
            next = t;
          }
        }
        if (next == null) {
          now = to;
          return;
        }
        now = Math.max(now, next.due);
        next.future.complete(null);
        next.body.run();
      }
    }
  }

  private final Manual manual = new Manual();
  private final SweptDeadlines deadlines = new SweptDeadlines(() -> manual.now, manual);

  @Test
  void aCallStillRunningAtItsDeadlineIsCancelledThenAndNotBefore() {
    AtomicInteger cancelled = new AtomicInteger();
    deadlines.watch(cancelled::incrementAndGet, 5 * SECOND);
    long start = manual.now;

    manual.advanceTo(start + 5 * SECOND - 1);
    assertEquals(0, cancelled.get(), "not before its deadline");
    manual.advanceTo(start + 5 * SECOND);
    assertEquals(1, cancelled.get(), "at its deadline");
    assertEquals(0, deadlines.watched());
    assertTrue(manual.live().isEmpty(), "no timer left once no call is watched");
  }

  @Test
  void aCallThatEndedIsNeverCancelled() {
    AtomicInteger cancelled = new AtomicInteger();
    CallDeadlines.Watch watch = deadlines.watch(cancelled::incrementAndGet, 5 * SECOND);
    watch.callEnded();
    manual.advanceTo(manual.now + 60 * SECOND);
    assertEquals(0, cancelled.get());
    assertEquals(0, deadlines.watched());
  }

  @Test
  void callsWithTheSameTimeoutOneAfterAnotherSetTheTimerOnce() {
    // The point of sweeping: a client's calls, each with the default deadline, wake no thread.
    AtomicInteger cancelled = new AtomicInteger();
    for (int i = 0; i < 1000; i++) {
      manual.now += 1_000_000; // 1 ms between calls
      deadlines.watch(cancelled::incrementAndGet, 300 * SECOND).callEnded();
    }
    assertEquals(1, manual.tasks.size(), "one timer for a thousand calls");
    manual.advanceTo(manual.now + 600 * SECOND);
    assertEquals(0, cancelled.get());
    assertEquals(1, manual.tasks.size(), "the timer found nothing left to watch");
  }

  @Test
  void anEarlierDeadlineResetsTheTimerAndTheLaterOneIsStillKept() {
    List<String> cancelled = new ArrayList<>();
    long start = manual.now;
    deadlines.watch(() -> cancelled.add("late"), 300 * SECOND);
    deadlines.watch(() -> cancelled.add("early"), 2 * SECOND);

    assertEquals(1, manual.live().size(), "the first timer was cancelled for the earlier one");
    assertEquals(start + 2 * SECOND, manual.live().get(0).due);

    manual.advanceTo(start + 2 * SECOND);
    assertEquals(List.of("early"), cancelled);
    assertEquals(start + 300 * SECOND, manual.live().get(0).due, "the timer moves on to the next deadline");
    manual.advanceTo(start + 300 * SECOND);
    assertEquals(List.of("early", "late"), cancelled);
  }

  @Test
  void callsPastTheirDeadlineAreCancelledInDeadlineOrderAndTheOthersKept() {
    List<Integer> cancelled = new ArrayList<>();
    long start = manual.now;
    int[] seconds = {7, 3, 9, 3, 5};
    List<CallDeadlines.Watch> watches = new ArrayList<>();
    for (int i = 0; i < seconds.length; i++) {
      int id = i;
      watches.add(deadlines.watch(() -> cancelled.add(id), seconds[i] * SECOND));
    }
    watches.get(4).callEnded(); // ended before its deadline (5 s)

    manual.advanceTo(start + 7 * SECOND);
    assertEquals(List.of(1, 3, 0), cancelled);
    assertEquals(1, deadlines.watched(), "the 9 s call is still watched");
    manual.advanceTo(start + 9 * SECOND);
    assertEquals(List.of(1, 3, 0, 2), cancelled);
  }

  @Test
  void aCallWatchedWhileTheTimerFiresIsKept() {
    // A call joins while the sweep runs: the sweep sets the timer again for it.
    List<String> cancelled = new ArrayList<>();
    long start = manual.now;
    deadlines.watch(() -> {
      cancelled.add("first");
      deadlines.watch(() -> cancelled.add("joined"), 4 * SECOND);
    }, 1 * SECOND);

    manual.advanceTo(start + 1 * SECOND);
    assertEquals(List.of("first"), cancelled);
    assertEquals(1, manual.live().size());
    manual.advanceTo(start + 5 * SECOND);
    assertEquals(List.of("first", "joined"), cancelled);
  }

  @Test
  void aTimerRefusedWhileTheClientClosesIsNotAnError() {
    SweptDeadlines closing = new SweptDeadlines(() -> manual.now, (task, delay) -> {
      throw new RejectedExecutionException("closed");
    });
    CallDeadlines.Watch watch = closing.watch(() -> {}, SECOND);
    watch.callEnded();
    assertEquals(0, closing.watched());
    assertFalse(manual.live().iterator().hasNext());
  }
}
