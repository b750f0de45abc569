package ai.puffle.sdk.internal.http;

import ai.puffle.sdk.LogLevel;
import ai.puffle.sdk.internal.run.RunHttp;
import ai.puffle.sdk.internal.run.RunLimits;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Authenticator;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.CookieJar;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The OkHttp client of one {@code PuffleClient} and the clients derived from it: bearer auth and
 * User-Agent on every request, send tracking, optional redacted logging, and a bounded dispatcher.
 * Owns (and on {@link #close()} shuts down) the dispatcher and pool unless the user supplied the
 * OkHttpClient. Also holds the clients for Trigger.dev's run endpoints ({@link #runHttp()}),
 * whose feed and stream dispatchers it always owns.
 */
public final class Transport implements AutoCloseable {
  /** Read timeout of Trigger.dev requests: a live feed request is held about 20 s (at most 23 s). */
  static final Duration RUN_READ_TIMEOUT = Duration.ofSeconds(45);
  /** Longest Trigger.dev request, end to end. */
  static final Duration RUN_CALL_TIMEOUT = Duration.ofSeconds(60);

  private final OkHttpClient client;
  private final boolean ownsClient;
  private final Transport sendOnce;
  private final SentCalls sent;
  private final RunHttp runHttp;
  private final boolean ownsRunHttp;

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
    /** Live Trigger.dev feeds at once (the size of the feeds' dispatcher). */
    public int maxLiveRunFeeds = ai.puffle.sdk.internal.ClientConfig.DEFAULT_MAX_LIVE_RUN_FEEDS;
    public LogLevel logLevel = LogLevel.NONE;
    public Consumer<String> logger;
  }

  /** A transport built from {@code s}. */
  public Transport(Settings s) {
    this.ownsClient = s.userClient == null;
    OkHttpClient.Builder builder;
    if (ownsClient) {
      builder =
          new OkHttpClient.Builder()
              .dispatcher(ownDispatcher(s.maxConcurrentRequests, "puffle-http-"))
              .connectionPool(new ConnectionPool(idleConnections(s), 5, TimeUnit.MINUTES))
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
      Consumer<String> sink = s.logger != null ? s.logger : System.err::println;
      builder.addNetworkInterceptor(new HttpLogInterceptor(s.logLevel, new Redactor(s.apiKey), sink));
    }
    this.sent = new SentCalls();
    builder.addNetworkInterceptor(sent.marker());
    this.client = builder.build();
    this.runHttp = newRunHttp(client, s.maxLiveRunFeeds);
    this.ownsRunHttp = true;
    this.sendOnce = new Transport(client.newBuilder().retryOnConnectionFailure(false).build(), sent, runHttp);
  }

  private Transport(OkHttpClient client, boolean ownsClient, SentCalls sent, RunHttp runHttp) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.sent = sent;
    this.runHttp = runHttp;
    this.ownsRunHttp = false;
    this.sendOnce = new Transport(client.newBuilder().retryOnConnectionFailure(false).build(), sent, runHttp);
  }

  private Transport(OkHttpClient noRetryClient, SentCalls sent, RunHttp runHttp) {
    this.client = noRetryClient;
    this.ownsClient = false;
    this.sent = sent;
    this.runHttp = runHttp;
    this.ownsRunHttp = false;
    this.sendOnce = this;
  }

  /**
   * Idle connections kept: one for each call that may be in flight at once, Puffle's and
   * Trigger.dev's, so a client under load does not close a connection only to open another.
   */
  private static int idleConnections(Settings s) {
    return Math.max(5, s.maxConcurrentRequests + s.maxLiveRunFeeds + RunLimits.STREAM_CONCURRENCY);
  }

  /**
   * The clients for Trigger.dev: the same connection pool, proxy, TLS and socket settings, but
   * none of the interceptors (no API key, no logging, nor the user's own), no authenticator,
   * cookies, cache or event listener; no redirects (a token never follows one); read timeout
   * {@link #RUN_READ_TIMEOUT}. Retrieves run on {@code base}'s dispatcher (short calls, at most
   * {@link RunLimits#RETRIEVE_CONCURRENCY} at once); feeds on a dispatcher of {@code
   * maxLiveFeeds} daemon threads named {@code puffle-run-feed-N}; stream reads on one of {@link
   * RunLimits#STREAM_CONCURRENCY} named {@code puffle-run-read-N}.
   */
  private static RunHttp newRunHttp(OkHttpClient base, int maxLiveFeeds) {
    OkHttpClient.Builder b = base.newBuilder();
    b.interceptors().clear();
    b.networkInterceptors().clear();
    OkHttpClient retrieves = b.authenticator(Authenticator.NONE)
        .cookieJar(CookieJar.NO_COOKIES)
        .cache(null)
        .eventListener(EventListener.NONE)
        .retryOnConnectionFailure(true)
        .followRedirects(false)
        .readTimeout(RUN_READ_TIMEOUT)
        .callTimeout(RUN_CALL_TIMEOUT)
        .build();
    return new RunHttp(
        retrieves.newBuilder().dispatcher(ownDispatcher(Math.max(1, maxLiveFeeds), "puffle-run-feed-")).build(),
        retrieves,
        retrieves.newBuilder().dispatcher(ownDispatcher(RunLimits.STREAM_CONCURRENCY, "puffle-run-read-")).build());
  }

  private static Dispatcher ownDispatcher(int maxRequests, String threadPrefix) {
    Dispatcher dispatcher = new Dispatcher(CallThreads.create(maxRequests, threadPrefix));
    dispatcher.setMaxRequests(maxRequests);
    dispatcher.setMaxRequestsPerHost(maxRequests);
    return dispatcher;
  }

  /**
   * The OkHttp clients for Trigger.dev's run endpoints: they share this transport's connection
   * pool but carry nothing of Puffle's (no API key). Closed with this transport.
   */
  public RunHttp runHttp() {
    return runHttp;
  }

  /**
   * This transport for requests that must reach the server at most once: OkHttp does not
   * repeat them after a connection failure (the client's own rules decide). Shares the
   * dispatcher and pool.
   */
  public Transport sendOnce() {
    return sendOnce;
  }

  /** The OkHttp client (shared by derived transports). */
  public OkHttpClient client() {
    return client;
  }

  /** A transport sharing this one's dispatcher and pool, with another read timeout. */
  public Transport withReadTimeout(Duration readTimeout) {
    return new Transport(client.newBuilder().readTimeout(readTimeout).build(), false, sent, runHttp);
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
   * transport owns them; the run feeds' and stream reads' dispatchers are always this
   * transport's (unless derived).
   */
  @Override
  public void close() {
    if (ownsRunHttp) {
      for (Dispatcher d : new Dispatcher[] {runHttp.feeds().dispatcher(), runHttp.streams().dispatcher()}) {
        d.cancelAll();
        d.executorService().shutdown();
      }
    }
    if (!ownsClient) {
      return;
    }
    client.dispatcher().cancelAll();
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
