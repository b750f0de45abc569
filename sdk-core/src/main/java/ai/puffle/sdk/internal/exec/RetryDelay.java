package ai.puffle.sdk.internal.exec;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before the next attempt or poll: exponential backoff with jitter, or the server's
 * Retry-After (lengthened by up to the jitter, never shortened), and never past a deadline, so a
 * call or a wait ends at its deadline instead of sleeping beyond it.
 */
public final class RetryDelay {
  private final Duration initial;
  private final Duration max;
  private final double factor;
  private final double jitter;

  /**
   * Delays starting at {@code initial}, growing by {@code factor} up to {@code max}, each varied
   * by up to {@code jitter} (a fraction, e.g. 0.2) either way.
   */
  public RetryDelay(Duration initial, Duration max, double factor, double jitter) {
    this.initial = initial;
    this.max = max;
    this.factor = factor;
    this.jitter = jitter;
  }

  /**
   * The wait after {@code failures} failed attempts (1 after the first).
   *
   * @param retryAfter the wait the server asked for, or null
   * @param nowNanos the current time on the client's clock
   * @param deadlineNanos the deadline on the same clock ({@link Long#MAX_VALUE}: none)
   */
  public Duration next(int failures, Duration retryAfter, long nowNanos, long deadlineNanos) {
    double random = ThreadLocalRandom.current().nextDouble();
    double nanos;
    if (retryAfter != null) {
      nanos = retryAfter.toNanos() * (1 + jitter * random);
    } else {
      double base = initial.toNanos() * Math.pow(factor, Math.max(0, failures - 1));
      nanos = Math.min(base, max.toNanos()) * (1 + jitter * (2 * random - 1));
    }
    long wait = (long) Math.max(0, nanos);
    if (deadlineNanos != Long.MAX_VALUE) {
      wait = Math.min(wait, Math.max(0, deadlineNanos - nowNanos));
    }
    return Duration.ofNanos(wait);
  }
}
