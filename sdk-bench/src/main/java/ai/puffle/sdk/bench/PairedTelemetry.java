package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.opentelemetry.PuffleTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;

/**
 * What {@code puffle-sdk-opentelemetry} costs per call: {@code sessions().get} with {@link
 * PuffleTelemetry} attached against the same call on a client without it, paired in one JVM
 * against one server ({@link Paired}). Two setups: the OpenTelemetry API without an SDK ({@code
 * OpenTelemetry.noop()}: what a library pays when the application installed none), and the SDK's
 * tracer and meter with W3C propagation, spans handed to a batch processor whose exporter drops
 * them and metrics to a reader whose exporter drops them (every span, attribute and measurement
 * is made; nothing leaves the process).
 *
 * <pre>java -cp CLASSPATH ai.puffle.sdk.bench.PairedTelemetry [rounds] [callsPerBlock] [warmupSeconds]</pre>
 */
public final class PairedTelemetry {
  private PairedTelemetry() {}

  /** Runs both comparisons and prints them. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    print(System.out, "OpenTelemetry API without an SDK (OpenTelemetry.noop())",
        run(OpenTelemetry.noop(), rounds, calls, warmup));
    try (OpenTelemetrySdk sdk = droppingSdk()) {
      print(System.out, "OpenTelemetry SDK, spans and metrics to exporters that drop them",
          run(sdk, rounds, calls, warmup));
    }
  }

  /** A = {@code sessions().get} with telemetry on {@code otel}, B = the same without it. */
  public static Paired.Result run(OpenTelemetry otel, int rounds, int calls, int warmupSeconds)
      throws Exception {
    try (PerCallServer server = new PerCallServer();
        PuffleClient traced = server.sdkWith(PuffleTelemetry.create(otel))) {
      return Paired.run(
          () -> traced.sessions().get(SessionBodies.SESSION_ID),
          () -> server.sdk().sessions().get(SessionBodies.SESSION_ID),
          rounds, calls, warmupSeconds,
          () -> {
            try {
              server.drainRecordedRequests();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  /** The SDK with W3C propagation, a batch span processor and a periodic reader, both dropping. */
  public static OpenTelemetrySdk droppingSdk() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(BatchSpanProcessor.builder(new DroppingSpans()).build())
            .build())
        .setMeterProvider(SdkMeterProvider.builder()
            .registerMetricReader(PeriodicMetricReader.builder(new DroppingMetrics())
                .setInterval(Duration.ofSeconds(10)).build())
            .build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
  }

  static void print(PrintStream out, String setup, Paired.Result r) {
    out.println("### Per call with PuffleTelemetry: " + setup + " (median of " + r.rounds
        + " ABBA rounds of " + r.ops + ")");
    out.println();
    out.println("| | wall us/op | calling-thread CPU us/op | calling-thread bytes/op |");
    out.println("|---|---:|---:|---:|");
    out.println(String.format(Locale.ROOT, "| sessions().get with PuffleTelemetry | %.1f | %.1f | %,.0f |",
        r.aMicros, r.aCpuMicros, r.aBytes));
    out.println(String.format(Locale.ROOT, "| sessions().get, no listener | %.1f | %.1f | %,.0f |",
        r.bMicros, r.bCpuMicros, r.bBytes));
    out.println(String.format(Locale.ROOT, "| **ratio** (median of per-round ratios) | **%.3f** | %.3f | **%.3f** |",
        r.timeRatio, r.cpuRatio, r.allocRatio));
    out.println();
  }

  /** Takes spans and drops them. */
  static final class DroppingSpans implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Takes metrics and drops them. */
  static final class DroppingMetrics implements MetricExporter {
    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public MemoryMode getMemoryMode() {
      return MemoryMode.REUSABLE_DATA;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
