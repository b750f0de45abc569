package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/**
 * Another task holds the session: HTTP 409 ("Session is busy (chat_processing)"). The client
 * waits for the session to become idle and sends again within the busy timeout ({@link
 * RequestOptions.Builder#busyTimeout}); this is thrown when that time runs out, or at once when
 * busy waiting is turned off, however the client saw the session busy: by reading it before
 * sending (then nothing was sent, and {@link #statusCode()} is still 409) or as a 409. When the
 * call's own deadline ({@link RequestOptions.Builder#timeout}) runs out first, the call ends
 * with {@link PuffleTimeoutException} instead.
 */
public class SessionBusyException extends PuffleApiException {
  private static final long serialVersionUID = 1L;
  private final TaskStatus busyStatus;

  /** An error described by {@code details}, with the status of the task that held the session. */
  SessionBusyException(ErrorDetails details, TaskStatus busyStatus) {
    super(details);
    this.busyStatus = busyStatus;
  }

  /**
   * The task that held the session when the client last looked (the session's task status, or
   * what the 409 said: "Session is busy (generating_examples)"), or {@link TaskStatus#UNKNOWN}
   * when neither said.
   */
  public TaskStatus busyStatus() {
    if (busyStatus != null) {
      return busyStatus;
    }
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
