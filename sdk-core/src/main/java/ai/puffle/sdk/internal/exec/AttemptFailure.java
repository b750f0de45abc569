package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The failure of one attempt, as a shared Failsafe policy sees it: the SDK's exception together
 * with the call it belongs to, so that one policy built for every call can still tell whether a
 * retry fits before this call's deadline and report the retry to this call's listeners. Never
 * leaves the runner: callers get {@link #failure()}.
 */
public final class AttemptFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient PuffleException failure;
  private final transient String operation;
  private final transient long deadlineNanos;
  private final transient CallScope scope;

  /**
   * The failure of an attempt of {@code operation} in {@code scope}, whose retries must end by
   * {@code deadlineNanos}.
   */
  public AttemptFailure(PuffleException failure, String operation, long deadlineNanos, CallScope scope) {
    super(null, null, false, false);
    this.failure = failure;
    this.operation = operation;
    this.deadlineNanos = deadlineNanos;
    this.scope = scope;
  }

  /** The SDK's exception. */
  public PuffleException failure() {
    return failure;
  }

  /**
   * Whether another attempt fits before the deadline: it has not passed, and a Retry-After the
   * server sent ends before it (otherwise the failure itself says more than a timeout later).
   */
  boolean retryFits() {
    long left = deadlineNanos - scope.timing().nanoTime();
    if (left <= 0) {
      return false;
    }
    Duration ra = RetryRules.retryAfter(failure);
    return ra == null || left > ra.toNanos();
  }

  /** Tells the call's listeners that this attempt failed and another follows after {@code delay}. */
  void retryScheduled(Duration delay) {
    scope.events().retryScheduled(operation, RetryReason.TRANSIENT, delay);
  }

  /** The SDK's exception behind {@code t}: unwraps futures' wrappers and attempt failures. */
  public static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while (true) {
      if (e instanceof AttemptFailure) {
        return ((AttemptFailure) e).failure;
      }
      if ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
        e = e.getCause();
        continue;
      }
      return e;
    }
  }
}
