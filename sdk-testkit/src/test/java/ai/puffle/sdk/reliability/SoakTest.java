package ai.puffle.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak: 10,000 turnAndWait flows through the async client against the emulator, 10% of all
 * requests faulted at random. Every flow must end before its deadline (completed, or a typed
 * PuffleException), no turn may be accepted twice or lost, and heap and threads must come back to
 * where they started once the client is closed.
 *
 * <p>Excluded from the default build; run it with
 * {@code mvn -o -q -pl sdk-testkit -am verify -Psoak}. System properties: {@code soak.seed}
 * (replay a run: the seed drives the fault draw and the emulator's ids), {@code soak.flows}
 * (10000), {@code soak.inFlight} (200 sessions, one flow each at a time), {@code soak.rate} (0.1).
 * With more than one flow in flight the order of requests, and so which request draws which
 * fault, varies between runs of the same seed; {@code -Dsoak.inFlight=1} makes a replay exact.
 */
@Tag("soak")
class SoakTest {
  /** Heap that may remain after close: caches warmed before the baseline are not counted. */
  private static final long HEAP_SLACK_BYTES = 16L * 1024 * 1024;
  /** Threads that may linger (the JVM's own, e.g. a GC or JIT helper starting meanwhile). */
  private static final int THREAD_SLACK = 2;

  @Test
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  void turnFlowsUnderRandomFaults() throws Exception {
    long seed = Long.getLong("soak.seed", new Random().nextLong());
    int flows = Integer.getInteger("soak.flows", 10_000);
    int inFlight = Integer.getInteger("soak.inFlight", 200);
    double rate = Double.parseDouble(System.getProperty("soak.rate", "0.1"));
    System.out.println("soak: seed " + seed + " (replay with -Dsoak.seed=" + seed + "), " + flows
        + " flows, " + inFlight + " in flight, " + (rate * 100) + "% of requests faulted");

    Set<Thread> initial = JvmProbe.snapshot();
    new SoakRun(seed ^ 0x5eed, 50, 10, 0).execute();  // warm-up: classes, JIT, static caches
    awaitQuiet(initial, 10);
    Set<Thread> threadsBefore = JvmProbe.snapshot();
    int liveBefore = JvmProbe.liveThreads();
    long heapBefore = JvmProbe.usedHeapAfterGc();

    SoakRun run = new SoakRun(seed, flows, inFlight, rate);
    int peakThreads;
    int peakSdkThreads;
    try (JvmProbe probe = new JvmProbe()) {
      run.execute();
      peakThreads = probe.peakThreads();
      peakSdkThreads = probe.peakSdkThreads();
    }
    List<String> sdkAfterClose = awaitNoSdkThreads(5);
    long closedAt = System.nanoTime();
    // OkHttp's shared TaskRunner threads (used by the emulator's server and by connection pools)
    // end after 60 s idle: wait for them rather than excuse them.
    List<String> lingering = awaitQuiet(threadsBefore, 90);
    long quietAfterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closedAt);
    int liveAfter = JvmProbe.liveThreads();
    long heapAfter = JvmProbe.usedHeapAfterGc();

    String report = String.join("\n",
        "soak figures (seed " + seed + ")",
        "  flows            " + run.flows + " (" + run.inFlight + " in flight)",
        "  completed        " + run.completed.get(),
        "  typed failures   " + run.failuresByType(),
        "  untyped failures " + run.untyped.size(),
        "  hung / late      " + run.hung + " / " + run.late.size()
            + " (slowest flow " + TimeUnit.NANOSECONDS.toMillis(run.slowestFlowNanos.get()) + " ms)",
        "  turns accepted   " + run.accepted + " (duplicates " + run.duplicates + ", lost "
            + run.lost + ", taken although the flow failed " + run.failedButTaken + ")",
        "  requests         " + run.requests + " (" + run.injectedFaults + " faulted)",
        "  client retries   " + run.retriesByReason(),
        "  wall time        " + run.wallMillis + " ms",
        "  threads          " + liveBefore + " before, peak " + peakThreads + " (SDK threads peak "
            + peakSdkThreads + "); after close: SDK threads " + sdkAfterClose.size() + ", all "
            + liveAfter + (lingering.isEmpty()
                ? " (every thread started since the baseline had ended " + quietAfterMillis
                    + " ms after close)"
                : " (still alive " + quietAfterMillis + " ms after close: " + lingering + ")"),
        "  heap after GC    " + mb(heapBefore) + " before, " + mb(heapAfter) + " after close");
    System.out.println(report);
    run.samples.forEach((type, messages) -> messages.forEach(
        m -> System.out.println("  sample " + type + ": " + m)));
    run.takenButFailed.forEach(m -> System.out.println("  taken, but the flow failed: " + m));

    List<String> problems = new ArrayList<>();
    check(problems, run.hung == 0, run.hung + " flow(s) never ended");
    check(problems, run.late.isEmpty(), "flows over their deadline: " + run.late);
    check(problems, run.untyped.isEmpty(), "failures that are not PuffleException: " + run.untyped);
    check(problems, run.duplicates == 0, run.duplicates + " turn(s) accepted twice");
    check(problems, run.lost == 0, run.lost + " completed flow(s) whose turn was not accepted once");
    check(problems, run.completed.get() + run.failures.values().stream().mapToInt(i -> i).sum()
        == run.flows, "flows unaccounted for");
    check(problems, sdkAfterClose.isEmpty(), "SDK threads alive after close: " + sdkAfterClose);
    check(problems, liveAfter <= liveBefore + THREAD_SLACK,
        "threads after close " + liveAfter + " > " + liveBefore + ": " + lingering);
    check(problems, heapAfter <= heapBefore + HEAP_SLACK_BYTES,
        "heap after close " + mb(heapAfter) + " > " + mb(heapBefore) + " + slack");
    assertEquals(List.of(), problems, report);
    assertTrue(run.completed.get() > 0);
  }

  /** Waits until no SDK thread is alive, or the time is up; those left. */
  private static List<String> awaitNoSdkThreads(int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> left = JvmProbe.sdkThreads();
    while (!left.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(20);
      left = JvmProbe.sdkThreads();
    }
    return left;
  }

  /** Waits until no thread started since {@code before} is alive, or the time is up; the rest. */
  private static List<String> awaitQuiet(Set<Thread> before, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<String> left = JvmProbe.newThreads(before);
    while (!left.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(100);
      left = JvmProbe.newThreads(before);
    }
    return left;
  }

  private static void check(List<String> problems, boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
