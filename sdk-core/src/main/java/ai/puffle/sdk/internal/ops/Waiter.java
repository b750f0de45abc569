package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RetryEvent;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.WaitProgress;
import ai.puffle.sdk.WaitProgressListener;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallSpec;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.exec.DeadlineScheduler;
import dev.failsafe.RetryPolicyBuilder;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.mapping.WireMapper;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Polls a session until its task status is null. A Failsafe retry on the result: a busy session
 * or a transient failure (connection, 429, 5xx) polls again after 2 s growing to 5 s with jitter
 * (a 429's Retry-After wins); 401, 404 and other errors end the wait; the timeout ends it with the
 * last session seen.
 */
final class Waiter {
  private static final double GROWTH = 1.5;
  private static final double JITTER = 0.2;

  private final ClientContext ctx;

  Waiter(ClientContext ctx) {
    this.ctx = ctx;
  }

  /** Polls until idle; {@code defaultTimeout} applies when {@code wait} sets none. */
  CompletableFuture<Session> awaitIdle(
      String sessionId, WaitOptions wait, Duration defaultTimeout, CallSpec pollSpec, Flow<?> flow) {
    if (ctx.lifecycle().isClosed()) {
      return CompletableFuture.failedFuture(ctx.lifecycle().closedFailure("getAiChatSession"));
    }
    Duration timeout = wait.timeout().orElse(defaultTimeout);
    long start = ctx.timing().nanoTime();
    long deadline = ctx.deadline(timeout);
    AtomicInteger polls = new AtomicInteger();
    AtomicReference<Session> last = new AtomicReference<>();
    CallSpec single = new CallSpec(
        pollSpec.transportOf(), CallSpec.Safety.IDEMPOTENT, Long.MAX_VALUE, 0,
        pollSpec.headersOf(), null);
    RetryPolicyBuilder<Session> builder = RetryPolicy.<Session>builder();
    if (wait.maxPollInterval().compareTo(wait.initialPollInterval()) > 0) {
      builder.withBackoff(wait.initialPollInterval(), wait.maxPollInterval(), GROWTH);
    } else {
      builder.withDelay(wait.initialPollInterval());
    }
    RetryPolicy<Session> policy =
        builder
            .handleResultIf(Session::isBusy)
            .handleIf(ErrorMapper::isTransient)
            .abortIf((s, e) -> ctx.timing().nanoTime() >= deadline)
            .withDelayFn(c -> CallRunner.retryAfterDelay(c.getLastException()))
            .withJitter(JITTER)
            .withMaxRetries(-1)
            .onRetryScheduled(
                e -> {
                  if (e.getLastException() != null && pollSpec.listener() != null) {
                    pollSpec.listener().onRetry(new RetryEvent(
                        "getAiChatSession", e.getAttemptCount(), RetryEvent.Reason.TRANSIENT,
                        (PuffleException) e.getLastException(), e.getDelay()));
                  }
                })
            .build();
    CompletableFuture<Session> polling =
        Failsafe.with(policy)
            .with(DeadlineScheduler.of(
                flow.isBlocking() ? ctx.timing().blocking() : ctx.timing().async(),
                ctx.timing(), deadline))
            .getAsyncExecution(
                exec ->
                    ctx.runner.call(
                            ctx.sessionsApi.getAiChatSession(sessionId).map(WireMapper::toSession),
                            single, flow)
                        .whenComplete(
                            (s, error) -> {
                              if (error != null) {
                                exec.recordException(Flow.unwrap(error));
                                return;
                              }
                              last.set(s);
                              report(wait, sessionId, start, polls.incrementAndGet(), s.taskStatus());
                              exec.recordResult(s);
                            }));
    flow.track(polling);
    return polling.handle(
            (session, error) -> {
              Duration elapsed = Duration.ofNanos(ctx.timing().nanoTime() - start);
              if (error == null && !session.isBusy()) {
                return CompletableFuture.completedFuture(session);
              }
              Throwable e = error == null ? null : Flow.unwrap(error);
              if (e != null && !ErrorMapper.isTransient(e)) {
                return CompletableFuture.<Session>failedFuture(e);
              }
              Session seen = last.get();
              return CompletableFuture.<Session>failedFuture(new PuffleTimeoutException(
                  "session " + sessionId + " still " + statusText(seen)
                      + " after " + elapsed.toMillis() + " ms (" + polls.get()
                      + " polls, timeout " + timeout + ")",
                  seen, elapsed, e, polls.get()));
            })
        .thenCompose(f -> f);
  }

  private void report(WaitOptions wait, String sessionId, long start, int polls, TaskStatus status) {
    WaitProgressListener listener = wait.progressListener().orElse(null);
    if (listener == null) {
      return;
    }
    try {
      listener.onPoll(new WaitProgress(
          sessionId, Duration.ofNanos(ctx.timing().nanoTime() - start), polls, status));
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
