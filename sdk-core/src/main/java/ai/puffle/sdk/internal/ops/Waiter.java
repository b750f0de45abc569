package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.WaitProgress;
import ai.puffle.sdk.WaitProgressListener;
import ai.puffle.sdk.internal.exec.AttemptFailure;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.DeadlineScheduler;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.exec.RetryRules;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.mapping.WireMapper;
import dev.failsafe.Failsafe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Polls a session until it is idle, one GET per poll, with the shared poll policy of {@link
 * RetryRules}: what each poll result means ({@link RetryRules#afterPoll}), the intervals, jitter
 * and Retry-After. When the session is known to be busy (a task was just accepted, or a read or
 * a 409 said so) the first poll comes after the first interval, not at once. A wait ends at its
 * deadline with the exception its caller chose.
 */
final class Waiter {
  private static final String GET_SESSION = "getAiChatSession";

  private final ClientContext ctx;

  Waiter(ClientContext ctx) {
    this.ctx = ctx;
  }

  /**
   * Waits for a task's end: polls every {@code initial} growing to {@code max}, until {@code
   * timeout} from now or the call's deadline, whichever comes first; then {@link
   * PuffleTimeoutException} with the last session seen.
   */
  CompletableFuture<Session> forTask(
      String sessionId, Duration initial, Duration max, Duration timeout, boolean knownBusy,
      WaitProgressListener progress, CallScope scope) {
    long deadline = Math.min(CallScope.deadlineAfter(scope.timing(), timeout), scope.deadlineNanos());
    long start = scope.timing().nanoTime();
    return poll(sessionId, initial, max, deadline, knownBusy, progress, scope,
        (last, polls, cause) -> {
          Duration elapsed = Duration.ofNanos(scope.timing().nanoTime() - start);
          return new PuffleTimeoutException(
              "session " + sessionId + " still " + statusText(last) + " after " + elapsed.toMillis()
                  + " ms (" + polls + " polls, timeout " + timeout + ")",
              last, elapsed, cause, polls);
        });
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
    return poll(sessionId, RetryRules.BUSY_INITIAL_INTERVAL, RetryRules.BUSY_MAX_INTERVAL,
        Math.min(busyDeadline, scope.deadlineNanos()), true, null, scope,
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

  /**
   * What a wait throws at its deadline, given the last session seen (or null), the polls made and
   * the failure of the last poll, if it failed.
   */
  private interface AtDeadline {
    PuffleException failure(Session last, int polls, Throwable cause);
  }

  private CompletableFuture<Session> poll(
      String sessionId, Duration initial, Duration max, long deadline, boolean knownBusy,
      WaitProgressListener progress, CallScope scope, AtDeadline atDeadline) {
    if (scope.lifecycle().isClosed()) {
      return CompletableFuture.failedFuture(scope.lifecycle().closedFailure(GET_SESSION));
    }
    long start = scope.timing().nanoTime();
    AtomicInteger polls = new AtomicInteger();
    AtomicReference<Session> last = new AtomicReference<>();
    CompletableFuture<Session> polling =
        Failsafe.with(scope.rules().pollPolicy(initial, max))
            .with(DeadlineScheduler.of(scope.scheduler(), scope.timing(), deadline))
            .getAsyncExecution(exec -> {
              if (knownBusy && exec.isFirstAttempt()) {
                exec.recordResult(null);
                return;
              }
              if (scope.timing().nanoTime() >= deadline) {
                exec.recordException(new AttemptFailure(
                    new DeadlineReached(exec.getLastException()), GET_SESSION, deadline, scope));
                return;
              }
              int n = polls.incrementAndGet();
              ctx.runner.attempt(
                      ctx.sessionsApi.getAiChatSession(sessionId).map(WireMapper::toSession),
                      ctx.transport, scope, deadline, n)
                  .whenComplete((s, error) -> {
                    if (error != null) {
                      exec.recordException(new AttemptFailure(
                          CallRunner.asPuffle(error), GET_SESSION, deadline, scope));
                      return;
                    }
                    last.set(s);
                    report(progress, sessionId, start, n, s.taskStatus(), scope);
                    exec.recordResult(s);
                  });
            });
    scope.flow().track(polling);
    return polling.handle((session, error) -> {
          if (error == null && session != null && !session.isBusy()) {
            return CompletableFuture.completedFuture(session);
          }
          Throwable e = error == null ? null : Flow.unwrap(error);
          boolean outOfTime = e == null || e instanceof DeadlineReached || e instanceof PuffleTimeoutException
              || RetryRules.afterPoll(null, e) == RetryRules.PollDecision.POLL_AGAIN;
          if (!outOfTime) {
            return CompletableFuture.<Session>failedFuture(e);
          }
          PuffleException ended =
              atDeadline.failure(last.get(), polls.get(), e instanceof DeadlineReached ? e.getCause() : e);
          return CompletableFuture.<Session>failedFuture(ended);
        })
        .thenCompose(Function.identity());
  }

  /**
   * Marks the poll that was due at the wait's deadline and was not made; its cause is the last
   * poll's failure, if that failed.
   */
  private static final class DeadlineReached extends PuffleException {
    private static final long serialVersionUID = 1L;

    DeadlineReached(Throwable lastPollFailure) {
      super("the wait's deadline passed",
          lastPollFailure == null ? null : AttemptFailure.unwrap(lastPollFailure));
    }
  }

  private static void report(
      WaitProgressListener listener, String sessionId, long start, int polls, TaskStatus status,
      CallScope scope) {
    if (listener == null) {
      return;
    }
    try {
      listener.onPoll(new WaitProgress(
          sessionId, Duration.ofNanos(scope.timing().nanoTime() - start), polls, status));
    } catch (RuntimeException ignored) {
      // A listener's failure must not end the wait.
    }
  }

  private static String statusText(Session seen) {
    if (seen == null) {
      return "not read";
    }
    String wire = seen.taskStatus().wireValue();
    return wire == null ? "idle" : wire;
  }
}
