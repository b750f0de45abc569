package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.internal.exec.CallEvents;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.RetryRules;
import ai.puffle.sdk.internal.exec.RetryRules.PollDecision;
import ai.puffle.sdk.internal.mapping.WireMapper;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One wait for a session to be idle: one GET per poll; after each, {@link RetryRules#afterPoll}
 * decides (done, poll again, stop) and {@link RetryRules#delay} says when. The loop can be woken
 * (the next poll happens now) and its intervals changed while it runs, which is what following a
 * run needs: a slow safety net while the run is watched, a poll at once when it ends, the usual
 * intervals again when watching gives up. Its result completes when the session is idle, with the
 * poll's failure when one ends the wait, or with the caller's exception at the deadline. The
 * call's listeners are told of each poll and, before the result completes, of the wait's end.
 */
final class PollLoop {
  /** What a wait throws at its deadline, given the last session seen (or null) and the polls made. */
  interface AtDeadline {
    PuffleException failure(Session last, int polls, Throwable lastFailure);
  }

  private static final String GET_SESSION = "getAiChatSession";

  private final ClientContext ctx;
  private final CallScope scope;
  private final String sessionId;
  private final long deadline;
  private final CallEvents.WaitTrace traced;
  private final AtDeadline atDeadline;
  private final boolean blocking;
  private Scheduler scheduler;
  private final CompletableFuture<Session> result = new CompletableFuture<>();

  private volatile Duration initial;
  private volatile Duration max;
  private int polls;
  private int misses;
  private Session last;
  private Throwable lastFailure;
  private Future<?> pending;
  private boolean polling;

  /**
   * A loop; nothing happens until {@link #start}.
   *
   * @param traced the wait as the call's listeners see it, or null when none listens
   * @param blocking whether polls run on the caller's thread (false: the client's scheduler and
   *     OkHttp's async calls, which a wake can reach)
   */
  PollLoop(
      ClientContext ctx, CallScope scope, String sessionId, Duration initial, Duration max,
      long deadline, CallEvents.WaitTrace traced, AtDeadline atDeadline, boolean blocking) {
    this.ctx = ctx;
    this.scope = scope;
    this.sessionId = sessionId;
    this.initial = initial;
    this.max = max;
    this.deadline = deadline;
    this.traced = traced;
    this.atDeadline = atDeadline;
    this.blocking = blocking;
  }

  /** The wait's outcome. Cancelling it stops the loop. */
  CompletableFuture<Session> result() {
    return result;
  }

  /**
   * Starts polling: at once, or after the first interval when the session is known to be busy
   * (a task was just accepted, or a read or a 409 said so).
   */
  PollLoop start(boolean knownBusy) {
    if (scope.lifecycle().isClosed()) {
      end(scope.lifecycle().closedFailure(GET_SESSION));
      return this;
    }
    try {
      scheduler = blocking ? scope.timing().blocking() : scope.timing().async();
    } catch (IllegalStateException closedMeanwhile) {
      end(scope.lifecycle().closedFailure(GET_SESSION));
      return this;
    }
    scope.lifecycle().track(scope.flow(), GET_SESSION);
    scope.flow().track(result);
    result.whenComplete((s, e) -> {
      cancelPending();
      if (traced != null && result.isCancelled()) {
        traced.end(polls, e);
      }
    });
    if (knownBusy) {
      schedule(delay(null).toNanos());
    } else {
      schedule(0);
    }
    return this;
  }

  /** Polls now instead of at the next interval (no effect while a poll is in flight). */
  void wake() {
    synchronized (this) {
      if (result.isDone() || polling || pending == null || !pending.cancel(false)) {
        return;
      }
      pending = null;
    }
    schedule(0);
  }

  /** From now on, polls come every {@code initial} growing to {@code max}. */
  void intervals(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /**
   * From now on, polls come every {@code initial} growing to {@code max}, counting afresh: the
   * poll already scheduled is moved to {@code initial} from now.
   */
  void repace(Duration initial, Duration max) {
    intervals(initial, max);
    synchronized (this) {
      misses = 0;
      if (result.isDone() || polling || pending == null || !pending.cancel(false)) {
        return;
      }
      pending = null;
    }
    schedule(delay(null).toNanos());
  }

  private void schedule(long delayNanos) {
    if (result.isDone()) {
      return;
    }
    long left = deadline - scope.timing().nanoTime();
    long delay = Math.max(0, Math.min(delayNanos, left));
    // On the caller's thread the scheduler may run the whole wait before it returns.
    Future<?> f = scheduler.schedule(() -> {
      poll();
      return null;
    }, delay, TimeUnit.NANOSECONDS);
    synchronized (this) {
      if (!f.isDone() && !result.isDone()) {
        pending = f;
      }
    }
  }

  private void poll() {
    synchronized (this) {
      if (result.isDone() || polling) {
        return;
      }
      polling = true;
      pending = null;
    }
    if (scope.timing().nanoTime() >= deadline) {
      end(atDeadline.failure(last, polls, lastFailure));
      return;
    }
    int n = ++polls;
    CompletableFuture<Session> read = ctx.runner.attempt(
        ctx.sessionsApi.getAiChatSession(sessionId).map(WireMapper::toSession),
        ctx.transport, scope, deadline, n, blocking);
    read.whenComplete((s, error) -> afterPoll(n, s, error == null ? null : CallRunner.asPuffle(error)));
  }

  private void afterPoll(int n, Session s, PuffleException failure) {
    synchronized (this) {
      polling = false;
    }
    if (failure == null) {
      last = s;
      if (traced != null) {
        traced.poll(n, s.taskStatus());
      }
    } else {
      lastFailure = failure;
    }
    PollDecision decision = RetryRules.afterPoll(s, failure);
    if (decision == PollDecision.DONE) {
      if (traced != null) {
        traced.end(n, null);
      }
      result.complete(s);
      return;
    }
    if (decision == PollDecision.STOP) {
      end(failure instanceof PuffleTimeoutException ? atDeadline.failure(last, polls, null) : failure);
      return;
    }
    Duration next = delay(failure);
    if (failure != null) {
      if (!retryFits(failure)) {
        end(atDeadline.failure(last, polls, failure));
        return;
      }
      scope.events().retryScheduled(GET_SESSION, RetryReason.TRANSIENT, next);
    }
    schedule(next.toNanos());
  }

  private Duration delay(PuffleException failure) {
    return scope.rules().delay(initial, max, RetryRules.POLL_GROWTH, ++misses, failure);
  }

  private boolean retryFits(PuffleException failure) {
    long left = deadline - scope.timing().nanoTime();
    Duration ra = RetryRules.retryAfter(failure);
    return left > 0 && (ra == null || left > ra.toNanos());
  }

  private void end(PuffleException failure) {
    if (traced != null) {
      traced.end(polls, failure);
    }
    result.completeExceptionally(failure);
  }

  private void cancelPending() {
    Future<?> p;
    synchronized (this) {
      p = pending;
      pending = null;
    }
    if (p != null) {
      p.cancel(false);
    }
  }
}
