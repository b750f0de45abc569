package ai.puffle.sdk.internal.http;

import ai.puffle.sdk.LogLevel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * The OkHttp client of one {@code PuffleClient} and the clients derived from it: bearer auth and
 * User-Agent on every request, send tracking, optional redacted logging, and a bounded dispatcher.
 * Owns (and on {@link #close()} shuts down) the dispatcher and pool unless the user supplied the
 * OkHttpClient.
 */
public final class Transport implements AutoCloseable {
  private final OkHttpClient client;
  private final boolean ownsClient;

  /** Settings for a transport. */
  public static final class Settings {
    public String apiKey;
    public String userAgent;
    public OkHttpClient userClient;
    public Duration connectTimeout = Duration.ofSeconds(10);
    public Duration readTimeout = Duration.ofSeconds(60);
    public Duration writeTimeout = Duration.ofSeconds(30);
    public int maxConcurrentRequests = 10;
    public LogLevel logLevel = LogLevel.NONE;
    public Consumer<String> logger;
  }

  /** A transport built from {@code s}. */
  public Transport(Settings s) {
    this.ownsClient = s.userClient == null;
    OkHttpClient.Builder builder;
    if (ownsClient) {
      Dispatcher dispatcher = new Dispatcher(newExecutor());
      dispatcher.setMaxRequests(s.maxConcurrentRequests);
      dispatcher.setMaxRequestsPerHost(s.maxConcurrentRequests);
      builder =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(Math.max(5, s.maxConcurrentRequests), 5, TimeUnit.MINUTES))
              .connectTimeout(s.connectTimeout)
              .readTimeout(s.readTimeout)
              .writeTimeout(s.writeTimeout);
    } else {
      builder = s.userClient.newBuilder();
    }
    builder.addInterceptor(new AuthInterceptor(s.apiKey, s.userAgent));
    if (s.logLevel != LogLevel.NONE) {
      Redactor redactor = new Redactor(s.apiKey);
      Consumer<String> sink = s.logger != null ? s.logger : System.err::println;
      HttpLoggingInterceptor logging =
          new HttpLoggingInterceptor(line -> sink.accept(redactor.redact(line)));
      logging.setLevel(HttpLoggingInterceptor.Level.valueOf(s.logLevel.name()));
      logging.redactHeader("Authorization");
      builder.addNetworkInterceptor(logging);
    }
    builder.addNetworkInterceptor(
        chain -> {
          SendState state = chain.request().tag(SendState.class);
          if (state != null) {
            state.markStarted();
          }
          return chain.proceed(chain.request());
        });
    this.client = builder.build();
  }

  private Transport(OkHttpClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
  }

  /**
   * The dispatcher's threads. The dispatcher bounds how many calls run at once; the pool must not
   * bound its threads as well: a thread that finishes a call hands the next queued call to the
   * pool before it is back in it, so with as many threads as calls allowed the hand-off would be
   * rejected ("executor rejected") under load. Same shape as OkHttp's own default pool.
   */
  private static ExecutorService newExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "puffle-http-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    return executor;
  }

  /** The OkHttp client (shared by derived transports). */
  public OkHttpClient client() {
    return client;
  }

  /** A transport sharing this one's dispatcher and pool, with another read timeout. */
  public Transport withReadTimeout(Duration readTimeout) {
    return new Transport(client.newBuilder().readTimeout(readTimeout).build(), false);
  }

  /** A new call; the request must carry a {@link SendState} tag for send tracking. */
  public Call newCall(Request request) {
    return client.newCall(request);
  }

  /**
   * Cancels in-flight calls and stops the dispatcher's threads and idle connections, when this
   * transport owns them.
   */
  @Override
  public void close() {
    if (!ownsClient) {
      return;
    }
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
