package ai.puffle.sdk.opentelemetry;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;
import java.time.Duration;
import java.util.List;

/** The client's metric instruments, made once per {@link PuffleTelemetry}. */
final class Instruments {
  /** The semantic conventions' advice for {@code http.client.request.duration}, in seconds. */
  static final List<Double> REQUEST_BUCKETS =
      List.of(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  /** Waits last from under a second (a busy session freeing up) to minutes (many examples). */
  static final List<Double> WAIT_BUCKETS =
      List.of(0.5, 1.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0, 300.0, 600.0);
  static final List<Long> POLL_BUCKETS = List.of(1L, 2L, 3L, 5L, 8L, 13L, 21L, 34L, 55L, 89L);

  final DoubleHistogram requestDuration;
  final LongCounter retries;
  final DoubleHistogram waitDuration;
  final LongUpDownCounter activeWaits;
  final LongHistogram waitPolls;

  Instruments(Meter meter) {
    requestDuration = meter.histogramBuilder("http.client.request.duration")
        .setUnit("s")
        .setDescription("Duration of HTTP client requests.")
        .setExplicitBucketBoundariesAdvice(REQUEST_BUCKETS)
        .build();
    retries = meter.counterBuilder("puffle.client.retries")
        .setUnit("{retry}")
        .setDescription("Requests the client sends again, by reason.")
        .build();
    waitDuration = meter.histogramBuilder("puffle.client.wait.duration")
        .setUnit("s")
        .setDescription("How long waits for a session last, by kind of wait and task.")
        .setExplicitBucketBoundariesAdvice(WAIT_BUCKETS)
        .build();
    activeWaits = meter.upDownCounterBuilder("puffle.client.wait.active")
        .setUnit("{wait}")
        .setDescription("Waits for a session in progress.")
        .build();
    waitPolls = meter.histogramBuilder("puffle.client.wait.polls")
        .ofLongs()
        .setUnit("{poll}")
        .setDescription("Polls of the session per wait.")
        .setExplicitBucketBoundariesAdvice(POLL_BUCKETS)
        .build();
  }

  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  void request(Duration duration, Attributes attributes) {
    requestDuration.record(seconds(duration), attributes);
  }
}
