package ai.puffle.sdk;

/**
 * The calling thread was interrupted while a blocking call or wait was in progress. Polling stopped
 * and no further request was sent. The thread's interrupt flag is set again.
 */
public class PuffleInterruptedException extends PuffleException {
  private static final long serialVersionUID = 1L;

  /** An interrupted call. */
  public PuffleInterruptedException(String message, Throwable cause) {
    super(message, cause);
  }
}
