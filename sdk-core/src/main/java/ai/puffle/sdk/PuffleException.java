package ai.puffle.sdk;

/**
 * The root of every exception the SDK throws. Unchecked. The message is useful on its own in a
 * log line and never contains the API key or a run's access token.
 */
public class PuffleException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int attempts;

  /** An exception after one attempt. */
  public PuffleException(String message) {
    this(message, null, 1);
  }

  /** An exception after one attempt, with its cause. */
  public PuffleException(String message, Throwable cause) {
    this(message, cause, 1);
  }

  /**
   * An exception after {@code attempts} attempts of the same call.
   *
   * @param attempts how many times the request was sent or tried (at least 1)
   */
  public PuffleException(String message, Throwable cause, int attempts) {
    super(message, cause);
    this.attempts = Math.max(1, attempts);
  }

  /** How many attempts the call made before it failed (1 when it was not retried). */
  public int attempts() {
    return attempts;
  }
}
