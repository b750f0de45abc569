package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.PuffleClock;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The client's {@link Timing} on a user's {@link PuffleClock}, which it does not own. */
public final class ClockTiming implements Timing {
  private final PuffleClock clock;
  private final Scheduler blocking;
  private final Scheduler async;

  /** Timing on {@code clock}. */
  public ClockTiming(PuffleClock clock) {
    this.clock = clock;
    this.blocking = new CallerRunsScheduler(nanos -> clock.sleep(Duration.ofNanos(nanos)));
    this.async = this::schedule;
  }

  @Override
  public long nanoTime() {
    return clock.nanoTime();
  }

  @Override
  public double random() {
    return clock.random();
  }

  @Override
  public Scheduler blocking() {
    return blocking;
  }

  @Override
  public Scheduler async() {
    return async;
  }

  /** The clock is the user's: nothing to stop. */
  @Override
  public void close() {}

  private ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    Task task = new Task(callable, unit.toNanos(delay));
    task.handle = clock.schedule(task, Duration.ofNanos(unit.toNanos(delay)));
    return task;
  }

  /** A Failsafe-facing future over a clock's scheduled task. */
  private static final class Task implements Runnable, ScheduledFuture<Object> {
    private final Callable<?> callable;
    private final long delayNanos;
    private volatile PuffleClock.Cancellable handle;
    private volatile boolean cancelled;
    private volatile boolean done;

    Task(Callable<?> callable, long delayNanos) {
      this.callable = callable;
      this.delayNanos = delayNanos;
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      try {
        callable.call();
      } catch (Exception ignored) {
        // Failsafe's task records its own failures.
      } finally {
        done = true;
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      PuffleClock.Cancellable h = handle;
      if (h != null) {
        h.cancel();
      }
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(delayNanos, o.getDelay(TimeUnit.NANOSECONDS));
    }
  }
}
