package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.RetryListener;
import ai.puffle.sdk.internal.http.Transport;
import java.util.Map;

/** How one operation's HTTP calls are made: transport, safety, deadline, retries, headers. */
public final class CallSpec {
  /** What may be sent again after a failure. */
  public enum Safety {
    /** GET, PUT, PATCH, DELETE: retry transport failures, 429 and 500/502/503/504. */
    IDEMPOTENT,
    /**
     * A POST that must reach the server at most once (turn, examples, content, create): retry
     * only when the request provably did not arrive (not sent), on 429, and on 500 (Puffle
     * releases the claim before answering 500). Anything else is left to the caller to reconcile.
     */
    SEND_ONCE
  }

  final Transport transport;
  final Safety safety;
  final long deadlineNanos;
  final int maxRetries;
  final Map<String, String> headers;
  final RetryListener listener;

  /**
   * A spec.
   *
   * @param deadlineNanos absolute deadline on the client's clock ({@link Long#MAX_VALUE}: none)
   */
  public CallSpec(
      Transport transport,
      Safety safety,
      long deadlineNanos,
      int maxRetries,
      Map<String, String> headers,
      RetryListener listener) {
    this.transport = transport;
    this.safety = safety;
    this.deadlineNanos = deadlineNanos;
    this.maxRetries = maxRetries;
    this.headers = headers;
    this.listener = listener;
  }

  /** The same spec with another safety. */
  public CallSpec with(Safety safety) {
    return new CallSpec(transport, safety, deadlineNanos, maxRetries, headers, listener);
  }

  /** The same spec with another transport. */
  public CallSpec with(Transport transport) {
    return new CallSpec(transport, safety, deadlineNanos, maxRetries, headers, listener);
  }

  /** The absolute deadline on the client's clock. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** The transport. */
  public Transport transportOf() {
    return transport;
  }

  /** The extra headers. */
  public Map<String, String> headersOf() {
    return headers;
  }

  /** The retry listener, or null. */
  public RetryListener listener() {
    return listener;
  }
}
