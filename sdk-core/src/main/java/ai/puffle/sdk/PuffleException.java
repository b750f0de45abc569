package ai.puffle.sdk;

/**
 * Root of every exception the Puffle SDK throws. Unchecked.
 *
 * <p>Placeholder in this branch; the full version replaces it.
 */
public class PuffleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public PuffleException(String message) {
    super(message);
  }

  /** An exception with this message and cause. */
  public PuffleException(String message, Throwable cause) {
    super(message, cause);
  }

  /** How many HTTP attempts were made before this was thrown (1 when no retry happened). */
  public int attempts() {
    return 1;
  }
}
