package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RetryEvent;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.CallSpec;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.ErrorMapper;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sends a request that must reach Puffle at most once (a turn, an example run, a synchronous
 * content turn, a session create) and must not be lost:
 *
 * <ul>
 *   <li>failures that prove the request did not arrive (not sent, 429, 500) are retried by the
 *       runner;
 *   <li>409 busy: wait until the session is idle, then send again, within the busy timeout;
 *   <li>an unknown outcome (dropped after sending, timeout, 502/503/504, an unreadable body):
 *       read the server's state first; if the request was taken, do not send again. If that read
 *       keeps failing, the original failure is thrown (the request may have arrived).
 * </ul>
 */
final class TaskSender<T> {
  /** How many times an unknown outcome may lead to sending again. */
  static final int MAX_RESENDS = 3;

  private final ClientContext ctx;
  private final Waiter waiter;
  private final String operation;
  private final ApiRequest<T> request;
  private final CallSpec spec;
  private final Flow<?> flow;
  private final String sessionId;
  private final long busyDeadline;
  private final Function<Flow<?>, CompletableFuture<Reconciled<T>>> reconcile;
  private int sends;
  private int resends;

  /** What reading the server's state said about an unknown outcome. */
  static final class Reconciled<T> {
    final boolean taken;
    final T value;

    private Reconciled(boolean taken, T value) {
      this.taken = taken;
      this.value = value;
    }

    /** The request was taken; {@code value} stands for its lost response. */
    static <T> Reconciled<T> taken(T value) {
      return new Reconciled<>(true, value);
    }

    /** The request did not arrive: send it again. */
    static <T> Reconciled<T> notTaken() {
      return new Reconciled<>(false, null);
    }
  }

  TaskSender(
      ClientContext ctx,
      Waiter waiter,
      ApiRequest<T> request,
      CallSpec spec,
      Flow<?> flow,
      String sessionId,
      Duration busyTimeout,
      Function<Flow<?>, CompletableFuture<Reconciled<T>>> reconcile) {
    this.ctx = ctx;
    this.waiter = waiter;
    this.operation = request.operationId();
    this.request = request;
    this.spec = spec.with(CallSpec.Safety.SEND_ONCE);
    this.flow = flow;
    this.sessionId = sessionId;
    this.busyDeadline = busyTimeout.isZero() ? Long.MIN_VALUE : ctx.deadline(busyTimeout);
    this.reconcile = reconcile;
  }

  /** Sends, waits out busy sessions, reconciles unknown outcomes. */
  CompletableFuture<T> send() {
    sends++;
    return ctx.runner.call(request, spec, flow)
        .handle((value, error) -> error == null ? done(value) : recover(Flow.unwrap(error)))
        .thenCompose(f -> f);
  }

  /** How many times the request was sent. */
  int sends() {
    return sends;
  }

  private CompletableFuture<T> recover(Throwable e) {
    long now = ctx.timing().nanoTime();
    if (e instanceof SessionBusyException && sessionId != null && now < busyDeadline) {
      notify(RetryEvent.Reason.SESSION_BUSY, (PuffleException) e);
      Duration left = Duration.ofNanos(busyDeadline - now);
      WaitOptions busyWait = WaitOptions.builder().timeout(left).build();
      return waiter.awaitIdle(sessionId, busyWait, left, spec, flow)
          .handle((s, waitError) -> {
            if (waitError == null) {
              return send();
            }
            Throwable cause = Flow.unwrap(waitError);
            // Still busy when the busy timeout ran out: the 409 says best what happened.
            return CompletableFuture.<T>failedFuture(
                cause instanceof ai.puffle.sdk.PuffleTimeoutException ? e : cause);
          })
          .thenCompose(f -> f);
    }
    if (isUnknownOutcome(e) && reconcile != null && resends < MAX_RESENDS) {
      return reconcile.apply(flow)
          .handle(
              (r, readError) -> {
                if (readError != null) {
                  return CompletableFuture.<T>failedFuture(unreconciled(e, Flow.unwrap(readError)));
                }
                if (r.taken) {
                  return done(r.value);
                }
                resends++;
                notify(RetryEvent.Reason.NOT_TAKEN, (PuffleException) e);
                return send();
              })
          .thenCompose(f -> f);
    }
    return CompletableFuture.failedFuture(e);
  }

  /**
   * The failure when the read that should have reconciled an unknown outcome failed too. A
   * transient failure or timeout of that read says nothing about the request, so the caller gets
   * the original failure, which says the request may have arrived (for example {@code
   * PuffleConnectionException.requestSent()}), with the read's failure attached as suppressed:
   * a ServerException from a GET would suggest the request failed, inviting a duplicate. Other
   * failures of the read (401, 404, the client closed) are thrown as they are.
   */
  private static Throwable unreconciled(Throwable original, Throwable readError) {
    if (ErrorMapper.isTransient(readError) || readError instanceof PuffleTimeoutException) {
      if (readError != original) {
        original.addSuppressed(readError);
      }
      return original;
    }
    return readError;
  }

  private void notify(RetryEvent.Reason reason, PuffleException e) {
    if (spec.listener() == null) {
      return;
    }
    try {
      spec.listener().onRetry(new RetryEvent(operation, sends, reason, e, Duration.ZERO));
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the call's outcome.
    }
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  /** Whether Puffle may have acted on the request although no success response was read. */
  static boolean isUnknownOutcome(Throwable e) {
    if (e instanceof PuffleConnectionException) {
      return ((PuffleConnectionException) e).requestSent();
    }
    if (e instanceof ServerException) {
      int s = ((ServerException) e).statusCode();
      return s == 502 || s == 503 || s == 504;
    }
    return e instanceof UnexpectedResponseException;
  }

  /** Whether the user message {@code message} appears after {@code baseline} in the transcript. */
  static boolean hasUserMessageAfter(Session s, int baseline, String message) {
    Predicate<ai.puffle.sdk.ChatMessage> ours = m -> m.isUser() && message.equals(m.content());
    return s.messages().stream().skip(Math.max(0, baseline)).anyMatch(ours);
  }
}
