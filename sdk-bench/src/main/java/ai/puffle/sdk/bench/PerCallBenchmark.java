package ai.puffle.sdk.bench;

import ai.puffle.sdk.Session;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code client.sessions().get(id)} against a loopback MockWebServer versus a hand-written GET
 * decoded to a plain class, same OkHttp settings, same server body (20 messages, a 5-block
 * skeleton). Average time per call; run with {@code -prof gc} and {@code -prof
 * ai.puffle.sdk.bench.ClientAllocProfiler} (the client's own bytes per call).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PerCallBenchmark {
  private PerCallServer server;

  /** Starts the server and both clients, and makes one call with each (connections open). */
  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new PerCallServer();
    server.sdk().sessions().get(SessionBodies.SESSION_ID);
    server.baseline().get(SessionBodies.SESSION_ID);
  }

  /** Drops MockWebServer's record of the iteration's requests. */
  @TearDown(Level.Iteration)
  public void drain() throws InterruptedException {
    server.drainRecordedRequests();
  }

  /** Stops everything. */
  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  /** The SDK: one GET, decoded to the public {@link Session}. */
  @Benchmark
  public Session sdkGet() {
    return server.sdk().sessions().get(SessionBodies.SESSION_ID);
  }

  /** The baseline: one GET, decoded to a plain class. */
  @Benchmark
  public PerCallServer.PlainSession baselineGet() throws IOException {
    return server.baseline().get(SessionBodies.SESSION_ID);
  }
}
