package ai.puffle.sdk;

import java.time.Duration;
import java.util.Optional;

/**
 * A deadline passed: a call's total timeout (retries included) or a wait's timeout. A wait's
 * timeout carries the last session it saw; the task on the server may still finish later.
 */
public class PuffleTimeoutException extends PuffleException {
  private static final long serialVersionUID = 1L;
  private final transient Session lastSession;
  private final Duration elapsed;

  /**
   * A timeout.
   *
   * @param lastSession the last session seen while waiting, or null
   */
  public PuffleTimeoutException(
      String message, Session lastSession, Duration elapsed, Throwable cause, int attempts) {
    super(message, cause, attempts);
    this.lastSession = lastSession;
    this.elapsed = elapsed == null ? Duration.ZERO : elapsed;
  }

  /** The last session seen before the deadline, if the call was a wait. */
  public Optional<Session> lastSession() {
    return Optional.ofNullable(lastSession);
  }

  /** How long the call or wait ran. */
  public Duration elapsed() {
    return elapsed;
  }
}
