package ai.puffle.sdk;

import java.time.Duration;
import java.util.Objects;

/** One retry: the operation, the attempt that failed, the failure, and the wait before the next. */
public final class RetryEvent {
  /** Why the client tries again. */
  public enum Reason {
    /** A transport failure or a retryable status (429, 5xx) on a request that is safe to repeat. */
    TRANSIENT,
    /** The session was busy (409): the client waited until it was idle and sends again. */
    SESSION_BUSY,
    /**
     * The outcome of a turn or example run was unknown; the session showed it was not taken, so
     * it is sent again.
     */
    NOT_TAKEN
  }

  private final String operation;
  private final int attempt;
  private final Reason reason;
  private final PuffleException failure;
  private final Duration delay;

  /** A retry event. */
  public RetryEvent(
      String operation, int attempt, Reason reason, PuffleException failure, Duration delay) {
    this.operation = Objects.requireNonNull(operation, "operation");
    this.attempt = attempt;
    this.reason = Objects.requireNonNull(reason, "reason");
    this.failure = Objects.requireNonNull(failure, "failure");
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /** The operationId, e.g. {@code runAiChatTurn}. */
  public String operation() {
    return operation;
  }

  /** The attempt that failed, counting from 1. */
  public int attempt() {
    return attempt;
  }

  /** Why the client retries. */
  public Reason reason() {
    return reason;
  }

  /** The failure of that attempt. */
  public PuffleException failure() {
    return failure;
  }

  /** How long the client waits before the next attempt. */
  public Duration delay() {
    return delay;
  }

  @Override
  public String toString() {
    return "RetryEvent{" + operation + " attempt " + attempt + " " + reason + ", retry in "
        + delay.toMillis() + " ms: " + failure.getMessage() + "}";
  }
}
