package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429: too many requests. The client waits as long as {@code Retry-After} says (capped), or
 * backs off exponentially, and tries again; this is thrown when retries run out.
 */
public class RateLimitException extends PuffleApiException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /** An error described by {@code details}, with the {@code Retry-After} it carried, if any. */
  RateLimitException(ErrorDetails details, Duration retryAfter) {
    super(details);
    this.retryAfter = retryAfter;
  }

  /** The wait the server asked for in {@code Retry-After} (seconds or an HTTP date), if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
