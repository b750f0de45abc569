package ai.puffle.sdk.internal.exec;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that never lets a wait run past a deadline: Failsafe computes the backoff, the
 * jitter and the Retry-After, and this shortens the wait to the time left, so the attempt or poll
 * after it runs at the deadline at the latest (and ends the call there).
 */
public final class DeadlineScheduler implements Scheduler {
  private final Scheduler delegate;
  private final Timing timing;
  private final long deadlineNanos;

  private DeadlineScheduler(Scheduler delegate, Timing timing, long deadlineNanos) {
    this.delegate = delegate;
    this.timing = timing;
    this.deadlineNanos = deadlineNanos;
  }

  /** {@code delegate}, capped at {@code deadlineNanos} on {@code timing}'s clock when one is set. */
  public static Scheduler of(Scheduler delegate, Timing timing, long deadlineNanos) {
    return deadlineNanos == Long.MAX_VALUE ? delegate : new DeadlineScheduler(delegate, timing, deadlineNanos);
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    long left = Math.max(0, deadlineNanos - timing.nanoTime());
    return delegate.schedule(callable, Math.min(unit.toNanos(delay), left), TimeUnit.NANOSECONDS);
  }
}
