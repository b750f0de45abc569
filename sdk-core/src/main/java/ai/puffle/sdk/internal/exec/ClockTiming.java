package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.PuffleClock;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.Callable;
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
  private static final class Task extends StepFuture implements Runnable {
    private volatile PuffleClock.Cancellable handle;

    Task(Callable<?> callable, long delayNanos) {
      super(callable, delayNanos);
    }

    @Override
    public void run() {
      call();
    }

    @Override
    void onCancel() {
      PuffleClock.Cancellable h = handle;
      if (h != null) {
        h.cancel();
      }
    }
  }
}
