package ai.puffle.sdk.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * An application interceptor that acts once on the first request matching a predicate: it lets a
 * cell act between the client's pre-read of a session and the request under test (make the
 * session busy, drop the pooled connection and refuse the next one), or give just that request a
 * short read timeout (so a stall costs little while every other response, on a loaded machine,
 * still has plenty of time).
 */
final class Hooks implements Interceptor {
  private Predicate<Request> target;
  private Runnable action;
  private Duration readTimeout;

  /** Runs {@code action} once, before the first request matching {@code target}. */
  synchronized void before(Predicate<Request> target, Runnable action) {
    this.target = target;
    this.action = action;
    this.readTimeout = null;
  }

  /** Gives the first request matching {@code target} this read timeout. */
  synchronized void readTimeout(Predicate<Request> target, Duration readTimeout) {
    this.target = target;
    this.action = () -> {};
    this.readTimeout = readTimeout;
  }

  /** Forgets the armed action. */
  synchronized void clear() {
    target = null;
    action = null;
    readTimeout = null;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Runnable fire = null;
    Duration timeout = null;
    synchronized (this) {
      if (action != null && target.test(chain.request())) {
        fire = action;
        timeout = readTimeout;
        clear();
      }
    }
    if (fire != null) {
      fire.run();
    }
    Chain next = timeout == null
        ? chain : chain.withReadTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS);
    return next.proceed(chain.request());
  }
}
