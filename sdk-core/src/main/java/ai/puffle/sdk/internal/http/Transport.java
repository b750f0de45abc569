package ai.puffle.sdk.internal.http;

import ai.puffle.sdk.LogLevel;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
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
  private final Transport sendOnce;
  private final SentCalls sent;

  /** Settings for a transport. */
  public static final class Settings {
    public String apiKey;
    public String userAgent;
    public OkHttpClient userClient;
    /** Null: OkHttp's client keeps its own (10 s on a client the SDK creates). */
    public Duration connectTimeout;
    /** Null: OkHttp's client keeps its own (60 s on a client the SDK creates). */
    public Duration readTimeout;
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
      Dispatcher dispatcher = new Dispatcher(newExecutor(s.maxConcurrentRequests));
      dispatcher.setMaxRequests(s.maxConcurrentRequests);
      dispatcher.setMaxRequestsPerHost(s.maxConcurrentRequests);
      builder =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(Math.max(5, s.maxConcurrentRequests), 5, TimeUnit.MINUTES))
              .connectTimeout(Duration.ofSeconds(10))
              .readTimeout(Duration.ofSeconds(60))
              .writeTimeout(s.writeTimeout);
    } else {
      builder = s.userClient.newBuilder();
    }
    // Timeouts set on the PuffleClient builder apply to a user's OkHttpClient too.
    if (s.connectTimeout != null) {
      builder.connectTimeout(s.connectTimeout);
    }
    if (s.readTimeout != null) {
      builder.readTimeout(s.readTimeout);
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
    this.sent = new SentCalls();
    builder.addNetworkInterceptor(sent.marker());
    this.client = builder.build();
    this.sendOnce = new Transport(client.newBuilder().retryOnConnectionFailure(false).build(), sent);
  }

  private Transport(OkHttpClient client, boolean ownsClient, SentCalls sent) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.sent = sent;
    this.sendOnce = new Transport(client.newBuilder().retryOnConnectionFailure(false).build(), sent);
  }

  private Transport(OkHttpClient noRetryClient, SentCalls sent) {
    this.client = noRetryClient;
    this.ownsClient = false;
    this.sent = sent;
    this.sendOnce = this;
  }

  /**
   * This transport for requests that must reach the server at most once: OkHttp does not
   * repeat them after a connection failure (the client's own rules decide). Shares the
   * dispatcher and pool.
   */
  public Transport sendOnce() {
    return sendOnce;
  }

  /**
   * The dispatcher's threads: at most {@code maxThreads}, idle ones stop after 30 s. The queue
   * never rejects: OkHttp hands the next call to the pool from a thread that is still finishing
   * the previous one, so a pool of exactly {@code maxThreads} with no queue would refuse it.
   */
  private static ExecutorService newExecutor(int maxThreads) {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            maxThreads,
            maxThreads,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "puffle-http-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  /** The OkHttp client (shared by derived transports). */
  public OkHttpClient client() {
    return client;
  }

  /** A transport sharing this one's dispatcher and pool, with another read timeout. */
  public Transport withReadTimeout(Duration readTimeout) {
    return new Transport(client.newBuilder().readTimeout(readTimeout).build(), false, sent);
  }

  /** A new call. When it is over, ask {@link #wasSent} once, whatever its outcome. */
  public Call newCall(Request request) {
    return client.newCall(request);
  }

  /**
   * Whether {@code call} (made by this transport or one derived from it) started writing its
   * request: false proves the server never saw it. Forgets the call: ask once, when it is over.
   */
  public boolean wasSent(Call call) {
    return sent.forget(call);
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
