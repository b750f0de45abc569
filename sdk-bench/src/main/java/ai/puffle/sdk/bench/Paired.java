package ai.puffle.sdk.bench;

import java.lang.management.ManagementFactory;

/**
 * Measures two operations against each other in one JVM: blocks of A and blocks of B alternate
 * (ABBA), each block timed (wall and calling-thread CPU) with its calling-thread allocation read,
 * and the result is the median over rounds of each figure and of the per-round ratios A / B. On
 * a shared machine, noise that lasts longer than one block hits both sides of a round alike.
 */
public final class Paired {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** An operation to measure; returns a value so that the JIT keeps the work. */
  @FunctionalInterface
  public interface Op {
    /** Runs once. */
    Object run() throws Exception;
  }

  /** Medians of a paired run (per operation). */
  public static final class Result {
    /** Wall microseconds per op of A and B. */ public double aMicros, bMicros;
    /** Calling-thread CPU microseconds per op of A and B. */ public double aCpuMicros, bCpuMicros;
    /** Calling-thread bytes per op of A and B. */ public double aBytes, bBytes;
    /** Medians of the per-round ratios A / B. */ public double timeRatio, cpuRatio, allocRatio;
    /** Rounds measured and ops per block. */ public int rounds, ops;
  }

  private Paired() {}

  /**
   * Warms both up for {@code warmupSeconds}, then measures {@code rounds} rounds of {@code ops}
   * ops per block; {@code afterBlock} runs after every block, untimed.
   */
  public static Result run(Op a, Op b, int rounds, int ops, int warmupSeconds, Runnable afterBlock)
      throws Exception {
    long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
    do {
      block(a, Math.max(1, ops / 5));
      block(b, Math.max(1, ops / 5));
      afterBlock.run();
    } while (System.nanoTime() < warmEnd);
    double[][] av = new double[3][rounds];
    double[][] bv = new double[3][rounds];
    double[][] ratio = new double[3][rounds];
    for (int i = 0; i < rounds; i++) {
      double[] x;
      double[] y;
      if (i % 2 == 0) {
        x = block(a, ops);
        afterBlock.run();
        y = block(b, ops);
      } else {
        y = block(b, ops);
        afterBlock.run();
        x = block(a, ops);
      }
      afterBlock.run();
      for (int k = 0; k < 3; k++) {
        av[k][i] = x[k];
        bv[k][i] = y[k];
        ratio[k][i] = x[k] / y[k];
      }
    }
    Result r = new Result();
    r.rounds = rounds;
    r.ops = ops;
    r.aMicros = Stats.median(av[0]);
    r.bMicros = Stats.median(bv[0]);
    r.aCpuMicros = Stats.median(av[1]);
    r.bCpuMicros = Stats.median(bv[1]);
    r.aBytes = Stats.median(av[2]);
    r.bBytes = Stats.median(bv[2]);
    r.timeRatio = Stats.median(ratio[0]);
    r.cpuRatio = Stats.median(ratio[1]);
    r.allocRatio = Stats.median(ratio[2]);
    return r;
  }

  /** Wall us, CPU us and bytes per op of one block on this thread. */
  static double[] block(Op op, int ops) throws Exception {
    long id = Thread.currentThread().getId();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long bytes = THREADS.getThreadAllocatedBytes(id);
    long start = System.nanoTime();
    int sink = 0;
    for (int i = 0; i < ops; i++) {
      sink += op.run() == null ? 0 : 1;
    }
    long wall = System.nanoTime() - start;
    long allocated = THREADS.getThreadAllocatedBytes(id) - bytes;
    long cpuUsed = THREADS.getCurrentThreadCpuTime() - cpu;
    if (sink != ops) {
      throw new IllegalStateException("an operation returned null");
    }
    return new double[] {wall / 1000.0 / ops, cpuUsed / 1000.0 / ops, (double) allocated / ops};
  }
}
