package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RetryListener;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallSpec;
import ai.puffle.sdk.internal.exec.Lifecycle;
import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.http.Transport;
import java.time.Duration;

/**
 * Everything the operations of one client share: request builders, the runner, transports,
 * defaults. A client derived with {@code withOptions} gets a copy with other defaults and the same
 * transports, runner and lifecycle.
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

  /** A context. */
  public ClientContext(
      AiChatSessionsApi sessionsApi,
      CampaignsApi campaignsApi,
      CallRunner runner,
      Transport transport,
      Transport contentTransport,
      RequestOptions defaults,
      RetryListener listener,
      Lifecycle lifecycle) {
    this.sessionsApi = sessionsApi;
    this.campaignsApi = campaignsApi;
    this.runner = runner;
    this.transport = transport;
    this.contentTransport = contentTransport;
    this.defaults = defaults;
    this.listener = listener;
    this.lifecycle = lifecycle;
  }

  /** This context with other default options. */
  public ClientContext withDefaults(RequestOptions options) {
    return new ClientContext(
        sessionsApi, campaignsApi, runner, transport, contentTransport,
        options.orElse(defaults), listener, lifecycle);
  }

  /** The client's default options. */
  public RequestOptions defaults() {
    return defaults;
  }

  /** The client's clock and schedulers. */
  public Timing timing() {
    return runner.timing();
  }

  /** The client's lifecycle. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The effective options of one call. */
  RequestOptions effective(RequestOptions perCall) {
    return perCall == null || perCall == RequestOptions.none() ? defaults : perCall.orElse(defaults);
  }

  /** The spec of a call made under {@code options} (already effective). */
  CallSpec spec(RequestOptions options, CallSpec.Safety safety) {
    Duration timeout = options.timeout().orElse(DEFAULT_TIMEOUT);
    return new CallSpec(
        transport,
        safety,
        deadline(timeout),
        options.maxRetries().orElse(DEFAULT_MAX_RETRIES),
        options.headers(),
        listener);
  }

  /** An absolute deadline {@code timeout} from now on the client's clock. */
  long deadline(Duration timeout) {
    long now = timing().nanoTime();
    long nanos = timeout.toNanos();
    return Long.MAX_VALUE - now < nanos ? Long.MAX_VALUE - 1 : now + nanos;
  }

  /** How long to wait for a busy session under {@code options}. */
  Duration busyTimeout(RequestOptions options) {
    return options.busyTimeout().orElse(DEFAULT_BUSY_TIMEOUT);
  }
}
