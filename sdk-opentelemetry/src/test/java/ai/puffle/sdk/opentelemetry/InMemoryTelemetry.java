package ai.puffle.sdk.opentelemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An OpenTelemetry SDK that keeps what it records in memory (opentelemetry-sdk-testing's span
 * exporter and metric reader), with W3C trace context propagation, and the {@link
 * PuffleTelemetry} on it.
 */
final class InMemoryTelemetry implements AutoCloseable {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
      .build();
  final PuffleTelemetry telemetry = PuffleTelemetry.create(sdk);

  /** The spans ended so far, in the order they ended. */
  List<SpanData> spans() {
    return spans.getFinishedSpanItems();
  }

  /** The one ended span named {@code name}. */
  SpanData span(String name) {
    List<SpanData> found = spans().stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " spans named " + name + " in " + names(spans()));
    }
    return found.get(0);
  }

  /** The children of {@code parent}, in the order they started. */
  List<SpanData> children(SpanData parent) {
    return spans().stream()
        .filter(s -> s.getParentSpanId().equals(parent.getSpanId()))
        .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
        .collect(Collectors.toList());
  }

  /** The CLIENT spans, in the order they started. */
  List<SpanData> requests() {
    return spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
        .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
        .collect(Collectors.toList());
  }

  /** Every metric collected now (cumulative since the start). */
  Collection<MetricData> collect() {
    return metrics.collectAllMetrics();
  }

  /** The metric named {@code name} in {@code all}, if recorded. */
  static Optional<MetricData> metric(Collection<MetricData> all, String name) {
    return all.stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  static List<String> names(List<SpanData> spans) {
    return spans.stream().map(SpanData::getName).collect(Collectors.toList());
  }

  /** Forgets the spans so far (metrics are cumulative: compare before and after). */
  void clearSpans() {
    spans.reset();
  }

  static String str(Attributes a, String key) {
    return a.get(io.opentelemetry.api.common.AttributeKey.stringKey(key));
  }

  static Long num(Attributes a, String key) {
    return a.get(io.opentelemetry.api.common.AttributeKey.longKey(key));
  }

  @Override
  public void close() {
    sdk.close();
  }
}
