package ai.puffle.sdk.bench;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * An OkHttpClient with the settings of the SDK's own (timeouts 10/60/30 s, a dispatcher bounded
 * to {@code max} calls, at most {@code max} threads named {@code puffle-http-N}), except for the
 * executor: a fixed pool over an unbounded queue, which never rejects a call.
 *
 * <p>It stands for the recommended fix in the scale runs: handed to {@code
 * PuffleClient.builder().okHttpClient(...)} it changes nothing but the executor. The SDK's
 * executor ({@code Transport.newExecutor}) hands tasks over a {@code SynchronousQueue} to at most
 * {@code max} threads; OkHttp's dispatcher promotes the next queued call from the thread that
 * just finished one, while that thread is still busy, so with {@code max} calls running the
 * hand-over finds no idle thread and the call fails with {@code executor rejected}.
 */
public final class NonRejectingHttp {
  private NonRejectingHttp() {}

  /** A client allowing {@code max} concurrent calls on at most {@code max} threads. */
  public static OkHttpClient client(int max) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(
        max, max, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "puffle-http-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    executor.allowCoreThreadTimeOut(true);
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(max);
    dispatcher.setMaxRequestsPerHost(max);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(Math.max(5, max), 5, TimeUnit.MINUTES))
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(60))
        .writeTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** Stops the client's threads and connections (it belongs to the caller, not the SDK). */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
