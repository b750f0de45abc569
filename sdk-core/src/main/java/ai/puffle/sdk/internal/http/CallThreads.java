package ai.puffle.sdk.internal.http;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a dispatcher: at most {@code max}, started only when a call finds none idle, and
 * stopped after 30 s idle, so a client with a few calls in flight has a few threads whatever its
 * limits. A call that finds every thread busy and the pool full waits in the queue, which never
 * refuses: OkHttp hands the next call to the pool from a thread still finishing the previous one,
 * and a pool that refused it would fail that call. (Tomcat's {@code TaskQueue} does the same: the
 * queue declines a task while the pool may grow and no thread is idle, so the pool starts one.)
 */
final class CallThreads {
  static final long IDLE_SECONDS = 30;

  private CallThreads() {}

  /** A pool of at most {@code max} threads named {@code namePrefix + n}, daemons. */
  static ExecutorService create(int max, String namePrefix) {
    AtomicInteger count = new AtomicInteger();
    GrowFirstQueue queue = new GrowFirstQueue();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(
        0, max, IDLE_SECONDS, TimeUnit.SECONDS, queue,
        r -> {
          Thread t = new Thread(r, namePrefix + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        (task, pool) -> {
          // The pool could not start a thread after all (it just reached its maximum): queue.
          if (pool.isShutdown() || !queue.enqueue(task)) {
            throw new RejectedExecutionException("the client is closed");
          }
        });
    queue.executor = executor;
    return executor;
  }

  /** Declines a task while no thread is idle and the pool may grow, so the pool starts one. */
  private static final class GrowFirstQueue extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    private transient volatile ThreadPoolExecutor executor;

    @Override
    public boolean offer(Runnable task) {
      ThreadPoolExecutor pool = executor;
      if (pool != null) {
        int threads = pool.getPoolSize();
        if (threads < pool.getMaximumPoolSize() && pool.getActiveCount() >= threads) {
          return false;
        }
      }
      return super.offer(task);
    }

    boolean enqueue(Runnable task) {
      return super.offer(task);
    }
  }
}
