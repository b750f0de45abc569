package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.PuffleEventListener.Wait;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.internal.exec.CallEvents;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.RetryRules;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.run.RunOutcome;
import ai.puffle.sdk.internal.run.RunStatus;
import ai.puffle.sdk.internal.run.RunUpdate;
import ai.puffle.sdk.internal.run.RunWatch;
import ai.puffle.sdk.internal.run.RunWatchListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The waits for a session to be idle, each a {@link PollLoop} over the rules of {@link
 * RetryRules}: for a task's end ({@link #forTask}) and for a busy session ({@link #whileBusy}).
 * When the session is known to be busy (a task was just accepted, or a read or a 409 said so)
 * the first poll comes after the first interval, not at once. A wait ends at its deadline with
 * the exception its caller chose.
 */
final class Waiter {
  private final ClientContext ctx;

  Waiter(ClientContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Waits for a task's end: polls every {@code initial} growing to {@code max}, until {@code
   * timeout} from now or the call's deadline, whichever comes first; then {@link
   * PuffleTimeoutException} with the last session seen. With {@code run} to follow ({@code watch}
   * and the client's watching on, a known run), it follows the run too: polls go on as usual
   * until the watch hears from the run over the realtime feed, then only as a safety net ({@link
   * RetryRules#WATCHED_INITIAL_INTERVAL}); when the run is over the session is read at once, and
   * when the feed is given up or following fails after the feed was heard, polls go back to the
   * usual pace at once (a watch polling retrieve, beyond the cap on feeds, never slows them). So following a run never makes
   * a wait slower than polling alone, short of a watch that stalls after it worked. The session
   * stays the source of truth: the wait ends on an idle read, whatever the run said. {@code
   * task}: the task waited for, as the call's listeners are told (null: not known).
   */
  CompletableFuture<Session> forTask(
      String sessionId, RunHandle run, boolean watch, Duration initial, Duration max,
      Duration timeout, boolean knownBusy, TaskStatus task, CallScope scope) {
    return forTask(sessionId, run, watch, initial, max, timeout, knownBusy, task, scope,
        listener -> ctx.runs.watch(run, listener, watchStartDelay(knownBusy, initial)));
  }

  /**
   * {@link #forTask(String, RunHandle, boolean, Duration, Duration, Duration, boolean,
   * TaskStatus, CallScope)}, with the run's watch started by {@code startWatch} given the wait's
   * own listener (a live turn starts it together with the run's streams).
   */
  CompletableFuture<Session> forTask(
      String sessionId, RunHandle run, boolean watch, Duration initial, Duration max,
      Duration timeout, boolean knownBusy, TaskStatus task, CallScope scope,
      Function<RunWatchListener, RunWatch> startWatch) {
    long deadline = Math.min(CallScope.deadlineAfter(scope.timing(), timeout), scope.deadlineNanos());
    long start = scope.timing().nanoTime();
    PollLoop.AtDeadline atDeadline = (last, polls, cause) -> {
      Duration elapsed = Duration.ofNanos(scope.timing().nanoTime() - start);
      return new PuffleTimeoutException(
          "session " + sessionId + " still " + statusText(last) + " after " + elapsed.toMillis()
              + " ms (" + polls + " polls, timeout " + timeout + ")",
          last, elapsed, cause, polls);
    };
    CallEvents.WaitTrace traced = scope.events().waitStart(Wait.Kind.TASK, sessionId, task);
    if (!watch || run == null || !run.isKnown() || !ctx.runs.isEnabled()) {
      return poll(sessionId, initial, max, deadline, knownBusy, traced, scope, atDeadline);
    }
    PollLoop loop = new PollLoop(ctx, scope, sessionId, initial, max, deadline, traced, atDeadline, false);
    AtomicBoolean heard = new AtomicBoolean();
    CallEvents events = scope.events();
    String runId = run.runId();
    events.runWatchStart(runId);
    RunWatch watching = startWatch.apply(new RunWatchListener() {
      @Override
      public void onUpdate(RunUpdate update) {
        if (!update.isOver() && update.source() == RunUpdate.Source.FEED && heard.compareAndSet(false, true)) {
          // The feed works, and sees the run's end within a round trip: the session's polls
          // become a slow safety net. Retrieve polling is no faster than the session's own, so
          // it leaves them at the usual pace.
          loop.repace(RetryRules.WATCHED_INITIAL_INTERVAL, RetryRules.WATCHED_MAX_INTERVAL);
        }
      }

      @Override
      public void onStatus(RunStatus status, RunUpdate update) {
        events.runStatus(runId, status.name());
      }

      @Override
      public void onFallback(RunOutcome.Reason reason, String detail) {
        events.runFallback(runId, reason.name());
        if (heard.compareAndSet(true, false)) {
          // The feed is given up for retrieve: the polls go back to the usual pace, now.
          loop.intervals(initial, max);
          loop.wake();
        }
      }
    });
    watching.outcome().thenAccept(outcome -> {
      events.runWatchEnd(runId, outcome.reason().name());
      if (outcome.isRunOver()) {
        loop.intervals(RetryRules.RUN_OVER_INITIAL_INTERVAL, max);
        loop.wake();
      } else if (heard.get()) {
        // The polls were a safety net: back to the usual pace, starting now.
        loop.intervals(initial, max);
        loop.wake();
      }
      // Else the watch failed before it heard from the run: the polls never left the usual
      // pace, and a task just accepted is still busy, so the poll scheduled stays as it is.
    });
    loop.result().whenComplete((s, e) -> watching.cancel());
    return loop.start(knownBusy).result();
  }

  /**
   * When to first look at a run: at once, unless its task was just accepted; then after {@link
   * RetryRules#WATCH_START_DELAY}, or three quarters of the first poll interval when that is
   * shorter (a wait paced faster than Puffle's, as on an emulator's scaled clock, looks sooner).
   */
  static Duration watchStartDelay(boolean justAccepted, Duration firstPoll) {
    if (!justAccepted) {
      return Duration.ZERO;
    }
    Duration quarters = firstPoll.multipliedBy(3).dividedBy(4);
    return quarters.compareTo(RetryRules.WATCH_START_DELAY) < 0 ? quarters : RetryRules.WATCH_START_DELAY;
  }

  /**
   * Waits for a busy session on behalf of {@code operation}, within the call's busy budget and
   * its deadline: when the busy timeout runs out first, {@link
   * ai.puffle.sdk.SessionBusyException} with the last status; when the call's deadline runs out
   * first, {@link PuffleTimeoutException}. With busy waiting off, the first fails at once.
   */
  CompletableFuture<Session> whileBusy(
      String operation, String sessionId, TaskStatus seen, CallScope scope) {
    if (scope.busyTimeout().isZero()) {
      return CompletableFuture.failedFuture(
          ErrorMapper.stillBusy(operation, seen, scope.busyTimeout(), 1));
    }
    long busyDeadline = scope.busyDeadlineNanos();
    boolean busyFirst = busyDeadline <= scope.deadlineNanos();
    long start = scope.timing().nanoTime();
    CallEvents.WaitTrace traced = scope.events().waitStart(Wait.Kind.BUSY, sessionId, seen);
    return poll(sessionId, RetryRules.BUSY_INITIAL_INTERVAL, RetryRules.BUSY_MAX_INTERVAL,
        Math.min(busyDeadline, scope.deadlineNanos()), true, traced, scope,
        (last, polls, cause) -> {
          TaskStatus status = last == null ? seen : last.taskStatus();
          if (busyFirst) {
            PuffleException busy = ErrorMapper.stillBusy(operation, status, scope.busyTimeout(), polls + 1);
            if (cause != null) {
              busy.addSuppressed(cause);
            }
            return busy;
          }
          Duration elapsed = Duration.ofNanos(scope.timing().nanoTime() - start);
          return new PuffleTimeoutException(
              operation + ": the call's deadline passed while session " + sessionId + " was still "
                  + (status.wireValue() == null ? "busy" : status.wireValue()),
              last, elapsed, cause, polls + 1);
        });
  }

  private CompletableFuture<Session> poll(
      String sessionId, Duration initial, Duration max, long deadline, boolean knownBusy,
      CallEvents.WaitTrace traced, CallScope scope, PollLoop.AtDeadline atDeadline) {
    return new PollLoop(ctx, scope, sessionId, initial, max, deadline, traced, atDeadline,
            scope.flow().isBlocking())
        .start(knownBusy)
        .result();
  }

  private static String statusText(Session seen) {
    if (seen == null) {
      return "not read";
    }
    String wire = seen.taskStatus().wireValue();
    return wire == null ? "idle" : wire;
  }
}
