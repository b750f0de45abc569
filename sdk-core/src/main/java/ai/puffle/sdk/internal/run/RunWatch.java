package ai.puffle.sdk.internal.run;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run being followed: over the live feed while the watcher has a feed slot for it; by
 * polling retrieve while it waits for a slot (in order: when one frees, the feed takes over),
 * after the feed failed, or when the client has no feeds at all. {@link #outcome()} completes once, normally, when
 * the run is over or the watch stops; {@link #cancel()} stops it. Its {@code toString} shows the
 * run id and mode, never the token.
 */
public final class RunWatch {
  /** How the run is being followed. */
  public enum Mode {
    /** Not started yet (its first request waits for the start delay). */
    WAITING,
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
  private volatile Mode mode = Mode.WAITING;
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

  /**
   * Follows over the feed, in a feed slot this watch now holds, taking over from retrieve
   * polling if that had begun; false if the watch has ended (the slot goes to the next).
   */
  synchronized boolean startFeed() {
    holdsFeed.set(true);
    RunUpdate seen = last;
    if (ended.get() || (seen != null && seen.isOver()) || owner.isClosed()) {
      if (!ended.get()) {
        // The run was just seen over, or the client is closing: finish(), about to run, gives
        // the slot back.
        return true;
      }
      // Ended while it waited: the queue passes the slot on, unless finish() already gave it back.
      return !holdsFeed.compareAndSet(true, false);
    }
    if (mode == Mode.POLLING) {
      calls.handOver(); // the poller's pending step and request are dropped
    }
    mode = Mode.FEED;
    new ShapeFeed(this).start();
    return true;
  }

  /**
   * Polls retrieve until a feed slot comes, or for good when the client has no feeds; nothing
   * if the watch already follows the feed or has ended.
   */
  synchronized void startPolling() {
    if (ended.get() || mode != Mode.WAITING) {
      return;
    }
    mode = Mode.POLLING;
    new RetrievePoller(this).start();
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

  /**
   * Tells the listener of {@code update}, then ends the watch when the run is over; an update
   * from a lane handed over (a poll answered as the feed took over) is dropped.
   */
  void report(RunUpdate update, RunCalls.Lane from) {
    if (ended.get() || !from.isCurrent()) {
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
