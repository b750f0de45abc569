package ai.puffle.sdk.internal.run;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Follows a run over the realtime feed ({@code GET /realtime/v1/runs/{id}}, the Electric shape
 * protocol kept by {@link ShapeLog}): each response is followed at once by the next request,
 * and the run's row is reported each time the feed is up to date after a change.
 *
 * <p>What ends or leaves the feed:
 *
 * <ul>
 *   <li>401 and 403 end the watch (retrieve would refuse the same token).
 *   <li>404 (the feed never asks for a retry, but retrieve also finds runs not yet visible to
 *       the feed), a response it cannot read, an unexpected status (400 included) or {@link
 *       #MAX_RESETS} must-refetches in a row fall back to retrieve polling.
 *   <li>429 (the environment's live-request limit), 408, 5xx and connection failures are retried
 *       after 1 s doubling up to 8 s (longer if the server asks); after {@link #MAX_FAILURES} in
 *       a row the watch falls back to retrieve polling, which frees the feed slot.
 *   <li>A live request should be held by the server for about 20 s. When {@link
 *       #QUICK_EMPTY_LIMIT} in a row come back empty within {@link #MIN_LIVE_CYCLE}, the next
 *       ones wait for the rest of that second, so a server or proxy that does not hold them is
 *       not asked in a tight loop.
 * </ul>
 */
final class ShapeFeed implements RunCalls.Handler {
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  static final int MAX_FAILURES = 3;
  static final int MAX_RESETS = 3;
  static final Duration MIN_LIVE_CYCLE = Duration.ofSeconds(1);
  static final int QUICK_EMPTY_LIMIT = 3;

  private final RunWatch watch;
  private final RunCalls.Lane lane;
  private final ShapeLog log = new ShapeLog();
  private final Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, 2.0);
  private int failures;
  private int quickEmpty;
  private boolean sentLive;

  ShapeFeed(RunWatch watch) {
    this.watch = watch;
    this.lane = watch.calls().lane();
  }

  void start() {
    send();
  }

  private void send() {
    TriggerApi api = watch.owner().api();
    sentLive = log.isLive();
    lane.send(api.get(log.nextUrl(api.feedUrl(watch.runId())), watch.token(), true), false, this);
  }

  @Override
  public void onReply(RunCalls.Reply r) {
    switch (r.code) {
      case 200:
        ok(r);
        return;
      case 204:
        log.onNoContent(r.headers);
        progressed();
        next(r, false);
        return;
      case 409:
        log.onMustRefetch(r.headers);
        afterReset();
        return;
      case 401:
        watch.stop(RunOutcome.Reason.TOKEN_REJECTED, "the feed answered 401 (token expired or not valid)");
        return;
      case 403:
        watch.stop(RunOutcome.Reason.FORBIDDEN, "the feed answered 403 (the token does not cover the run)");
        return;
      case 404:
        watch.fallBack(RunOutcome.Reason.NOT_FOUND, "the feed answered 404");
        return;
      default:
        if (r.code == 408 || r.code == 429 || (r.code >= 500 && r.code <= 599)) {
          failed("" + r.code, Backoff.requested(r.headers));
        } else {
          watch.fallBack(RunOutcome.Reason.UNREADABLE, "the feed answered " + r.code);
        }
    }
  }

  @Override
  public void onFailure(IOException e) {
    failed(e.getClass().getSimpleName(), null);
  }

  private void ok(RunCalls.Reply r) {
    ShapeLog.Outcome outcome;
    try {
      if (r.body == null) {
        throw new UnreadableResponse("the feed's body is too large");
      }
      outcome = log.onOk(r.headers, r.body, sentLive);
    } catch (UnreadableResponse e) {
      watch.fallBack(RunOutcome.Reason.UNREADABLE, e.getMessage());
      return;
    }
    progressed();
    if (outcome == ShapeLog.Outcome.RESET) {
      afterReset();
      return;
    }
    if (outcome == ShapeLog.Outcome.CHANGED) {
      Map<String, Object> row = log.row(watch.runId());
      if (row != null) {
        watch.report(update(row), lane);
      }
    }
    next(r, outcome == ShapeLog.Outcome.CHANGED);
  }

  private void afterReset() {
    if (log.resetsInARow() > MAX_RESETS) {
      watch.fallBack(RunOutcome.Reason.UNREADABLE,
          "the feed asked to start again " + log.resetsInARow() + " times in a row");
    } else {
      send();
    }
  }

  /** The next request: at once, unless live requests keep coming back empty at once. */
  private void next(RunCalls.Reply r, boolean changed) {
    boolean quick = sentLive && !changed && r.elapsed.compareTo(MIN_LIVE_CYCLE) < 0;
    quickEmpty = quick ? quickEmpty + 1 : 0;
    if (quickEmpty >= QUICK_EMPTY_LIMIT) {
      lane.after(MIN_LIVE_CYCLE.minus(r.elapsed), this::send);
    } else {
      send();
    }
  }

  private void progressed() {
    failures = 0;
    backoff.reset();
  }

  private void failed(String what, Duration requested) {
    if (++failures > MAX_FAILURES) {
      watch.fallBack(RunOutcome.Reason.UNAVAILABLE,
          "the feed failed " + failures + " times in a row (last: " + what + ")");
      return;
    }
    lane.after(backoff.next(requested), this::send);
  }

  private RunUpdate update(Map<String, Object> row) {
    Object status = row.get("status");
    Object completedAt = row.get("completedAt");
    Object metadata = RunFields.metadata(row.get("metadata"), row.get("metadataType"));
    return new RunUpdate(watch.runId(), RunUpdate.Source.FEED,
        status instanceof String ? (String) status : null, completedAt != null,
        completedAt instanceof Instant ? (Instant) completedAt : null, row, metadata,
        RunFields.streams(metadata, row.get("realtimeStreams")));
  }
}
