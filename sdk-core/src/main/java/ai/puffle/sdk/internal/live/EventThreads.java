package ai.puffle.sdk.internal.live;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that hand a client's live-turn events to user code: at most {@link #THREADS}
 * daemon threads named {@code puffle-events-N}, started on first use, stopping after 30 s idle
 * and at {@link #close()}. User code never runs on an HTTP or scheduler thread, so a slow
 * listener delays only events.
 */
public final class EventThreads implements Executor, AutoCloseable {
  /** Threads at most. */
  public static final int THREADS = 2;

  private final ThreadPoolExecutor pool;

  /** Threads for one client. */
  public EventThreads() {
    AtomicInteger count = new AtomicInteger();
    pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "puffle-events-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Stops the threads; events not handed over yet are not. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
