package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.ClientClosedException;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.RetryEvent;
import ai.puffle.sdk.RetryListener;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.BodyHead;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.internal.http.SendState;
import com.squareup.moshi.JsonDataException;
import dev.failsafe.AsyncExecution;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Executes one {@link ApiRequest} with Failsafe: typed errors, retries by the call's safety,
 * backoff with jitter, Retry-After, a total deadline, cancellation of the in-flight HTTP call.
 * Blocking flows run every attempt on the caller's thread; async flows use OkHttp's async calls
 * and the client's scheduler, holding no thread while they wait.
 */
public final class CallRunner {
  /** First retry delay; doubles up to {@link #MAX_BACKOFF}. */
  public static final Duration BASE_BACKOFF = Duration.ofMillis(500);
  /** Longest computed retry delay. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  /** Jitter applied to every delay (a Retry-After is only ever lengthened by it). */
  public static final double JITTER = 0.2;


  private final Timing timing;
  private final ErrorMapper errors;
  private final Lifecycle lifecycle;

  /** A runner on {@code timing}, failing calls once {@code lifecycle} is closed. */
  public CallRunner(Timing timing, ErrorMapper errors, Lifecycle lifecycle) {
    this.timing = timing;
    this.errors = errors;
    this.lifecycle = lifecycle;
  }

  /** The client's clock and schedulers. */
  public Timing timing() {
    return timing;
  }

