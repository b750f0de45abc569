package ai.puffle.sdk;

/**
 * HTTP 409: another task holds the session ("Session is busy (chat_processing)"). The client
 * waits for the session to become idle and sends again within the busy timeout; this is thrown
 * when that time runs out, or at once when busy waiting is turned off.
 */
public class SessionBusyException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  public SessionBusyException(ErrorDetails details) {
    super(details);
  }

  /**
   * The task that held the session, read from the message ("Session is busy
   * (generating_examples)"), or {@link TaskStatus#UNKNOWN} when it did not say.
   */
  public TaskStatus busyStatus() {
    String message = errorMessage();
    int open = message.lastIndexOf('(');
    int close = message.lastIndexOf(')');
    if (open >= 0 && close > open) {
      TaskStatus status = TaskStatus.fromWire(message.substring(open + 1, close).trim());
      return status == TaskStatus.IDLE ? TaskStatus.UNKNOWN : status;
    }
    return TaskStatus.UNKNOWN;
  }
}
