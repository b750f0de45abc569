package ai.puffle.sdk.examples.support;

/** The exit codes of the example programs, one per class of failure. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;
  /** An unexpected error (a bug): the message names the exception. */
  public static final int UNEXPECTED = 1;
  /**
   * Bad configuration or input: a missing campaign or node id with {@code PUFFLE_API_KEY} set, an
   * unknown flag, a malformed id or base URL (all found before anything is sent), or a node that
   * is not an AI node of the campaign.
   */
  public static final int CONFIG = 2;
  /**
   * Puffle answered with an error or could not be reached: an HTTP error status, a dropped
   * connection, an unreadable response, a turn that ended without a reply, or a flow that did not
   * produce what it needed (no skeleton after the last turn).
   */
  public static final int API = 3;
  /** A wait or a call's deadline passed ({@code PuffleTimeoutException}). */
  public static final int TIMEOUT = 4;

  private ExitCodes() {}
}
