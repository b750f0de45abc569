package ai.puffle.sdk.internal.exec;

import dev.failsafe.spi.Scheduler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Real time. The asynchronous scheduler is one daemon thread, started on first use and stopped by
 * {@link #close()}: it only sleeps and hands work to OkHttp, so one is enough for any number of
 * concurrent waits. It also sweeps the calls past their deadline ({@link SweptDeadlines}). {@link #close()} also wakes blocking calls sleeping between attempts.
 */
public final class SystemTiming implements Timing {
  /** Released by {@link #close()}: a blocking call sleeping before its next attempt wakes up. */
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Scheduler blocking =
      new CallerRunsScheduler(nanos -> closing.await(nanos, TimeUnit.NANOSECONDS));
  private ScheduledThreadPoolExecutor executor;
  private Scheduler async;
  private boolean closed;
  /** Call deadlines, swept on the scheduler thread: no thread is woken per call. */
  private final SweptDeadlines deadlines = new SweptDeadlines(System::nanoTime,
      (task, delayNanos) -> executor().schedule(task, delayNanos, TimeUnit.NANOSECONDS));

  @Override
  public long nanoTime() {
    return System.nanoTime();
  }

  @Override
  public Scheduler blocking() {
    return blocking;
  }

  @Override
  public CallDeadlines callDeadlines() {
    return deadlines;
  }

  @Override
  public synchronized Scheduler async() {
    executor();
    return async;
  }

  /** The scheduler thread's executor, started now if needed. */
  private synchronized ScheduledThreadPoolExecutor executor() {
    if (closed) {
      throw new IllegalStateException("closed");
    }
    if (async == null) {
      executor =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "puffle-scheduler");
                t.setDaemon(true);
                return t;
              });
      executor.setRemoveOnCancelPolicy(true);
      executor.setKeepAliveTime(10, TimeUnit.SECONDS);
      executor.allowCoreThreadTimeOut(true);
      async = Scheduler.of(executor);
    }
    return executor;
  }

  @Override
  public synchronized void close() {
    closed = true;
    closing.countDown();
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
