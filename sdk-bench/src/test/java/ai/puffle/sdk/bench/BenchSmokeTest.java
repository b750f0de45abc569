package ai.puffle.sdk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.WaitOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark starts and completes one very short iteration in this JVM, and the scale
 * harness runs a few flows with short tasks. Checks that the tools work, not their figures.
 */
@Timeout(120)
class BenchSmokeTest {
  private static ChainedOptionsBuilder shortRun(Class<?> benchmark) {
    return new OptionsBuilder()
        .include(benchmark.getName() + ".*")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .shouldFailOnError(true)
        .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
  }

  private static void assertScored(Collection<RunResult> results, int expected) {
    assertEquals(expected, results.size());
    for (RunResult r : results) {
      assertTrue(r.getPrimaryResult().getScore() > 0, r.getParams().getBenchmark());
    }
  }

  @Test
  void perCallBenchmarkRunsWithBothProfilers() throws Exception {
    Collection<RunResult> results = new Runner(shortRun(PerCallBenchmark.class)
        .addProfiler(GCProfiler.class)
        .addProfiler(ClientAllocProfiler.class)
        .build()).run();
    assertScored(results, 2);
    for (RunResult r : results) {
      assertTrue(r.getSecondaryResults().containsKey("client.alloc.norm"));
      assertTrue(r.getSecondaryResults().get("client.alloc.norm").getScore() > 0);
    }
  }

  @Test
  void decodeBenchmarkRuns() throws Exception {
    assertScored(new Runner(shortRun(DecodeBenchmark.class).build()).run(), 2);
  }

  @Test
  void asyncTurnThroughputBenchmarkRuns() throws Exception {
    assertScored(new Runner(shortRun(AsyncTurnThroughputBenchmark.class).param("pool", "64").build()).run(), 4);
  }

  @Test
  void pairedComparisonsMeasureBothSides() throws Exception {
    for (Paired.Result r : List.of(PairedPerCall.run(2, 20, 0), PairedPerCall.decode(2, 20, 0))) {
      assertTrue(r.aMicros > 0 && r.bMicros > 0);
      assertTrue(r.aBytes > 0 && r.bBytes > 0);
      assertTrue(r.timeRatio > 0 && r.allocRatio > 0);
    }
  }

  @Test
  void telemetryComparisonsMeasureBothSides() throws Exception {
    try (io.opentelemetry.sdk.OpenTelemetrySdk sdk = PairedTelemetry.droppingSdk()) {
      for (io.opentelemetry.api.OpenTelemetry otel : List.of(io.opentelemetry.api.OpenTelemetry.noop(), sdk)) {
        Paired.Result r = PairedTelemetry.run(otel, 2, 20, 0);
        assertTrue(r.aMicros > 0 && r.bMicros > 0);
        assertTrue(r.aBytes > 0 && r.bBytes > 0 && r.timeRatio > 0);
      }
    }
  }

  @Test
  void perCallBreakdownRunsEveryStep() throws Exception {
    assertEquals(PerCallBreakdown.STEPS, PerCallBreakdown.run(1, 10, 0).size());
  }

  @Test
  void scaleRunCompletesEveryFlowBothWays() throws Exception {
    for (ScaleRun.Mode mode : ScaleRun.Mode.values()) {
      ScaleRun.Config cfg = new ScaleRun.Config();
      cfg.scenario = "smoke-" + mode;
      cfg.mode = mode;
      cfg.n = 20;
      cfg.task = Duration.ofMillis(50);
      cfg.wait = WaitOptions.builder().pollInterval(Duration.ofMillis(10), Duration.ofMillis(40)).build();
      cfg.naivePoll = Duration.ofMillis(40);
      cfg.deadline = Duration.ofSeconds(30);
      cfg.log = null;
      ScaleResult r = ScaleRun.run(cfg);
      assertEquals(20, r.completed, mode + ": " + r.failures);
      assertEquals("ok", r.outcome);
      assertTrue(r.postsPerTurn >= 1.0, mode + " sent every turn");
      assertTrue(r.wakeMedianMs >= 0, mode + " measured wake-up latency");
      assertTrue(r.peakLiveThreads > 0);
      ScaleResult copy = ScaleResult.fromJson(r.toJson());
      assertEquals(r.completed, copy.completed);
    }
  }

  @Test
  void harnessPrintsTables() throws Exception {
    ScaleResult r = new ScaleResult();
    r.scenario = "sdk-100";
    r.mode = "sdk";
    r.n = 100;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ScaleHarness.print(new PrintStream(out, true, StandardCharsets.UTF_8),
        List.of(ScaleHarness.SCENARIOS.get(0),
            ScaleHarness.SCENARIOS.stream().filter(s -> s.table.equals("wakeup")).findFirst().orElseThrow()),
        List.of(r, r));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("| sdk-100 | sdk | 100 |"), text);
    assertTrue(text.contains("Wake-up latency"), text);
    assertFalse(text.contains("NaN"), text);
  }

  @Test
  void streamedTurnsAreTimedChunkByChunk() throws Exception {
    String row = StreamLatency.run(2, java.time.Duration.ofMillis(300));
    String[] cells = row.split("\\|");
    assertEquals("2", cells[1].trim(), row);
    assertEquals("2", cells[2].trim(), "both turns completed: " + row);
    assertEquals("0", cells[3].trim(), row);
    assertEquals(cells[4].trim(), cells[5].trim(), "every chunk received was timed: " + row);
  }
}
