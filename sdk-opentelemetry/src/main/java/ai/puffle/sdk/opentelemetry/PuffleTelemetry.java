package ai.puffle.sdk.opentelemetry;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.internal.Version;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Objects;

/**
 * OpenTelemetry traces, metrics and trace propagation for a {@code PuffleClient}, in one builder
 * call:
 *
 * <pre>{@code
 * PuffleClient client = PuffleClient.builder()
 *     .apiKey(key)
 *     .eventListener(PuffleTelemetry.create(openTelemetry))
 *     .build();
 * }</pre>
 *
 * <p><b>Traces.</b> Each call is a span named by its operation id ({@code getAiChatSession},
 * {@code runAiChatTurn}, {@code turnAndWait}, ...), a child of the span current when the call
 * was made, with {@code puffle.operation.id}, {@code puffle.session.id} and {@code
 * puffle.attempts}. Each HTTP request is a child {@code CLIENT} span named {@code {method}
 * {url.template}} with the stable HTTP client attributes ({@code http.request.method}, {@code
 * http.response.status_code}, {@code server.address}, {@code server.port}, {@code url.full} with
 * query values redacted, {@code url.template}, {@code error.type}, and {@code
 * http.request.resend_count} on a request sent again after a failure, a 409 or a
 * reconciliation). Retries, reconciliations, waits, polls and the run's status are events on the
 * call's span ({@code puffle.retry}, {@code puffle.reconcile}, {@code puffle.wait.start}, {@code
 * puffle.poll}, {@code puffle.wait.end}, {@code puffle.run.*}). A span that failed has status
 * {@code ERROR} and {@code error.type}; exception messages are not recorded.
 *
 * <p><b>Propagation.</b> Every request to Puffle carries the request span's context, written by
 * the configured propagator (W3C {@code traceparent} and {@code tracestate} by default).
 *
 * <p><b>Metrics.</b> {@code http.client.request.duration} (seconds, per request, with the
 * semantic conventions' attributes and buckets), {@code puffle.client.retries} (by {@code
 * puffle.retry.reason}), {@code puffle.client.wait.duration} (seconds, by {@code
 * puffle.wait.kind} and {@code puffle.task.status}), {@code puffle.client.wait.active} and {@code
 * puffle.client.wait.polls}.
 *
 * <p>No attribute holds the API key, a run's access token, message text or lead data. Thread-safe;
 * one instance serves any number of clients.
 */
public final class PuffleTelemetry implements PuffleEventListener.Factory {
  /** The instrumentation scope of the spans and metrics. */
  public static final String INSTRUMENTATION_NAME = "ai.puffle.sdk";

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Instruments instruments;

  private PuffleTelemetry(OpenTelemetry openTelemetry) {
    String version = Version.number();
    this.tracer = openTelemetry.tracerBuilder(INSTRUMENTATION_NAME).setInstrumentationVersion(version).build();
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    this.instruments = new Instruments(
        openTelemetry.meterBuilder(INSTRUMENTATION_NAME).setInstrumentationVersion(version).build());
  }

  /**
   * Telemetry on {@code openTelemetry}'s tracer, meter and propagators ({@code
   * GlobalOpenTelemetry.get()}, or the SDK the application built).
   */
  public static PuffleTelemetry create(OpenTelemetry openTelemetry) {
    return new PuffleTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  /** The listener of one call; its span's parent is the span current on this thread. */
  @Override
  public PuffleEventListener create(PuffleEventListener.Operation operation) {
    return new CallTelemetry(tracer, propagator, instruments, Context.current());
  }

  @Override
  public String toString() {
    return "PuffleTelemetry{" + INSTRUMENTATION_NAME + "}";
  }
}
