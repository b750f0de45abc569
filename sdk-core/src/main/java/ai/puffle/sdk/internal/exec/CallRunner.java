package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.ClientClosedException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.BodyHead;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.http.Transport;
import com.squareup.moshi.JsonDataException;
import dev.failsafe.Failsafe;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Executes {@link ApiRequest}s: {@link #call} retries by the {@link RetryRules} (with the shared
 * Failsafe policy of the request's safety) until the call's deadline; {@link #attempt} makes one
 * HTTP exchange. Both map failures to the SDK's typed exceptions and cancel the HTTP call when
 * the flow is cancelled. Blocking flows run on the caller's thread; async flows use OkHttp's
 * async calls and the client's scheduler, holding no thread while they wait.
 */
public final class CallRunner {
  private final ErrorMapper errors;

  /** A runner mapping failures with {@code errors}. */
  public CallRunner(ErrorMapper errors) {
    this.errors = errors;
  }

  /**
   * Runs {@code request} under {@code scope}, retrying as the rules allow. The first attempt is
   * made directly; only a failure the rules retry starts the shared Failsafe policy, whose first
   * attempt replays that failure (so a call that succeeds at once costs no retry machinery).
   */
  public <T> CompletableFuture<T> call(ApiRequest<T> request, Transport transport, CallScope scope) {
    String operation = request.operationId();
    Lifecycle lifecycle = scope.lifecycle();
    if (lifecycle.isClosed()) {
      return CompletableFuture.failedFuture(lifecycle.closedFailure(operation));
    }
    Flow<?> flow = scope.flow();
    lifecycle.track(flow, operation);
    CompletableFuture<T> first = exchange(request, transport, scope, scope.deadlineNanos(), 1, scope.flow().isBlocking());
    if (first.isDone() && !first.isCompletedExceptionally()) {
      return first;  // the common case of a blocking call: nothing to retry, nothing to track
    }
    flow.track(first);
    return first.handle((value, error) -> {
          if (error == null) {
            return CompletableFuture.completedFuture(value);
          }
          PuffleException failure = asPuffle(error);
          AttemptFailure attempt = new AttemptFailure(failure, operation, scope.deadlineNanos(), scope);
          if (first.isCancelled() || scope.rules().maxRetries() == 0
              || !RetryRules.classify(request.safety(), failure).retried() || !attempt.retryFits()) {
            return CompletableFuture.<T>failedFuture(finalFailure(operation, request, failure, scope, 1));
          }
          return retry(request, transport, scope, attempt);
        })
        .thenCompose(f -> f);
  }

  private <T> CompletableFuture<T> retry(
      ApiRequest<T> request, Transport transport, CallScope scope, AttemptFailure firstFailure) {
    String operation = request.operationId();
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<T> outcome =
        Failsafe.with(scope.rules().<T>policy(request.safety()))
            .with(DeadlineScheduler.of(scope.scheduler(), scope.timing(), scope.deadlineNanos()))
            .getAsyncExecution(exec -> {
              int attempt = attempts.incrementAndGet();
              if (attempt == 1) {
                exec.recordException(firstFailure);
                return;
              }
              if (scope.remainingNanos() <= 0) {
                PuffleException last = asPuffle(exec.getLastException());
                exec.recordException(new AttemptFailure(new PuffleTimeoutException(
                    operation + ": the call's deadline passed after " + (attempt - 1)
                        + " attempts; last failure: " + last.getMessage(), null, null, last, attempt - 1),
                    operation, scope.deadlineNanos(), scope));
                return;
              }
              CompletableFuture<T> next = exchange(request, transport, scope, scope.deadlineNanos(), attempt, scope.flow().isBlocking());
              exec.onCancel(() -> next.cancel(true));
              next.whenComplete((value, error) -> {
                if (error == null) {
                  exec.recordResult(value);
                } else {
                  exec.recordException(new AttemptFailure(
                      asPuffle(error), operation, scope.deadlineNanos(), scope));
                }
              });
            });
    scope.flow().track(outcome);
    return outcome.handle((value, error) -> error == null
            ? CompletableFuture.completedFuture(value)
            : CompletableFuture.<T>failedFuture(
                finalFailure(operation, request, asPuffle(error), scope, attempts.get())))
        .thenCompose(f -> f);
  }

  /**
   * One HTTP exchange of {@code request}, ending by {@code deadlineNanos}: no retry. Fails with
   * the SDK's exception. {@code blocking}: on this thread, else as an OkHttp async call.
   */
  public <T> CompletableFuture<T> attempt(
      ApiRequest<T> request, Transport transport, CallScope scope, long deadlineNanos, int attempt,
      boolean blocking) {
    scope.lifecycle().track(scope.flow(), request.operationId());
    CompletableFuture<T> outcome = exchange(request, transport, scope, deadlineNanos, attempt, blocking);
    scope.flow().track(outcome);
    return outcome;
  }

  /**
   * One exchange; cancelling the returned future cancels the HTTP call. The call's listeners are
   * told of the attempt before its future completes.
   */
  private <T> CompletableFuture<T> exchange(
      ApiRequest<T> request, Transport transport, CallScope scope, long deadlineNanos, int attempt,
      boolean blocking) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Lifecycle lifecycle = scope.lifecycle();
    if (lifecycle.isClosed()) {
      result.completeExceptionally(lifecycle.closedFailure(request.operationId()));
      return result;
    }
    long remaining = deadlineNanos == CallScope.NO_DEADLINE
        ? Long.MAX_VALUE : deadlineNanos - scope.timing().nanoTime();
    if (remaining <= 0) {
      result.completeExceptionally(new PuffleTimeoutException(
          request.operationId() + ": the call's deadline passed before attempt " + attempt,
          null, null, null, attempt));
      return result;
    }
    Request http = request.httpRequest();
    if (!scope.headers().isEmpty()) {
      Request.Builder withHeaders = http.newBuilder();
      for (Map.Entry<String, String> h : scope.headers().entrySet()) {
        withHeaders.header(h.getKey(), h.getValue());
      }
      http = withHeaders.build();
    }
    CallEvents.AttemptTrace trace = scope.events().attemptStart(request, http);
    if (trace != null) {
      http = trace.request();
    }
    Transport chosen = RetryRules.okHttpMayRepeat(request) ? transport : transport.sendOnce();
    Call call = chosen.newCall(http);
    CallDeadlines.Watch deadline = remaining == Long.MAX_VALUE
        ? CallDeadlines.NONE : scope.timing().callDeadlines().watch(call, remaining);
    if (blocking) {
      // On this thread: a cancel or close reaches the call through OkHttp's dispatcher.
      boolean responded = false;
      T value = null;
      PuffleException failure = null;
      try (Response response = call.execute()) {
        responded = true;
        chosen.wasSent(call);
        responded(trace, response);
        value = decodeOrFail(request, response, attempt);
      } catch (IOException e) {
        boolean sent = responded || chosen.wasSent(call);
        failure = ioFailure(request, call, e, sent, attempt, lifecycle);
      } catch (PuffleException e) {
        failure = e;
      } finally {
        deadline.callEnded();
      }
      // Completed once the call is over: a blocking flow's next step runs inside complete().
      end(result, trace, value, failure);
      return result;
    }
    result.whenComplete((v, e) -> {
      if (result.isCancelled()) {
        call.cancel();
        if (trace != null) {
          trace.end(e);
        }
      }
    });
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            deadline.callEnded();
            fail(result, trace, ioFailure(request, c, e, chosen.wasSent(c), attempt, lifecycle));
          }

          @Override
          public void onResponse(Call c, Response response) {
            chosen.wasSent(c);
            responded(trace, response);
            T value = null;
            PuffleException failure = null;
            try (Response r = response) {
              value = decodeOrFail(request, r, attempt);
            } catch (IOException e) {
              failure = ioFailure(request, c, e, true, attempt, lifecycle);
            } catch (PuffleException e) {
              failure = e;
            } catch (RuntimeException e) {
              failure = new PuffleException(
                  request.operationId() + ": unexpected failure: " + e, e, attempt);
            } finally {
              deadline.callEnded();
            }
            end(result, trace, value, failure);
          }
        });
    return result;
  }

  private static <T> void end(
      CompletableFuture<T> result, CallEvents.AttemptTrace trace, T value, PuffleException failure) {
    if (failure != null) {
      fail(result, trace, failure);
    } else {
      succeed(result, trace, value);
    }
  }

  private static void responded(CallEvents.AttemptTrace trace, Response response) {
    if (trace != null) {
      trace.responded(response.code(), ErrorMapper.requestId(response));
    }
  }

  private static <T> void succeed(CompletableFuture<T> result, CallEvents.AttemptTrace trace, T value) {
    if (trace != null) {
      trace.end(null);
    }
    result.complete(value);
  }

  private static void fail(CompletableFuture<?> result, CallEvents.AttemptTrace trace, PuffleException e) {
    if (trace != null) {
      trace.end(e);
    }
    result.completeExceptionally(e);
  }

  private PuffleException ioFailure(
      ApiRequest<?> request, Call call, IOException e, boolean sent, int attempt, Lifecycle lifecycle) {
    if (lifecycle.isClosed()) {
      return new ClientClosedException(
          request.operationId() + ": the PuffleClient was closed while the call was in flight");
    }
    if (call.isCanceled()) {
      // Cancelled by the user (the flow is already completed) or by the call's deadline.
      return new PuffleTimeoutException(
          request.operationId() + ": stopped (cancelled or out of time) on attempt " + attempt,
          null, null, e, attempt);
    }
    return errors.fromIo(request.operationId(), call.request(), e, sent, attempt);
  }

  private <T> T decodeOrFail(ApiRequest<T> request, Response response, int attempt)
      throws IOException {
    if (!response.isSuccessful()) {
      throw errors.fromResponse(request.operationId(), response, attempt);
    }
    BufferedSource source = response.body().source();
    // The start of the body, kept for the error message. Copied, not shared: a shared Okio
    // segment is never returned to Okio's pool, which would cost two fresh 8 KiB segments a call.
    source.request(ErrorMapper.SNIPPET_LIMIT);
    byte[] head = BodyHead.copy(source.getBuffer(), ErrorMapper.SNIPPET_LIMIT);
    try {
      return request.decode(source);
    } catch (JsonDataException | EOFException | com.squareup.moshi.JsonEncodingException
        | ai.puffle.sdk.internal.mapping.WireMapper.MalformedResponseException e) {
      throw errors.undecodable(request.operationId(), response, head, e, attempt);
    }
  }

  /**
   * The failure the caller gets: the last attempt's, or a timeout when the deadline cut short a
   * failure that would have been retried.
   */
  private static PuffleException finalFailure(
      String operation, ApiRequest<?> request, PuffleException e, CallScope scope, int attempts) {
    if (scope.remainingNanos() <= 0
        && RetryRules.classify(request.safety(), e).retried()
        && !(e instanceof PuffleTimeoutException)) {
      return new PuffleTimeoutException(
          operation + ": the call's deadline passed after " + attempts + " attempts; last failure: "
              + e.getMessage(), null, null, e, attempts);
    }
    return e;
  }

  /** The SDK's exception behind a future's failure. */
  public static PuffleException asPuffle(Throwable t) {
    Throwable e = AttemptFailure.unwrap(t);
    if (e instanceof PuffleException) {
      return (PuffleException) e;
    }
    return new PuffleException(String.valueOf(e), e);
  }
}
