package ai.puffle.sdk.internal.run;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Headers;

/**
 * A growing delay with 20% jitter that starts over on {@link #reset()}, and the wait a server asks
 * for. The watcher's waits change with what each response says (a poll interval that grows while
 * the run goes on, a failure back-off that starts over after a success), so they are computed
 * here rather than by a retry policy's attempt count.
 */
final class Backoff {
  static final double JITTER = 0.2;
  /** The longest wait a server may ask for. */
  static final Duration MAX_REQUESTED = Duration.ofSeconds(60);

  private final long initialNanos;
  private final long maxNanos;
  private final double factor;
  private long nextNanos;

  Backoff(Duration initial, Duration max, double factor) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.factor = factor;
    this.nextNanos = initialNanos;
  }

  /** The next delay (jittered), growing the one after by the factor up to the maximum. */
  Duration next() {
    long d = nextNanos;
    nextNanos = Math.min(maxNanos, (long) (nextNanos * factor));
    double f = 1 + JITTER * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofNanos((long) (d * f));
  }

  /** The next delay, or the server's requested wait when that is longer. */
  Duration next(Duration requested) {
    Duration mine = next();
    return requested != null && requested.compareTo(mine) > 0 ? requested : mine;
  }

  /** Starts again from the initial delay. */
  void reset() {
    nextNanos = initialNanos;
  }

  /**
   * The wait a response asks for: {@code Retry-After} in seconds, else Trigger.dev's {@code
   * x-ratelimit-reset} (epoch milliseconds) measured against the response's {@code Date};
   * capped at {@link #MAX_REQUESTED}; null when it asks for none.
   */
  static Duration requested(Headers headers) {
    Duration d = null;
    String retryAfter = headers.get("Retry-After");
    if (retryAfter != null) {
      try {
        d = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
      } catch (NumberFormatException notSeconds) {
        d = null;
      }
    }
    String reset = headers.get("x-ratelimit-reset");
    java.util.Date date = headers.getDate("Date");
    if (d == null && reset != null && date != null) {
      try {
        d = Duration.ofMillis(Long.parseLong(reset.trim()) - date.getTime());
      } catch (NumberFormatException unreadable) {
        d = null;
      }
    }
    if (d == null || d.isNegative()) {
      return null;
    }
    return d.compareTo(MAX_REQUESTED) > 0 ? MAX_REQUESTED : d;
  }
}