  /** Runs {@code request} as a step of {@code flow}. */
  public <T> CompletableFuture<T> call(ApiRequest<T> request, CallSpec spec, Flow<?> flow) {
    AtomicInteger attempts = new AtomicInteger();
    String operation = request.operationId();
    if (lifecycle.isClosed()) {
      return CompletableFuture.failedFuture(lifecycle.closedFailure(operation));
    }
    lifecycle.track(flow, operation);
    RetryPolicy<T> policy =
        RetryPolicy.<T>builder()
            .handleIf((T result, Throwable e) -> e != null && retryable(spec.safety, e))
            .abortIf((T result, Throwable e) -> e != null && outOfTime(e, spec.deadlineNanos))
            .withBackoff(BASE_BACKOFF, MAX_BACKOFF, 2.0)
            .withJitter(JITTER)
            .withDelayFn(ctx -> retryAfterDelay(ctx.getLastException()))
            .withMaxRetries(spec.maxRetries)
            .onRetryScheduled(
                e ->
                    notifyRetry(
                        spec.listener,
                        new RetryEvent(
                            operation,
                            e.getAttemptCount(),
                            RetryEvent.Reason.TRANSIENT,
                            asPuffle(e.getLastException()),
                            e.getDelay())))
            .build();
    CompletableFuture<T> outcome =
        Failsafe.with(policy)
            .with(DeadlineScheduler.of(
                flow.isBlocking() ? timing.blocking() : timing.async(), timing, spec.deadlineNanos))
            .getAsyncExecution(
                exec -> attempt(exec, request, spec, flow.isBlocking(), attempts.incrementAndGet()));
    flow.track(outcome);
    return outcome.handle(
            (value, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(value);
              }
              return CompletableFuture.<T>failedFuture(
                  finalFailure(operation, Flow.unwrap(error), spec, attempts.get()));
            })
        .thenCompose(f -> f);
  }

  private <T> void attempt(
      AsyncExecution<T> exec, ApiRequest<T> request, CallSpec spec, boolean blocking, int attempt) {
    if (lifecycle.isClosed()) {
      exec.recordException(lifecycle.closedFailure(request.operationId()));
      return;
    }
    long remaining = spec.deadlineNanos - timing.nanoTime();
    if (remaining <= 0) {
      exec.recordException(new PuffleTimeoutException(
          request.operationId() + ": the call's deadline passed before attempt " + attempt,
          null, null, exec.getLastException(), attempt));
      return;
    }
    SendState sent = new SendState();
    Request.Builder http = request.httpRequest().newBuilder().tag(SendState.class, sent);
    for (Map.Entry<String, String> h : spec.headers.entrySet()) {
      http.header(h.getKey(), h.getValue());
    }
    Transport transport =
        spec.safety == CallSpec.Safety.SEND_ONCE ? spec.transport.sendOnce() : spec.transport;
    Call call = transport.newCall(http.build());
    if (spec.deadlineNanos != Long.MAX_VALUE) {
      call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
    }
    exec.onCancel(call::cancel);
    if (blocking) {
      try (Response response = call.execute()) {
        exec.record(decodeOrFail(request, response, attempt), null);
      } catch (IOException e) {
        exec.recordException(ioFailure(request, call, e, sent, attempt));
      } catch (PuffleException e) {
        exec.recordException(e);
      }
      return;
    }
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            exec.recordException(ioFailure(request, c, e, sent, attempt));
          }

          @Override
          public void onResponse(Call c, Response response) {
            try (Response r = response) {
              exec.record(decodeOrFail(request, r, attempt), null);
            } catch (IOException e) {
              exec.recordException(ioFailure(request, c, e, sent, attempt));
            } catch (PuffleException e) {
              exec.recordException(e);
            } catch (RuntimeException e) {
              exec.recordException(new PuffleException(
                  request.operationId() + ": unexpected failure: " + e, e, attempt));
            }
          }
        });
  }

  private PuffleException ioFailure(
      ApiRequest<?> request, Call call, IOException e, SendState sent, int attempt) {
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
    return errors.fromIo(request.operationId(), call.request(), e, sent.started(), attempt);
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

  private PuffleException finalFailure(
      String operation, Throwable error, CallSpec spec, int attempts) {
    PuffleException e = asPuffle(error);
    if (timing.nanoTime() >= spec.deadlineNanos
        && retryable(spec.safety, e)
        && !(e instanceof PuffleTimeoutException)) {
      return new PuffleTimeoutException(
          operation + ": the call's deadline passed after " + attempts + " attempts; last failure: "
              + e.getMessage(), null, null, e, attempts);
    }
    return e;
  }

  /** Whether the failure may be retried under {@code safety}. */
  public static boolean retryable(CallSpec.Safety safety, Throwable e) {
    if (safety == CallSpec.Safety.IDEMPOTENT) {
      return ErrorMapper.isTransient(e);
    }
    if (e instanceof PuffleConnectionException) {
      return !((PuffleConnectionException) e).requestSent();
    }
    return e instanceof RateLimitException
        || (e instanceof ServerException && ((ServerException) e).statusCode() == 500);
  }

  static PuffleException asPuffle(Throwable t) {
    Throwable e = Flow.unwrap(t);
    if (e instanceof PuffleException) {
      return (PuffleException) e;
    }
    return new PuffleException(String.valueOf(e), e);
  }

  static void notifyRetry(RetryListener listener, RetryEvent event) {
    if (listener == null) {
      return;
    }
    try {
      listener.onRetry(event);
    } catch (RuntimeException ignored) {
      // A listener's failure must not change the call's outcome.
    }
  }

  /**
   * The wait a failure's Retry-After asks for, lengthened so that Failsafe's jitter never makes
   * it shorter; negative (Failsafe's backoff applies) when there is none.
   */
  public static Duration retryAfterDelay(Throwable failure) {
    Duration ra = retryAfter(failure);
    return ra == null ? Duration.ofMillis(-1) : Duration.ofNanos((long) (ra.toNanos() / (1 - JITTER)));
  }

  /** The Retry-After a failure carries, or null. */
  public static Duration retryAfter(Throwable failure) {
    return failure instanceof PuffleException
        ? ErrorMapper.retryAfterOf((PuffleException) failure) : null;
  }

  /**
   * Whether no retry fits before the deadline: it passed, or the server asked for a wait that
   * ends after it (then the failure itself is more useful than a timeout later).
   */
  private boolean outOfTime(Throwable failure, long deadlineNanos) {
    long now = timing.nanoTime();
    if (now >= deadlineNanos) {
      return true;
    }
    Duration ra = retryAfter(failure);
    return ra != null && deadlineNanos - now <= ra.toNanos();
  }
}
