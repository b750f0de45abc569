package ai.puffle.sdk;

import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.generated.ops.CampaignCalls;
import ai.puffle.sdk.generated.ops.SessionCalls;
import ai.puffle.sdk.internal.ClientConfig;
import ai.puffle.sdk.internal.ClientInternals;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.ClockTiming;
import ai.puffle.sdk.internal.exec.Lifecycle;
import ai.puffle.sdk.internal.exec.SystemTiming;
import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.http.Redactor;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.internal.json.PuffleJson;
import ai.puffle.sdk.internal.ops.ClientContext;
import ai.puffle.sdk.internal.live.EventThreads;
import ai.puffle.sdk.internal.run.RunWatcher;
import java.time.Duration;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * The Puffle client: AI chat sessions, the synchronous content turn, generated messages and the
 * node update that applies a draft. Thread-safe; create one and share it. Close it when done:
 * {@link #close()} stops its threads and connections.
 *
 * <pre>{@code
 * try (PuffleClient client = PuffleClient.fromEnv()) {   // PUFFLE_API_KEY, PUFFLE_API_BASE_URL
 *   Conversation chat = client.conversation(campaignId, nodeId);
 *   TurnResult r = chat.send("Write an intro email for VPs of Sales, time-to-ROI angle");
 *   System.out.println(r.reply());
 * }
 * }</pre>
 */
public final class PuffleClient implements AutoCloseable {
  /** The production API. */
  public static final String DEFAULT_BASE_URL = "https://app.puffle.ai";
  /** The environment variable holding the API key. */
  public static final String ENV_API_KEY = "PUFFLE_API_KEY";
  /** The environment variable holding the base URL. */
  public static final String ENV_BASE_URL = "PUFFLE_API_BASE_URL";
  /** The system property holding the API key (wins over the environment). */
  public static final String PROP_API_KEY = "puffle.apiKey";
  /** The system property holding the base URL (wins over the environment). */
  public static final String PROP_BASE_URL = "puffle.baseUrl";
  /** Trigger.dev's API, where the runs of turns and example runs are watched. */
  public static final String DEFAULT_TRIGGER_API_URL = "https://api.trigger.dev";
  /** The environment variable holding Trigger.dev's API URL. */
  public static final String ENV_TRIGGER_API_URL = "PUFFLE_TRIGGER_API_URL";
  /** The system property holding Trigger.dev's API URL (wins over the environment). */
  public static final String PROP_TRIGGER_API_URL = "puffle.triggerApiUrl";

  static {
    ClientInternals.expose(client -> client.ctx);
  }

  private final ClientContext ctx;
  private final Transport transport;
  private final Timing timing;
  private final boolean root;
  private final String baseUrl;
  private final SessionCalls sessionCalls;
  private final Sessions sessions;
  /** Made on first use: many clients never use them, and a first call starts sooner. */
  private volatile MoreCalls more;

  private PuffleClient(ClientContext ctx, Transport transport, Timing timing, boolean root, String baseUrl) {
    this.ctx = ctx;
    this.transport = transport;
    this.timing = timing;
    this.root = root;
    this.baseUrl = baseUrl;
    this.sessionCalls = new SessionCalls(ctx);
    this.sessions = new SessionCalls.Blocking(sessionCalls);
  }

  /** A builder: set at least the API key. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A client configured from the environment: the key from {@code PUFFLE_API_KEY} and the base
   * URL from {@code PUFFLE_API_BASE_URL} (default {@value #DEFAULT_BASE_URL}); the system
   * properties {@code puffle.apiKey} and {@code puffle.baseUrl} win over the environment.
   *
   * @throws InvalidInputException when no key is set
   */
  public static PuffleClient fromEnv() {
    return builder().fromEnv().build();
  }

  /** AI chat sessions (blocking). */
  public Sessions sessions() {
    return sessions;
  }

  /** Campaign-scoped operations (blocking). */
  public Campaigns campaigns() {
    return more().campaigns;
  }

  /** The same operations returning {@link java.util.concurrent.CompletableFuture}s. */
  public PuffleAsyncClient async() {
    return more().async;
  }

  private MoreCalls more() {
    MoreCalls m = more;
    if (m == null) {
      synchronized (sessionCalls) {
        m = more;
        if (m == null) {
          more = m = new MoreCalls(ctx, sessionCalls);
        }
      }
    }
    return m;
  }

  /** The campaign operations and the asynchronous twins of every operation. */
  private static final class MoreCalls {
    final Campaigns campaigns;
    final PuffleAsyncClient async;

    MoreCalls(ClientContext ctx, SessionCalls sessionCalls) {
      CampaignCalls campaignCalls = new CampaignCalls(ctx);
      this.campaigns = new CampaignCalls.Blocking(campaignCalls);
      this.async = new PuffleAsyncClient(
          new SessionCalls.Async(sessionCalls), new CampaignCalls.Async(campaignCalls));
    }
  }

  /**
   * The drafting conversation of one AI node: finds the node's session (the most recently updated
   * one, should it have several), or creates it (this makes one to three requests now).
   */
  public Conversation conversation(String campaignId, String nodeId) {
    return Conversation.open(this, campaignId, nodeId);
  }

  /**
   * A client with other default options for every call, sharing this client's connections,
   * threads and lifecycle: closing this client closes it too, and closing it does nothing.
   */
  public PuffleClient withOptions(RequestOptions options) {
    ai.puffle.sdk.internal.mapping.Validate.notNull("options", options);
    return new PuffleClient(ctx.withDefaults(options), transport, timing, false, baseUrl);
  }

  /** The default options of every call. */
  public RequestOptions options() {
    return ctx.defaults();
  }

  /** The base URL requests go to. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Closes the client: calls in flight complete with {@link ClientClosedException}, later calls
   * fail with it, and the client's threads and idle connections are released (unless the
   * OkHttpClient was handed in, which stays the caller's). Idempotent. On a client from {@link
   * #withOptions} it does nothing.
   */
  @Override
  public void close() {
    if (!root) {
      return;
    }
    ctx.lifecycle().close();
    ctx.runWatcher().close();
    ctx.eventThreads().close();
    transport.close();
    timing.close();
  }


  @Override
  public String toString() {
    return "PuffleClient{baseUrl=" + baseUrl + ", closed=" + ctx.lifecycle().isClosed() + "}";
  }

  /** Builds a {@link PuffleClient}. Every setter checks its value at once. */
  public static final class Builder {
    private final ClientConfig config = new ClientConfig();
    private PuffleClock clock;

    private Builder() {}

    /** The API key ({@code pk_live_...}). Required. Never logged or printed. */
    public Builder apiKey(String apiKey) {
      config.apiKey(apiKey);
      return this;
    }

    /**
     * The base URL, default {@value PuffleClient#DEFAULT_BASE_URL}. Must be https, except on a
     * loopback address (a local emulator).
     */
    public Builder baseUrl(String baseUrl) {
      config.baseUrl(baseUrl);
      return this;
    }

    /**
     * Reads the key, the base URL and Trigger.dev's URL from system properties ({@code
     * puffle.apiKey}, {@code puffle.baseUrl}, {@code puffle.triggerApiUrl}) or else the
     * environment ({@code PUFFLE_API_KEY}, {@code PUFFLE_API_BASE_URL}, {@code
     * PUFFLE_TRIGGER_API_URL}), where set.
     */
    public Builder fromEnv() {
      config.fromEnv(System::getProperty, System::getenv);
      return this;
    }

    /**
     * Trigger.dev's API URL, default {@value PuffleClient#DEFAULT_TRIGGER_API_URL}. Waits follow
     * a task's run there, with the run's own token (never the API key). Must be https, except
     * on a loopback address (a local emulator).
     */
    public Builder triggerApiUrl(String url) {
      config.triggerApiUrl(url);
      return this;
    }

    /**
     * Whether waits follow the task's Trigger.dev run so they return as soon as it ends (default
     * true). Off, or when following fails, waits poll the session only.
     */
    public Builder watchRuns(boolean watch) {
      config.watchRuns = watch;
      return this;
    }

    /**
     * How many runs may be followed over a live feed at once (default 16). A live feed holds a
     * connection and an HTTP thread for up to about 20 s at a time; waits beyond this number
     * follow their run by polling it instead.
     */
    public Builder maxLiveRunFeeds(int max) {
      config.maxLiveRunFeeds = ai.puffle.sdk.internal.mapping.Validate.range("maxLiveRunFeeds", max, 0, 1024);
      return this;
    }

    /**
     * Your own OkHttpClient to build on (its interceptors, proxy, TLS, pool and timeouts). The
     * client adds its own interceptors to a derived copy and never shuts yours down. Timeouts set
     * on this builder override the OkHttpClient's.
     */
    public Builder okHttpClient(OkHttpClient client) {
      config.userClient = ai.puffle.sdk.internal.mapping.Validate.notNull("okHttpClient", client);
      return this;
    }

    /** Time to establish a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      config.connectTimeout = ai.puffle.sdk.internal.mapping.Validate.positive("connectTimeout", timeout);
      return this;
    }

    /** Time to wait for data on an established connection, per attempt (default 60 s). */
    public Builder readTimeout(Duration timeout) {
      config.readTimeout = ai.puffle.sdk.internal.mapping.Validate.positive("readTimeout", timeout);
      return this;
    }

    /**
     * Read timeout of the synchronous content turn, an LLM call that answers when the agent is
     * done (default 180 s).
     */
    public Builder contentReadTimeout(Duration timeout) {
      config.contentReadTimeout = ai.puffle.sdk.internal.mapping.Validate.positive("contentReadTimeout", timeout);
      return this;
    }

    /**
     * How many async HTTP calls may be in flight at once (default 10; OkHttp's own default is 5
     * per host). Each holds one OkHttp thread while in flight; waiting between polls holds none.
     * Blocking calls are not limited by it.
     */
    public Builder maxConcurrentRequests(int max) {
      config.maxConcurrentRequests = ai.puffle.sdk.internal.mapping.Validate.range("maxConcurrentRequests", max, 1, 1024);
      return this;
    }

    /** Default options of every call (timeout, retries, busy timeout, headers). */
    public Builder requestOptions(RequestOptions options) {
      config.defaults = ai.puffle.sdk.internal.mapping.Validate.notNull("requestOptions", options);
      return this;
    }

    /**
     * A listener factory told of every call of this client (and of the clients {@link
     * #withOptions} derives from it): each call's start and end, HTTP attempts, retries, busy
     * waits, reconciliations, polls and run events ({@link PuffleEventListener}). May be given
     * more than once; {@link RequestOptions.Builder#eventListener} adds listeners per call.
     */
    public Builder eventListener(PuffleEventListener.Factory factory) {
      ai.puffle.sdk.internal.mapping.Validate.notNull("eventListener", factory);
      if (!config.listeners.contains(factory)) {
        config.listeners.add(factory);
      }
      return this;
    }

    /** HTTP logging (off by default); the key and tokens are always redacted. */
    public Builder logLevel(LogLevel level) {
      config.logLevel = ai.puffle.sdk.internal.mapping.Validate.notNull("logLevel", level);
      return this;
    }

    /** Where log lines go (default standard error). */
    public Builder logger(Consumer<String> logger) {
      config.logger = ai.puffle.sdk.internal.mapping.Validate.notNull("logger", logger);
      return this;
    }

    /**
     * The time the client waits by (default: real time). A test hands in a virtual clock, such
     * as {@code FakePuffle.clientClock()}, so that its waits take no real time and replay exactly.
     */
    public Builder clock(PuffleClock clock) {
      this.clock = ai.puffle.sdk.internal.mapping.Validate.notNull("clock", clock);
      return this;
    }

    /**
     * The client.
     *
     * @throws InvalidInputException when the key is missing
     */
    public PuffleClient build() {
      config.requireKey();
      Transport transport = new Transport(config.transportSettings());
      Transport content = transport.withReadTimeout(config.contentReadTimeout);
      Timing t = clock != null ? new ClockTiming(clock) : new SystemTiming();
      Lifecycle lifecycle = new Lifecycle();
      RequestFactory requests = new RequestFactory(config.baseUrl, PuffleJson.moshi());
      CallRunner runner = new CallRunner(new ErrorMapper(new Redactor(config.apiKeyValue())));
      RunWatcher runs = config.watchRuns
          ? new RunWatcher(config.triggerApiUrl, transport.runHttp(), t, config.maxLiveRunFeeds)
          : RunWatcher.disabled();
      ClientContext ctx = new ClientContext(
          new AiChatSessionsApi(requests), new CampaignsApi(requests), runner, transport, content,
          config.defaults, config.listeners, lifecycle, t, runs, new EventThreads());
      return new PuffleClient(ctx, transport, t, true, config.baseUrl.toString());
    }

    @Override
    public String toString() {
      return "PuffleClient.Builder{" + config + "}";
    }
  }
}
