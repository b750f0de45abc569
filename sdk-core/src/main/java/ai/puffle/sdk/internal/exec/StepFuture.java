package ai.puffle.sdk.internal.exec;

import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Failsafe step scheduled to run once after a delay, as Failsafe's schedulers hand it back: it
 * can be cancelled until it has run, and its value is never read (Failsafe's own task records the
 * outcome). Subclasses say when and where it runs.
 */
abstract class StepFuture implements ScheduledFuture<Object> {
  private final Callable<?> callable;
  final long delayNanos;
  private volatile boolean cancelled;
  private volatile boolean done;

  StepFuture(Callable<?> callable, long delayNanos) {
    this.callable = callable;
    this.delayNanos = delayNanos;
  }

  /** Runs the step unless it was cancelled; its exceptions are Failsafe's to record. */
  final void call() {
    if (cancelled) {
      return;
    }
    try {
      callable.call();
    } catch (Exception ignored) {
      // Failsafe's task records its own failures in the execution's future.
    } finally {
      done = true;
    }
  }

  /** Marks the step cancelled without running it (its thread was interrupted). */
  final void abandon() {
    cancelled = true;
  }

  /** Called once when a step not yet run is cancelled. */
  void onCancel() {}

  @Override
  public final boolean cancel(boolean mayInterruptIfRunning) {
    if (done || cancelled) {
      return false;
    }
    cancelled = true;
    onCancel();
    return true;
  }

  @Override
  public final boolean isCancelled() {
    return cancelled;
  }

  @Override
  public final boolean isDone() {
    return done || cancelled;
  }

  @Override
  public final Object get() {
    return null;
  }

  @Override
  public final Object get(long timeout, TimeUnit unit) {
    return null;
  }

  @Override
  public final long getDelay(TimeUnit unit) {
    return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public final int compareTo(Delayed o) {
    return Long.compare(delayNanos, o.getDelay(TimeUnit.NANOSECONDS));
  }
}
