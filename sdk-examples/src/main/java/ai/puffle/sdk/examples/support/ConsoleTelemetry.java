package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.opentelemetry.PuffleTelemetry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.logging.LoggingMetricExporter;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.PrintStream;
import java.time.Duration;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code --trace}: an OpenTelemetry SDK that prints each span as it ends, and the metrics when it
 * is closed, with OpenTelemetry's logging exporters, and the client's {@link PuffleTelemetry} on
 * it. The exporters write to {@code java.util.logging}; their lines go to {@code out}, one line
 * per record, prefixed {@code [otel]}.
 */
public final class ConsoleTelemetry implements AutoCloseable {
  /** Fills in a record's parameters ({@code metric: {0}}). */
  private static final SimpleFormatter MESSAGES = new SimpleFormatter();

  /** The logger both logging exporters write to (kept: loggers are held weakly). */
  private final Logger exporters = Logger.getLogger("io.opentelemetry.exporter.logging");
  private final boolean parentHandlers;
  private final Handler handler;
  private final OpenTelemetrySdk sdk;
  private final PuffleTelemetry telemetry;

  /** Starts printing on {@code out}. */
  public ConsoleTelemetry(PrintStream out) {
    this.parentHandlers = exporters.getUseParentHandlers();
    this.handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        out.println("[otel] " + MESSAGES.formatMessage(record));
      }

      @Override
      public void flush() {
        out.flush();
      }

      @Override
      public void close() {}
    };
    exporters.addHandler(handler);
    exporters.setUseParentHandlers(false);
    this.sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create()))
            .build())
        .setMeterProvider(SdkMeterProvider.builder()
            // Metrics are printed when the program ends (a flush at close), not periodically.
            .registerMetricReader(PeriodicMetricReader.builder(LoggingMetricExporter.create())
                .setInterval(Duration.ofHours(1)).build())
            .build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
        .build();
    this.telemetry = PuffleTelemetry.create(sdk);
  }

  /** The listener factory to hand the client: {@code builder.eventListener(console.telemetry())}. */
  public PuffleTelemetry telemetry() {
    return telemetry;
  }

  /** Prints the metrics, shuts the SDK down and stops printing. */
  @Override
  public void close() {
    try {
      sdk.close();
    } finally {
      exporters.removeHandler(handler);
      exporters.setUseParentHandlers(parentHandlers);
    }
  }
}
