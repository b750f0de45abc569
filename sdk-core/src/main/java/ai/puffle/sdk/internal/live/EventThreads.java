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

  /** Made on first use: most clients never run a live turn. */
  private ThreadPoolExecutor pool;
  private boolean closed;

  /** Threads for one client. */
  public EventThreads() {}

  private synchronized ThreadPoolExecutor pool() {
    if (pool == null) {
      AtomicInteger count = new AtomicInteger();
      pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
          r -> {
            Thread t = new Thread(r, "puffle-events-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
      pool.allowCoreThreadTimeOut(true);
      if (closed) {
        pool.shutdownNow();
      }
    }
    return pool;
  }

  @Override
  public void execute(Runnable task) {
    pool().execute(task);
  }

  /** Stops the threads; events not handed over yet are not. */
  @Override
  public synchronized void close() {
    closed = true;
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
