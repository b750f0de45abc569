package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RetryListener;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.exec.Lifecycle;
import ai.puffle.sdk.internal.exec.RetryRules;
import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.internal.live.EventThreads;
import ai.puffle.sdk.internal.run.RunWatcher;
import java.time.Duration;

/**
 * Everything the operations of one client share: request builders, the runner, transports,
 * clock, defaults, and the retry rules of those defaults. A client derived with {@code
 * withOptions} gets a copy with other defaults and the same transports, runner and lifecycle.
 */
public final class ClientContext {
  /** Default total deadline of a call, retries and busy waiting included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
  /** Default number of retries of a failed attempt. */
  public static final int DEFAULT_MAX_RETRIES = 3;
  /** Default time to wait for a busy session before giving up. */
  public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofMinutes(2);

  final AiChatSessionsApi sessionsApi;
  final CampaignsApi campaignsApi;
  final CallRunner runner;
  final Transport transport;
  final Transport contentTransport;
  final RequestOptions defaults;
  final RetryListener listener;
  final Lifecycle lifecycle;
  final Timing timing;
  final RunWatcher runs;
  final EventThreads events;
  private final RetryRules defaultRules;
  private final Duration defaultTimeout;
  private final Duration defaultBusyTimeout;

  /** A context. */
  public ClientContext(
      AiChatSessionsApi sessionsApi,
      CampaignsApi campaignsApi,
      CallRunner runner,
      Transport transport,
      Transport contentTransport,
      RequestOptions defaults,
      RetryListener listener,
      Lifecycle lifecycle,
      Timing timing,
      RunWatcher runs,
      EventThreads events) {
    this.sessionsApi = sessionsApi;
    this.campaignsApi = campaignsApi;
    this.runner = runner;
    this.transport = transport;
    this.contentTransport = contentTransport;
    this.defaults = defaults;
    this.listener = listener;
    this.lifecycle = lifecycle;
    this.timing = timing;
    this.runs = runs;
    this.events = events;
    this.defaultRules = RetryRules.forClient(timing, defaults.maxRetries().orElse(DEFAULT_MAX_RETRIES));
    this.defaultTimeout = defaults.timeout().orElse(DEFAULT_TIMEOUT);
    this.defaultBusyTimeout = defaults.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT);
  }

  private ClientContext(ClientContext base, RequestOptions defaults) {
    this.sessionsApi = base.sessionsApi;
    this.campaignsApi = base.campaignsApi;
    this.runner = base.runner;
    this.transport = base.transport;
    this.contentTransport = base.contentTransport;
    this.defaults = defaults;
    this.listener = base.listener;
    this.lifecycle = base.lifecycle;
    this.timing = base.timing;
    this.runs = base.runs;
    this.events = base.events;
    this.defaultRules = base.defaultRules.withMaxRetries(defaults.maxRetries().orElse(DEFAULT_MAX_RETRIES));
    this.defaultTimeout = defaults.timeout().orElse(DEFAULT_TIMEOUT);
    this.defaultBusyTimeout = defaults.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT);
  }

  /** This context with other default options. */
  public ClientContext withDefaults(RequestOptions options) {
    return new ClientContext(this, options.orElse(defaults));
  }

  /** The client's default options. */
  public RequestOptions defaults() {
    return defaults;
  }

  /** The client's clock and schedulers. */
  public Timing timing() {
    return timing;
  }

  /** The client's lifecycle. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** Follows the Trigger.dev runs of tasks. */
  public RunWatcher runWatcher() {
    return runs;
  }

  /** The threads that hand live-turn events to user code. */
  public EventThreads eventThreads() {
    return events;
  }

  /**
   * The scope of a call made with {@code perCall} options (null or none: the defaults), whose
   * deadline is the call's timeout from now.
   */
  CallScope scope(RequestOptions perCall, Flow<?> flow) {
    RequestOptions o = effective(perCall);
    if (o == defaults) {
      // Every call of a client's defaults: values worked out once, when the client was built.
      return new CallScope(timing, lifecycle, defaultRules, defaults.headers(), listener, flow,
          CallScope.deadlineAfter(timing, defaultTimeout), defaultBusyTimeout);
    }
    return scope(o, flow, CallScope.deadlineAfter(timing, o.timeout().orElse(DEFAULT_TIMEOUT)));
  }

  /**
   * The scope of a waiter's call: its deadline is the timeout when one is set, else the default
   * timeout plus the wait's own timeout (the wait gets its full time after sending).
   */
  CallScope waiterScope(RequestOptions perCall, Flow<?> flow, Duration waitTimeout) {
    RequestOptions o = effective(perCall);
    Duration total = o.timeout().orElse(DEFAULT_TIMEOUT.plus(waitTimeout));
    return scope(o, flow, CallScope.deadlineAfter(timing, total));
  }

  private CallScope scope(RequestOptions o, Flow<?> flow, long deadline) {
    RetryRules rules = o.maxRetries().isPresent() && o.maxRetries().getAsInt() != defaultRules.maxRetries()
        ? defaultRules.withMaxRetries(o.maxRetries().getAsInt())
        : defaultRules;
    return new CallScope(timing, lifecycle, rules, o.headers(), listener, flow, deadline,
        o.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT));
  }

  private RequestOptions effective(RequestOptions perCall) {
    return perCall == null || perCall == RequestOptions.none() ? defaults : perCall.orElse(defaults);
  }
}
