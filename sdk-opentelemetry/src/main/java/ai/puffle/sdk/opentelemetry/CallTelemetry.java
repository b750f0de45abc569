package ai.puffle.sdk.opentelemetry;

import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.TaskStatus;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The telemetry of one call: its span, a child span per HTTP request, events for what happens in
 * between, and the metrics. The SDK tells one event at a time, so no state here needs a lock.
 */
final class CallTelemetry implements PuffleEventListener {
  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Instruments instruments;
  private final Context parent;
  private final Map<Attempt, Span> attempts = new IdentityHashMap<>(4);
  private final Map<Wait, WaitState> waits = new IdentityHashMap<>(2);
  /** Per operationId: resends so far, and whether its next request is one. */
  private final Map<String, Integer> resends = new HashMap<>(2);
  private final Set<String> resendNext = new HashSet<>(2);
  private Span span = Span.getInvalid();
  private Context context;

  /** What a wait needs at its end. */
  private static final class WaitState {
    TaskStatus task;

    WaitState(TaskStatus task) {
      this.task = task;
    }
  }

  CallTelemetry(Tracer tracer, TextMapPropagator propagator, Instruments instruments, Context parent) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.instruments = instruments;
    this.parent = parent;
    this.context = parent;
  }

  @Override
  public void operationStart(Operation operation) {
    SpanBuilder b = tracer.spanBuilder(operation.id())
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(Keys.OPERATION_ID, operation.id());
    operation.sessionId().ifPresent(id -> b.setAttribute(Keys.SESSION_ID, id));
    span = b.startSpan();
    context = parent.with(span);
  }

  @Override
  public void operationEnd(Operation operation, int attempts, Duration duration, Throwable failure) {
    for (Span open : this.attempts.values()) {
      open.setAttribute(Keys.ERROR_TYPE, Errors.CALL_ENDED).setStatus(StatusCode.ERROR).end();
    }
    this.attempts.clear();
    for (Map.Entry<Wait, WaitState> open : waits.entrySet()) {
      instruments.activeWaits.add(-1, Attributes.of(Keys.WAIT_KIND, kind(open.getKey())));
    }
    waits.clear();
    span.setAttribute(Keys.ATTEMPTS, (long) attempts);
    if (failure != null) {
      span.setAttribute(Keys.ERROR_TYPE, Errors.type(failure, 0)).setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  @Override
  public void attemptStart(Attempt attempt, BiConsumer<String, String> headers) {
    URI url = attempt.url();
    SpanBuilder b = tracer.spanBuilder(attempt.method() + " " + attempt.pathTemplate())
        .setParent(context)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(Keys.HTTP_REQUEST_METHOD, attempt.method())
        .setAttribute(Keys.SERVER_ADDRESS, url.getHost())
        .setAttribute(Keys.SERVER_PORT, (long) port(url))
        .setAttribute(Keys.URL_FULL, Urls.full(url))
        .setAttribute(Keys.URL_TEMPLATE, attempt.pathTemplate())
        .setAttribute(Keys.OPERATION_ID, attempt.operationId());
    if (resendNext.remove(attempt.operationId())) {
      b.setAttribute(Keys.HTTP_REQUEST_RESEND_COUNT, (long) resends.get(attempt.operationId()));
    }
    Span request = b.startSpan();
    attempts.put(attempt, request);
    propagator.inject(context.with(request), headers, (carrier, key, value) -> carrier.accept(key, value));
  }

  @Override
  public void attemptEnd(
      Attempt attempt, int statusCode, String requestId, Duration duration, Throwable failure) {
    Span request = attempts.remove(attempt);
    AttributesBuilder metric = Attributes.builder()
        .put(Keys.HTTP_REQUEST_METHOD, attempt.method())
        .put(Keys.SERVER_ADDRESS, attempt.url().getHost())
        .put(Keys.SERVER_PORT, (long) port(attempt.url()))
        .put(Keys.URL_TEMPLATE, attempt.pathTemplate());
    if (statusCode > 0) {
      metric.put(Keys.HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
    }
    boolean failed = failure != null || statusCode >= 400;
    if (failed) {
      metric.put(Keys.ERROR_TYPE, Errors.type(failure, statusCode));
    }
    instruments.request(duration, metric.build());
    if (request == null) {
      return;
    }
    if (statusCode > 0) {
      request.setAttribute(Keys.HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
    }
    if (requestId != null) {
      request.setAttribute(Keys.REQUEST_ID, requestId);
    }
    if (failed) {
      request.setAttribute(Keys.ERROR_TYPE, Errors.type(failure, statusCode)).setStatus(StatusCode.ERROR);
    }
    request.end();
  }

  @Override
  public void retryScheduled(Attempt failed, RetryReason reason, Duration delay) {
    String why = reason.name().toLowerCase(Locale.ROOT);
    resends.merge(failed.operationId(), 1, Integer::sum);
    resendNext.add(failed.operationId());
    instruments.retries.add(1, Attributes.of(Keys.RETRY_REASON, why, Keys.OPERATION_ID, failed.operationId()));
    span.addEvent(Keys.EVENT_RETRY, Attributes.of(
        Keys.OPERATION_ID, failed.operationId(),
        Keys.ATTEMPT, (long) failed.number(),
        Keys.RETRY_REASON, why,
        Keys.RETRY_DELAY, Instruments.seconds(delay)));
  }

  @Override
  public void reconciled(Attempt failed, Verdict verdict) {
    span.addEvent(Keys.EVENT_RECONCILE, Attributes.of(
        Keys.OPERATION_ID, failed.operationId(),
        Keys.ATTEMPT, (long) failed.number(),
        Keys.VERDICT, verdict.name().toLowerCase(Locale.ROOT)));
  }

  @Override
  public void waitStart(Wait wait) {
    waits.put(wait, new WaitState(wait.task().orElse(null)));
    instruments.activeWaits.add(1, Attributes.of(Keys.WAIT_KIND, kind(wait)));
    AttributesBuilder a = Attributes.builder()
        .put(Keys.WAIT_KIND, kind(wait))
        .put(Keys.SESSION_ID, wait.sessionId());
    wait.task().ifPresent(t -> a.put(Keys.TASK_STATUS, status(t)));
    span.addEvent(Keys.EVENT_WAIT_START, a.build());
  }

  @Override
  public void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {
    WaitState state = waits.get(wait);
    if (state != null && state.task == null && status.isBusy()) {
      state.task = status;
    }
    span.addEvent(Keys.EVENT_POLL, Attributes.of(
        Keys.WAIT_KIND, kind(wait),
        Keys.POLLS, (long) polls,
        Keys.TASK_STATUS, status(status)));
  }

  @Override
  public void waitEnd(Wait wait, int polls, Duration elapsed, Throwable failure) {
    WaitState state = waits.remove(wait);
    if (state == null) {
      return;
    }
    String kind = kind(wait);
    instruments.activeWaits.add(-1, Attributes.of(Keys.WAIT_KIND, kind));
    AttributesBuilder a = Attributes.builder()
        .put(Keys.WAIT_KIND, kind)
        .put(Keys.TASK_STATUS, status(state.task == null ? TaskStatus.IDLE : state.task));
    if (failure != null) {
      a.put(Keys.ERROR_TYPE, Errors.type(failure, 0));
    }
    Attributes attributes = a.build();
    instruments.waitDuration.record(Instruments.seconds(elapsed), attributes);
    instruments.waitPolls.record(polls, attributes);
    span.addEvent(Keys.EVENT_WAIT_END, attributes.toBuilder().put(Keys.POLLS, (long) polls).build());
  }

  @Override
  public void runWatchStart(String runId) {
    span.addEvent(Keys.EVENT_RUN_WATCH_START, Attributes.of(Keys.RUN_ID, runId));
  }

  @Override
  public void runStatus(String runId, String status) {
    span.addEvent(Keys.EVENT_RUN_STATUS, Attributes.of(Keys.RUN_ID, runId, Keys.RUN_STATUS, status));
  }

  @Override
  public void runFallback(String runId, String reason) {
    span.addEvent(Keys.EVENT_RUN_FALLBACK, Attributes.of(Keys.RUN_ID, runId, Keys.RUN_REASON, reason));
  }

  @Override
  public void runWatchEnd(String runId, String reason) {
    span.addEvent(Keys.EVENT_RUN_WATCH_END, Attributes.of(Keys.RUN_ID, runId, Keys.RUN_REASON, reason));
  }

  private static String kind(Wait wait) {
    return wait.kind().name().toLowerCase(Locale.ROOT);
  }

  /** A task status as Puffle writes it ({@code chat_processing}), {@code idle} for none. */
  private static String status(TaskStatus status) {
    return status.name().toLowerCase(Locale.ROOT);
  }

  private static int port(URI url) {
    if (url.getPort() != -1) {
      return url.getPort();
    }
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  /** What {@code error.type} says. */
  static final class Errors {
    /** An attempt still open when its call ended (the call was cancelled). */
    static final String CALL_ENDED = "cancelled";

    private Errors() {}

    /**
     * The status code for an error status, else the failure's class: for a transport failure the
     * I/O exception's (e.g. {@code java.net.SocketTimeoutException}), else the SDK's.
     */
    static String type(Throwable failure, int statusCode) {
      if (statusCode >= 400) {
        return Integer.toString(statusCode);
      }
      if (failure == null) {
        return "_OTHER";
      }
      if (failure instanceof java.util.concurrent.CancellationException) {
        return CALL_ENDED;
      }
      if (failure instanceof PuffleConnectionException && failure.getCause() != null) {
        return failure.getCause().getClass().getName();
      }
      return failure.getClass().getName();
    }
  }
}
