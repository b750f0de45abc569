package ai.puffle.sdk.internal.http;

/**
 * Tagged on each outgoing request: set once OkHttp has a connection and starts to write the
 * request. A failure before that point proves Puffle never saw the request.
 */
public final class SendState {
  private volatile boolean started;

  /** Whether writing the request started. */
  public boolean started() {
    return started;
  }

  void markStarted() {
    started = true;
  }
}
