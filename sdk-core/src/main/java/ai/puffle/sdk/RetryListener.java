package ai.puffle.sdk;

/**
 * Told of every retry the client makes, before it waits: why, after which attempt, and how long it
 * will wait. Runs on the thread that saw the failure; keep it quick. Exceptions it throws are
 * ignored.
 */
@FunctionalInterface
public interface RetryListener {
  /** A failed attempt will be retried. */
  void onRetry(RetryEvent event);
}
