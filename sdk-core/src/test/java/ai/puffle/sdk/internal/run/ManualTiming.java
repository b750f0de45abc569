package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.exec.CallerRunsScheduler;
import ai.puffle.sdk.internal.exec.Timing;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A virtual clock whose scheduled tasks run only when a test moves the clock past them ({@link
 * #advance}), in due order, on the test's thread: a test can act between two timer checks, which
 * {@code FakeTiming} (each task advances the clock by its own delay, at once) cannot express.
 */
final class ManualTiming implements Timing {
  private final class Task extends FutureTask<Object> implements ScheduledFuture<Object> {
    final long due;
    final long order;

    Task(Callable<?> c, long due, long order) {
      super(() -> c.call());
      this.due = due;
      this.order = order;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - now, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      Task t = (Task) o;
      return due != t.due ? Long.compare(due, t.due) : Long.compare(order, t.order);
    }
  }

  private final PriorityQueue<Task> tasks = new PriorityQueue<>();
  private volatile long now = 1_000_000_000L;
  private long order;
  private final Scheduler async = (callable, delay, unit) -> {
    synchronized (this) {
      Task t = new Task(callable, now + unit.toNanos(delay), order++);
      tasks.add(t);
      return t;
    }
  };

  /** Moves the clock forward by {@code d}, running every task that falls due, in order. */
  void advance(Duration d) {
    long target = now + d.toNanos();
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.peek();
        if (next == null || next.due > target) {
          now = target;
          return;
        }
        tasks.poll();
        now = Math.max(now, next.due);
      }
      next.run();
    }
  }

  /** Tasks waiting (cancelled ones included). */
  synchronized int pending() {
    int n = 0;
    for (Task t : tasks) {
      if (!t.isCancelled()) {
        n++;
      }
    }
    return n;
  }

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public Scheduler blocking() {
    return new CallerRunsScheduler(nanos -> now += nanos);
  }

  @Override
  public Scheduler async() {
    return async;
  }

  @Override
  public void close() {}
}
