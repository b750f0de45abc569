package ai.puffle.sdk;

/**
 * The request failed in transport: the connection was refused, dropped or timed out, so no
 * response was read. {@link #requestSent()} tells whether the request may have reached Puffle.
 */
public class PuffleConnectionException extends PuffleException {
  private static final long serialVersionUID = 1L;
  private final boolean requestSent;

  /**
   * A transport failure.
   *
   * @param requestSent whether sending had started (the server may have acted on it)
   */
  public PuffleConnectionException(String message, Throwable cause, boolean requestSent, int attempts) {
    super(message, cause, attempts);
    this.requestSent = requestSent;
  }

  /**
   * Whether the request had started to go out when the failure happened. When false, Puffle
   * certainly did not act on it; when true, it may have.
   */
  public boolean requestSent() {
    return requestSent;
  }
}
