package ai.puffle.sdk.examples.support;

/**
 * Puffle answered, but not with what the flow needs to go on (for example no skeleton after the
 * last scripted turn). Ends a program with {@link ExitCodes#API}.
 */
public final class FlowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A flow failure with a message meant for the person running the program. */
  public FlowException(String message) {
    super(message);
  }
}
