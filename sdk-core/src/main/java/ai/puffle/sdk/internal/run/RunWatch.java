package ai.puffle.sdk.internal.run;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run being followed: over the live feed while the watcher has a feed slot for it, else (or
 * after the feed failed) by polling retrieve. {@link #outcome()} completes once, normally, when
 * the run is over or the watch stops; {@link #cancel()} stops it. Its {@code toString} shows the
 * run id and mode, never the token.
 */
public final class RunWatch {
  /** How the run is being followed. */
  public enum Mode {
    /** The realtime feed (long-polls). */
    FEED,
    /** Retrieve polling. */
    POLLING,
    /** Not any more: see {@link #outcome()}. */
    ENDED
  }

  private final RunWatcher owner;
  private final String runId;
  private final String token;
  private final RunWatchListener listener;
  private final RunCalls calls;
  private final CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
  private final AtomicBoolean ended = new AtomicBoolean();
  private final AtomicBoolean holdsFeed = new AtomicBoolean();
  private volatile Mode mode = Mode.POLLING;
  private volatile RunUpdate last;

  RunWatch(RunWatcher owner, String runId, String token, RunWatchListener listener) {
    this.owner = owner;
    this.runId = runId;
    this.token = token;
    this.listener = listener;
    this.calls = owner == null ? null
        : new RunCalls(owner.http(), owner.timing(), owner.limits(), this::crashed);
    outcome.whenComplete((v, e) -> {
      if (outcome.isCancelled()) {
        finish(RunOutcome.stopped(RunOutcome.Reason.CANCELLED, "the outcome future was cancelled", last));
      }
    });
  }

  /** A watch that ended before it began (nothing to watch, watching off, client closed). */
  static RunWatch endedAt(String runId, RunOutcome.Reason reason, String detail) {
    RunWatch w = new RunWatch(null, runId, "", RunWatchListener.NONE);
    w.finish(RunOutcome.stopped(reason, detail, null));
    return w;
  }

  /**
   * Completes, normally, once: with {@link RunOutcome.Reason#RUN_OVER} and the final update when
   * the run is over, or with the reason the watch stopped. Cancelling it stops the watch.
   */
  public CompletableFuture<RunOutcome> outcome() {
    return outcome;
  }

  /**
   * Stops watching: the scheduled poll is dropped and the request in flight cancelled; nothing is
   * sent after this returns. The outcome completes with {@code CANCELLED} (if not already done).
   */
  public void cancel() {
    finish(RunOutcome.stopped(RunOutcome.Reason.CANCELLED, "cancelled", last));
  }

  /** The run id being watched. */
  public String runId() {
    return runId;
  }

  /** How the run is being followed now. */
  public Mode mode() {
    return mode;
  }

  // ---- for the feed and the poller

  /** Starts following, over the feed when {@code feed} (a slot this watch now holds). */
  void start(boolean feed) {
    holdsFeed.set(feed);
    if (ended.get()) {
      releaseFeed(); // ended before it began (the client closed meanwhile)
      return;
    }
    if (feed) {
      mode = Mode.FEED;
      new ShapeFeed(this).start();
    } else {
      mode = Mode.POLLING;
      new RetrievePoller(this).start();
    }
  }

  RunCalls calls() {
    return calls;
  }

  RunWatcher owner() {
    return owner;
  }

  String token() {
    return token;
  }

  /** Tells the listener of {@code update}, then ends the watch when the run is over. */
  void report(RunUpdate update) {
    if (ended.get()) {
      return;
    }
    RunUpdate previous = last;
    last = update;
    if (update.differsFrom(previous) && !ended.get()) {
      notify(() -> listener.onUpdate(update));
    }
    if ((previous == null || !Objects.equals(previous.rawStatus(), update.rawStatus())) && !ended.get()) {
      notify(() -> listener.onStatus(update.status(), update));
    }
    if (update.isOver()) {
      finish(RunOutcome.over(update));
    }
  }

  /** Gives up the feed and polls retrieve instead, starting now. */
  void fallBack(RunOutcome.Reason reason, String detail) {
    if (ended.get()) {
      return;
    }
    releaseFeed();
    mode = Mode.POLLING;
    notify(() -> listener.onFallback(reason, detail));
    new RetrievePoller(this).start();
  }

  /** Ends the watch without the run being over. */
  void stop(RunOutcome.Reason reason, String detail) {
    finish(RunOutcome.stopped(reason, detail, last));
  }

  private void crashed(RuntimeException e) {
    if (owner != null && owner.isClosed()) {
      stop(RunOutcome.Reason.CLIENT_CLOSED, "the client was closed");
    } else {
      stop(RunOutcome.Reason.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName());
    }
  }

  private void finish(RunOutcome result) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    if (calls != null) {
      calls.stop();
    }
    mode = Mode.ENDED;
    releaseFeed();
    if (owner != null) {
      owner.forget(this);
    }
    outcome.complete(result);
  }

  private void releaseFeed() {
    if (holdsFeed.compareAndSet(true, false)) {
      owner.limits().releaseFeed();
    }
  }

  private static void notify(Runnable event) {
    try {
      event.run();
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the watch.
    }
  }

  @Override
  public String toString() {
    return "RunWatch{runId=" + runId + ", mode=" + mode + "}";
  }
}
