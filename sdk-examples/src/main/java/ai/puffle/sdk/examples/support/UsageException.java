package ai.puffle.sdk.examples.support;

/**
 * The command line or the environment does not say what to run: a missing campaign or node id,
 * an unknown flag, a malformed value, a node that is not an AI node of the campaign. Ends a
 * program with {@link ExitCodes#CONFIG}.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A usage error with a message meant for the person running the program. */
  public UsageException(String message) {
    super(message);
  }
}
