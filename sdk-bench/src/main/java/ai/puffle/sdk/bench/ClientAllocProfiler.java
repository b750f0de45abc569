package ai.puffle.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Bytes allocated per operation by JMH's benchmark threads only ({@code client.alloc.norm}).
 *
 * <p>JMH's {@code -prof gc} reports {@code gc.alloc.rate.norm} for the whole JVM, which in the
 * per-call benchmark includes the in-process MockWebServer answering the request. A blocking
 * call (the SDK's and the baseline's) runs entirely on the calling thread, so the allocation of
 * the benchmark threads is the client's own. Use with {@code -prof
 * ai.puffle.sdk.bench.ClientAllocProfiler}.
 */
public final class ClientAllocProfiler implements InternalProfiler {
  private static final String WORKER = "jmh-worker";

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private Map<Long, Long> before = Map.of();

  @Override
  public String getDescription() {
    return "Bytes allocated per op by the benchmark threads only (excludes in-process servers)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    before = workerBytes();
  }

  @Override
  @SuppressWarnings("rawtypes") // JMH's signature
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    Map<Long, Long> after = workerBytes();
    long bytes = 0;
    for (Map.Entry<Long, Long> e : after.entrySet()) {
      bytes += e.getValue() - before.getOrDefault(e.getKey(), 0L);
    }
    long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
    double perOp = ops == 0 ? Double.NaN : (double) bytes / ops;
    return List.of(new ScalarResult("client.alloc.norm", perOp, "B/op", AggregationPolicy.AVG));
  }

  private Map<Long, Long> workerBytes() {
    Map<Long, Long> bytes = new HashMap<>();
    long[] ids = threads.getAllThreadIds();
    ThreadInfo[] infos = threads.getThreadInfo(ids, 0);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && infos[i].getThreadName().contains(WORKER)) {
        long allocated = threads.getThreadAllocatedBytes(ids[i]);
        if (allocated >= 0) {
          bytes.put(ids[i], allocated);
        }
      }
    }
    return bytes;
  }
}
