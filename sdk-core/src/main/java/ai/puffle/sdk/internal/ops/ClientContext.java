package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.internal.exec.CallEvents;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.exec.Lifecycle;
import ai.puffle.sdk.internal.exec.RetryRules;
import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.Endpoint;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.internal.live.EventThreads;
import ai.puffle.sdk.internal.run.RunWatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
  final List<PuffleEventListener.Factory> listeners;
  final Lifecycle lifecycle;
  final Timing timing;
  final RunWatcher runs;
  final EventThreads events;
  private final RetryRules defaultRules;
  private final Duration defaultTimeout;
  private final Duration defaultBusyTimeout;
  private final List<PuffleEventListener.Factory> defaultListeners;

  /** A context. */
  public ClientContext(
      AiChatSessionsApi sessionsApi,
      CampaignsApi campaignsApi,
      CallRunner runner,
      Transport transport,
      Transport contentTransport,
      RequestOptions defaults,
      List<PuffleEventListener.Factory> listeners,
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
    this.listeners = List.copyOf(listeners);
    this.lifecycle = lifecycle;
    this.timing = timing;
    this.runs = runs;
    this.events = events;
    this.defaultRules = RetryRules.forClient(timing, defaults.maxRetries().orElse(DEFAULT_MAX_RETRIES));
    this.defaultTimeout = defaults.timeout().orElse(DEFAULT_TIMEOUT);
    this.defaultBusyTimeout = defaults.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT);
    this.defaultListeners = listenersOf(defaults);
  }

  private ClientContext(ClientContext base, RequestOptions defaults) {
    this.sessionsApi = base.sessionsApi;
    this.campaignsApi = base.campaignsApi;
    this.runner = base.runner;
    this.transport = base.transport;
    this.contentTransport = base.contentTransport;
    this.defaults = defaults;
    this.listeners = base.listeners;
    this.lifecycle = base.lifecycle;
    this.timing = base.timing;
    this.runs = base.runs;
    this.events = base.events;
    this.defaultRules = base.defaultRules.withMaxRetries(defaults.maxRetries().orElse(DEFAULT_MAX_RETRIES));
    this.defaultTimeout = defaults.timeout().orElse(DEFAULT_TIMEOUT);
    this.defaultBusyTimeout = defaults.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT);
    this.defaultListeners = listenersOf(defaults);
  }

  /** This context with other default options. */
  public ClientContext withDefaults(RequestOptions options) {
    return new ClientContext(this, options.orElse(defaults));
  }

  /** The client's default options. */
  public RequestOptions defaults() {
    return defaults;
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
   * The scope of the call {@code operation} (of one request) on {@code sessionId} (or null), made
   * with {@code perCall} options (null or none: the defaults), whose deadline is the call's
   * timeout from now. Its listeners are told it started.
   */
  CallScope scope(RequestOptions perCall, Flow<?> flow, Endpoint operation, String sessionId) {
    RequestOptions o = effective(perCall);
    if (o == defaults) {
      // Every call of a client's defaults: values worked out once, when the client was built.
      return new CallScope(timing, lifecycle, defaultRules, defaults.headers(),
          CallEvents.start(defaultListeners, operation.operationId(), operation, sessionId, timing, flow),
          flow, CallScope.deadlineAfter(timing, defaultTimeout), defaultBusyTimeout);
    }
    return scope(o, flow, CallScope.deadlineAfter(timing, o.timeout().orElse(DEFAULT_TIMEOUT)),
        operation.operationId(), operation, sessionId);
  }

  /**
   * Sends {@code request}, a call on {@code sessionId} (or null), as one flow: retried as its
   * safety allows, within the call's deadline. The methods that send one request and map its
   * answer (generated from openapi.yaml's {@code x-puffle-sdk}) are this and nothing else.
   */
  public <T> Flow<T> send(ApiRequest<T> request, String sessionId, RequestOptions options, Flow<T> flow) {
    CallScope scope = scope(options, flow, request.endpoint(), sessionId);
    return flow.run(f -> runner.call(request, transport, scope));
  }

  /**
   * The scope of the waiter {@code name}, whose own request is {@code main}: its deadline is the
   * timeout when one is set, else the default timeout plus the wait's own timeout (the wait gets
   * its full time after sending).
   */
  CallScope waiterScope(
      RequestOptions perCall, Flow<?> flow, Duration waitTimeout, String name, Endpoint main,
      String sessionId) {
    RequestOptions o = effective(perCall);
    Duration total = o.timeout().orElse(DEFAULT_TIMEOUT.plus(waitTimeout));
    return scope(o, flow, CallScope.deadlineAfter(timing, total), name, main, sessionId);
  }

  private CallScope scope(
      RequestOptions o, Flow<?> flow, long deadline, String name, Endpoint main, String sessionId) {
    RetryRules rules = o.maxRetries().isPresent() && o.maxRetries().getAsInt() != defaultRules.maxRetries()
        ? defaultRules.withMaxRetries(o.maxRetries().getAsInt())
        : defaultRules;
    CallEvents events = CallEvents.start(listenersOf(o), name, main, sessionId, timing, flow);
    return new CallScope(timing, lifecycle, rules, o.headers(), events, flow, deadline,
        o.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT));
  }

  /** The client's listener factories, then the options' own. */
  private List<PuffleEventListener.Factory> listenersOf(RequestOptions o) {
    List<PuffleEventListener.Factory> perCall = o.eventListeners();
    if (perCall.isEmpty()) {
      return listeners;
    }
    if (listeners.isEmpty()) {
      return perCall;
    }
    List<PuffleEventListener.Factory> all = new ArrayList<>(listeners);
    for (PuffleEventListener.Factory f : perCall) {
      if (!all.contains(f)) {
        all.add(f);
      }
    }
    return all;
  }

  private RequestOptions effective(RequestOptions perCall) {
    return perCall == null || perCall == RequestOptions.none() ? defaults : perCall.orElse(defaults);
  }
}
