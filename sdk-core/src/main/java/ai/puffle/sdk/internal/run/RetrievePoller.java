package ai.puffle.sdk.internal.run;

import java.io.IOException;
import java.time.Duration;

/**
 * Follows a run by polling retrieve: the first request at once, then every 1 s growing by half
 * up to 3 s (20% jitter). 401, 403 and a plain 404 end the watch; a 404 with {@code
 * x-should-retry: true} (a run not yet visible) is retried for {@link #NOT_FOUND_PATIENCE}; 429,
 * 408, 5xx and connection failures back off 1 s doubling up to 8 s (longer if the server asks)
 * and end the watch after {@link #MAX_FAILURES} in a row; any other answer ends it as
 * unreadable.
 */
final class RetrievePoller implements RunCalls.Handler {
  static final Duration FIRST_INTERVAL = Duration.ofSeconds(1);
  static final Duration MAX_INTERVAL = Duration.ofSeconds(3);
  static final double GROWTH = 1.5;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  static final int MAX_FAILURES = 5;
  static final Duration NOT_FOUND_PATIENCE = Duration.ofSeconds(10);

  private final RunWatch watch;
  private final RunCalls.Lane lane;
  private final Backoff pace = new Backoff(FIRST_INTERVAL, MAX_INTERVAL, GROWTH);
  private final Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, 2.0);
  private int failures;
  private long notFoundSince = -1;

  RetrievePoller(RunWatch watch) {
    this.watch = watch;
    this.lane = watch.calls().lane();
  }

  void start() {
    poll();
  }

  private void poll() {
    TriggerApi api = watch.owner().api();
    lane.send(api.get(api.retrieveUrl(watch.runId()), watch.token(), false), true, this);
  }

  @Override
  public void onReply(RunCalls.Reply r) {
    if (r.code == 200) {
      RunUpdate update;
      try {
        if (r.body == null) {
          throw new UnreadableResponse("retrieve's body is too large");
        }
        update = RetrieveBody.parse(watch.runId(), r.body);
      } catch (UnreadableResponse e) {
        watch.stop(RunOutcome.Reason.UNREADABLE, e.getMessage());
        return;
      }
      failures = 0;
      notFoundSince = -1;
      backoff.reset();
      watch.report(update, lane);
      lane.after(pace.next(), this::poll);
    } else if (r.code == 401) {
      watch.stop(RunOutcome.Reason.TOKEN_REJECTED, "retrieve answered 401 (token expired or not valid)");
    } else if (r.code == 403) {
      watch.stop(RunOutcome.Reason.FORBIDDEN, "retrieve answered 403 (the token does not cover the run)");
    } else if (r.code == 404) {
      notFound(r);
    } else if (r.code == 408 || r.code == 429 || (r.code >= 500 && r.code <= 599)) {
      failed("" + r.code, Backoff.requested(r.headers));
    } else {
      watch.stop(RunOutcome.Reason.UNREADABLE, "retrieve answered " + r.code);
    }
  }

  @Override
  public void onFailure(IOException e) {
    failed(e.getClass().getSimpleName(), null);
  }

  private void notFound(RunCalls.Reply r) {
    if (!"true".equalsIgnoreCase(r.headers.get("x-should-retry"))) {
      watch.stop(RunOutcome.Reason.NOT_FOUND, "retrieve answered 404");
      return;
    }
    long now = watch.owner().timing().nanoTime();
    if (notFoundSince < 0) {
      notFoundSince = now;
    }
    if (now - notFoundSince >= NOT_FOUND_PATIENCE.toNanos()) {
      watch.stop(RunOutcome.Reason.NOT_FOUND,
          "retrieve still answered 404 after " + NOT_FOUND_PATIENCE.getSeconds() + " s");
      return;
    }
    lane.after(pace.next(), this::poll);
  }

  private void failed(String what, Duration requested) {
    if (++failures > MAX_FAILURES) {
      watch.stop(RunOutcome.Reason.UNAVAILABLE,
          "retrieve failed " + failures + " times in a row (last: " + what + ")");
      return;
    }
    lane.after(backoff.next(requested), this::poll);
  }
}
