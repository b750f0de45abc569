package ai.puffle.sdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Real time with task delays multiplied by a factor; tasks run on one daemon thread. */
final class ScaledScheduler implements Scheduler {
  private final double scale;
  private final ScheduledThreadPoolExecutor executor;
  private final AtomicInteger pending = new AtomicInteger();

  ScaledScheduler(double scale) {
    this.scale = scale;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread thread = new Thread(runnable, "fake-puffle-tasks");
              thread.setDaemon(true);
              return thread;
            });
    executor.setRemoveOnCancelPolicy(true);
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public boolean isVirtual() {
    return false;
  }

  @Override
  public void schedule(Duration delay, Runnable task) {
    long nanos = (long) (delay.toNanos() * scale);
    pending.incrementAndGet();
    try {
      executor.schedule(
          () -> {
            pending.decrementAndGet();
            task.run();
          },
          nanos,
          TimeUnit.NANOSECONDS);
    } catch (RuntimeException rejectedAfterClose) {
      pending.decrementAndGet();
    }
  }

  @Override
  public void advance(Duration duration) {
    throw new IllegalStateException("the clock follows real time; use TimeMode.virtual()");
  }

  @Override
  public int advanceUntilIdle() {
    throw new IllegalStateException("the clock follows real time; use TimeMode.virtual()");
  }

  @Override
  public int pendingTasks() {
    return Math.max(0, pending.get());
  }

  @Override
  public void close() {
    executor.shutdownNow();
    pending.set(0);
  }

  @Override
  public String toString() {
    return "ScaledClock{x" + scale + "}";
  }
}
