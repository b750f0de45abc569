package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.exec.RetryRules;
import ai.puffle.sdk.internal.exec.RetryRules.FailureClass;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.Transport;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends a request that must reach Puffle at most once (a turn, an example run, a content turn, a
 * session create) and must not be lost, acting on the {@link RetryRules}' class of each failure:
 *
 * <ul>
 *   <li>NOT_TAKEN, TRANSIENT: retried by the runner;
 *   <li>BUSY (409): wait until the session is idle ({@link Waiter#whileBusy}), then send again;
 *   <li>UNKNOWN_OUTCOME: read the server's state and ask the request's {@link Evidence}. Taken:
 *       do not send again. Not taken: send again. Undecided (another task holds the session): wait
 *       until it is idle and ask again. When the state can't be read or the session stays busy,
 *       the original failure is thrown, which says the request may have arrived, with what was
 *       found attached as a suppressed exception.
 * </ul>
 */
final class TaskSender<T> {
  private final ClientContext ctx;
  private final Waiter waiter;
  private final ApiRequest<T> request;
  private final Transport transport;
  private final CallScope scope;
  private final String sessionId;
  private final Evidence<T> evidence;
  private int sends;
  private int resends;
  private volatile Session settled;

  /**
   * A sender.
   *
   * @param sessionId the session whose 409 is waited out, or null (no busy waiting)
   * @param evidence what tells whether the request was taken, or null (an unknown outcome is
   *     thrown as it is)
   */
  TaskSender(
      ClientContext ctx, Waiter waiter, ApiRequest<T> request, Transport transport, CallScope scope,
      String sessionId, Evidence<T> evidence) {
    this.ctx = ctx;
    this.waiter = waiter;
    this.request = request;
    this.transport = transport;
    this.scope = scope;
    this.sessionId = sessionId;
    this.evidence = evidence;
  }

  /** Sends, waits out busy sessions, reconciles unknown outcomes. */
  CompletableFuture<T> send() {
    sends++;
    return ctx.runner.call(request, transport, scope)
        .handle((value, error) -> error == null
            ? CompletableFuture.completedFuture(value)
            : recover(Flow.unwrap(error)))
        .thenCompose(Function.identity());
  }

  /** How many times the request was sent. */
  int sends() {
    return sends;
  }

  /**
   * The idle session on which reconciliation found the request taken, when it did: its task is
   * already over. Null otherwise.
   */
  Session settled() {
    return settled;
  }

  private CompletableFuture<T> recover(Throwable e) {
    FailureClass failure = RetryRules.classify(request.safety(), e);
    if (failure == FailureClass.BUSY && sessionId != null) {
      SessionBusyException busy = (SessionBusyException) e;
      if (!scope.busyTimeout().isZero()) {
        scope.events().retryScheduled(request.operationId(), RetryReason.SESSION_BUSY, Duration.ZERO);
      }
      return waiter.whileBusy(request.operationId(), sessionId, busy.busyStatus(), scope)
          .thenCompose(idle -> send());
    }
    if (failure == FailureClass.UNKNOWN_OUTCOME && evidence != null && resends < RetryRules.MAX_RESENDS) {
      return reconcile((PuffleException) e);
    }
    return CompletableFuture.failedFuture(e);
  }

  private CompletableFuture<T> reconcile(PuffleException original) {
    return evidence.read(scope)
        .handle((found, readError) -> readError != null
            ? CompletableFuture.<T>failedFuture(unreconciled(original, Flow.unwrap(readError),
                "reading the server's state to see whether it was taken failed"))
            : decide(original, evidence.judge(found), found))
        .thenCompose(Function.identity());
  }

  private CompletableFuture<T> decide(PuffleException original, Verdict<T> verdict, Session seen) {
    scope.events().reconciled(request.operationId(), verdict.kind.reported);
    switch (verdict.kind) {
      case TAKEN:
        settled = seen != null && !seen.isBusy() ? seen : null;
        return CompletableFuture.completedFuture(verdict.value);
      case NOT_TAKEN:
        resends++;
        scope.events().retryScheduled(request.operationId(), RetryReason.NOT_TAKEN, Duration.ZERO);
        return send();
      default:
        return waiter.whileBusy(request.operationId(), seen.id(), seen.taskStatus(), scope)
            .handle((idle, waitError) -> waitError != null
                ? CompletableFuture.<T>failedFuture(unreconciled(original, Flow.unwrap(waitError),
                    "another task held session " + seen.id() + " (" + seen.taskStatus().wireValue()
                        + ") until the client stopped waiting"))
                : decide(original, evidence.judge(idle), idle))
            .thenCompose(Function.identity());
    }
  }

  /**
   * The failure when reconciling could not establish the outcome. A passing failure, a timeout
   * or a busy session says nothing about the request, so the caller gets the original failure
   * (which says the request may have arrived, e.g. {@code PuffleConnectionException
   * .requestSent()}) with what was found attached as suppressed: a ServerException from a GET
   * would suggest the request failed, inviting a duplicate. Other failures of the read (401,
   * 404, the client closed) are thrown as they are.
   */
  private Throwable unreconciled(PuffleException original, Throwable found, String what) {
    FailureClass c = RetryRules.classify(request.safety(), found);
    boolean saysNothing = c.retried() || c == FailureClass.UNKNOWN_OUTCOME || c == FailureClass.BUSY
        || found instanceof PuffleTimeoutException;
    if (!saysNothing) {
      return found;
    }
    PuffleException note = new PuffleException(
        request.operationId() + " may have reached Puffle: its outcome is unknown (" + what
            + "); check the session before sending it again", found);
    if (found != original) {
      original.addSuppressed(note);
    }
    return original;
  }

  /** What tells whether this sender's request was taken, read from the server's state. */
  interface Evidence<T> {
    /** Reads the session that holds the evidence (null: there is none, nothing was taken). */
    CompletableFuture<Session> read(CallScope scope);

    /** What {@code session} (as {@link #read} returned it, or idle after a wait) shows. */
    Verdict<T> judge(Session session);
  }

  /** What a session showed about a request. */
  static final class Verdict<T> {
    enum Kind {
      TAKEN(PuffleEventListener.Verdict.TAKEN),
      NOT_TAKEN(PuffleEventListener.Verdict.NOT_TAKEN),
      UNDECIDED(PuffleEventListener.Verdict.UNDECIDED);

      /** As listeners are told it. */
      final PuffleEventListener.Verdict reported;

      Kind(PuffleEventListener.Verdict reported) {
        this.reported = reported;
      }
    }

    final Kind kind;
    final T value;

    private Verdict(Kind kind, T value) {
      this.kind = kind;
      this.value = value;
    }

    /** The request was taken; {@code value} stands for its lost response. */
    static <T> Verdict<T> taken(T value) {
      return new Verdict<>(Kind.TAKEN, value);
    }

    /** The request did not take effect: send it again. */
    static <T> Verdict<T> notTaken() {
      return new Verdict<>(Kind.NOT_TAKEN, null);
    }

    /** Another task holds the session: ask again once it is idle. */
    static <T> Verdict<T> undecided() {
      return new Verdict<>(Kind.UNDECIDED, null);
    }
  }
}
