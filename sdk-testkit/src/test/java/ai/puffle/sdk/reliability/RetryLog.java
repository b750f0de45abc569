package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The retries a client reports to its event listener, in order. */
final class RetryLog implements PuffleEventListener.Factory {
  /** One retry: the operation whose request is sent again, why, and after how long. */
  static final class Retry {
    private final String operation;
    private final int attempt;
    private final RetryReason reason;
    private final Duration delay;

    Retry(String operation, int attempt, RetryReason reason, Duration delay) {
      this.operation = operation;
      this.attempt = attempt;
      this.reason = reason;
      this.delay = delay;
    }

    String operation() {
      return operation;
    }

    RetryReason reason() {
      return reason;
    }

    Duration delay() {
      return delay;
    }

    @Override
    public String toString() {
      return "Retry{" + operation + " attempt " + attempt + " " + reason + ", retry in "
          + delay.toMillis() + " ms}";
    }
  }

  private final List<Retry> retries = new CopyOnWriteArrayList<>();

  /** The retries so far. */
  List<Retry> list() {
    return List.copyOf(retries);
  }

  /** Forgets the retries so far. */
  void clear() {
    retries.clear();
  }

  @Override
  public PuffleEventListener create(PuffleEventListener.Operation operation) {
    return new PuffleEventListener() {
      @Override
      public void retryScheduled(Attempt failed, RetryReason reason, Duration delay) {
        retries.add(new Retry(failed.operationId(), failed.number(), reason, delay));
      }
    };
  }
}
