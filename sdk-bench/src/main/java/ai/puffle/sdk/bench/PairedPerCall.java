package ai.puffle.sdk.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The per-call comparison of {@link PerCallBenchmark} measured as pairs in one JVM against one
 * server: blocks of SDK calls and baseline calls alternate (ABBA), each block timed and its
 * calling-thread allocation read, and the report is the median over rounds of the per-round
 * ratio. On a shared machine, noise that lasts longer than one block hits both sides of a pair
 * alike, so the ratio is steadier than two separately measured averages.
 *
 * <pre>java -cp CLASSPATH ai.puffle.sdk.bench.PairedPerCall [rounds] [callsPerBlock] [warmupSeconds]</pre>
 */
public final class PairedPerCall {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** The medians of a paired run. */
  public static final class Result {
    /** SDK microseconds per call (median over rounds). */ public double sdkMicros;
    /** Baseline microseconds per call (median over rounds). */ public double baselineMicros;
    /** Median of the per-round time ratios SDK / baseline. */ public double timeRatio;
    /** SDK bytes allocated per call by the calling thread (median). */ public double sdkBytes;
    /** Baseline bytes allocated per call by the calling thread (median). */ public double baselineBytes;
    /** Median of the per-round allocation ratios. */ public double allocRatio;
    /** SDK calling-thread CPU microseconds per call (median). */ public double sdkCpuMicros;
    /** Baseline calling-thread CPU microseconds per call (median). */ public double baselineCpuMicros;
    /** Median of the per-round CPU ratios. */ public double cpuRatio;
    /** Rounds measured. */ public int rounds;
    /** Calls per block. */ public int calls;
  }

  private PairedPerCall() {}

  /** Runs and prints the comparison. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Result r = run(rounds, calls, warmup);
    System.out.println("### Per call, paired in one JVM (median of " + r.rounds + " ABBA rounds of "
        + r.calls + " calls)");
    System.out.println();
    System.out.println("| client | wall time per call (us) | calling-thread CPU per call (us) | calling-thread bytes per call |");
    System.out.println("|---|---:|---:|---:|");
    System.out.println(String.format(Locale.ROOT, "| SDK sessions().get | %.1f | %.1f | %,.0f |",
        r.sdkMicros, r.sdkCpuMicros, r.sdkBytes));
    System.out.println(String.format(Locale.ROOT, "| baseline (OkHttp + Moshi, plain class) | %.1f | %.1f | %,.0f |",
        r.baselineMicros, r.baselineCpuMicros, r.baselineBytes));
    System.out.println(String.format(Locale.ROOT, "| **ratio SDK / baseline** (median of per-round ratios) "
        + "| **%.3f** (target <= 1.10) | %.3f | **%.3f** (target <= 1.25) |", r.timeRatio, r.cpuRatio, r.allocRatio));
    System.out.println();
  }

  /** Warms up for {@code warmupSeconds}, then measures {@code rounds} ABBA rounds. */
  public static Result run(int rounds, int calls, int warmupSeconds) throws Exception {
    try (PerCallServer server = new PerCallServer()) {
      long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
      do {
        block(server, true, 200);
        block(server, false, 200);
        server.drainRecordedRequests();
      } while (System.nanoTime() < warmEnd);
      double[] sdkTime = new double[rounds];
      double[] baseTime = new double[rounds];
      double[] sdkAlloc = new double[rounds];
      double[] baseAlloc = new double[rounds];
      double[] sdkCpu = new double[rounds];
      double[] baseCpu = new double[rounds];
      double[] cpuRatio = new double[rounds];
      double[] timeRatio = new double[rounds];
      double[] allocRatio = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        long[] a;
        long[] b;
        if (i % 2 == 0) {
          a = block(server, true, calls);
          b = block(server, false, calls);
        } else {
          b = block(server, false, calls);
          a = block(server, true, calls);
        }
        server.drainRecordedRequests();
        sdkTime[i] = a[0] / 1000.0 / calls;
        baseTime[i] = b[0] / 1000.0 / calls;
        sdkAlloc[i] = (double) a[1] / calls;
        baseAlloc[i] = (double) b[1] / calls;
        sdkCpu[i] = a[2] / 1000.0 / calls;
        baseCpu[i] = b[2] / 1000.0 / calls;
        cpuRatio[i] = sdkCpu[i] / baseCpu[i];
        timeRatio[i] = sdkTime[i] / baseTime[i];
        allocRatio[i] = sdkAlloc[i] / baseAlloc[i];
      }
      Result r = new Result();
      r.rounds = rounds;
      r.calls = calls;
      r.sdkMicros = Stats.median(sdkTime);
      r.baselineMicros = Stats.median(baseTime);
      r.timeRatio = Stats.median(timeRatio);
      r.sdkCpuMicros = Stats.median(sdkCpu);
      r.baselineCpuMicros = Stats.median(baseCpu);
      r.cpuRatio = Stats.median(cpuRatio);
      r.sdkBytes = Stats.median(sdkAlloc);
      r.baselineBytes = Stats.median(baseAlloc);
      r.allocRatio = Stats.median(allocRatio);
      return r;
    }
  }

  /** {@code calls} calls of one client: elapsed nanos, bytes and CPU nanos of this thread. */
  private static long[] block(PerCallServer server, boolean sdk, int calls) throws Exception {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long bytes = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
    long start = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < calls; i++) {
      if (sdk) {
        sink += server.sdk().sessions().get(SessionBodies.SESSION_ID).messages().size();
      } else {
        sink += server.baseline().get(SessionBodies.SESSION_ID).messages.size();
      }
    }
    long elapsed = System.nanoTime() - start;
    long allocated = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId()) - bytes;
    long cpuUsed = THREADS.getCurrentThreadCpuTime() - cpu;
    if (sink != calls * 20) {
      throw new IllegalStateException("unexpected bodies: " + sink);
    }
    return new long[] {elapsed, allocated, cpuUsed};
  }
}
