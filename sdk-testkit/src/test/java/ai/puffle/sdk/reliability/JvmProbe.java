package ai.puffle.sdk.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Heap and thread figures for the soak: used heap after GC, live thread counts, and a sampler that
 * records the peak of all threads and of the SDK's own threads ({@code puffle-*}) while it runs.
 */
final class JvmProbe implements AutoCloseable {
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final AtomicInteger peakAll = new AtomicInteger();
  private final AtomicInteger peakSdk = new AtomicInteger();
  private final Thread sampler;
  private volatile boolean running = true;

  /** Starts sampling thread counts every 50 ms. */
  JvmProbe() {
    THREADS.resetPeakThreadCount();
    sampler = new Thread(() -> {
      while (running) {
        peakAll.accumulateAndGet(THREADS.getThreadCount(), Math::max);
        peakSdk.accumulateAndGet(sdkThreads().size(), Math::max);
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "soak-probe");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** The peak number of live threads (the JVM's own peak counter and the samples). */
  int peakThreads() {
    return Math.max(peakAll.get(), THREADS.getPeakThreadCount());
  }

  /** The peak number of live SDK threads seen by the sampler. */
  int peakSdkThreads() {
    return peakSdk.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    try {
      sampler.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Used heap, in bytes, after asking for full collections until it stops shrinking. */
  static long usedHeapAfterGc() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      best = Math.min(best, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  /** Live threads, not counting this probe's sampler. */
  static int liveThreads() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !t.getName().equals("soak-probe"))
        .count();
  }

  /** The names of live threads started by the SDK. */
  static List<String> sdkThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("puffle-"))
        .sorted()
        .collect(Collectors.toList());
  }

  /** The names of live threads that were not alive in {@code before} (by name and identity). */
  static List<String> newThreads(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t) && !t.getName().equals("soak-probe"))
        .map(Thread::getName)
        .sorted()
        .collect(Collectors.toList());
  }

  /** The live threads now. */
  static Set<Thread> snapshot() {
    return Set.copyOf(Thread.getAllStackTraces().keySet());
  }
}
