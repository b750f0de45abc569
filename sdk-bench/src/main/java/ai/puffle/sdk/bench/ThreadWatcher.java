package ai.puffle.sdk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the JVM's threads during a run: the peak number of live threads (ThreadMXBean's own
 * peak counter), the number of threads started, and which new threads belong to the SDK and
 * OkHttp.
 *
 * <p>A thread is told apart by its id, sampled every few milliseconds with every name it was seen
 * under (OkHttp renames a dispatcher thread to {@code OkHttp <url>} while it runs a call, and its
 * TaskRunner renames threads to the task's name). A new thread counts as the SDK's or OkHttp's
 * when a name starts with {@code puffle-} or {@code OkHttp} and none starts with {@code
 * MockWebServer} (the emulator's own threads). The SDK's threads live 30 s or more after their
 * last use, so sampling does not miss them.
 */
public final class ThreadWatcher implements AutoCloseable {
  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Set<Long> before = new HashSet<>();
  private final Map<Long, Set<String>> seen = new ConcurrentHashMap<>();
  private final long startedBefore;
  private final Thread sampler;
  private volatile boolean running = true;

  /** Remembers the threads alive now and starts sampling. */
  public ThreadWatcher() {
    for (long id : mx.getAllThreadIds()) {
      before.add(id);
    }
    startedBefore = mx.getTotalStartedThreadCount();
    mx.resetPeakThreadCount();
    sampler = new Thread(this::sampleLoop, "bench-thread-watcher");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sampleLoop() {
    while (running) {
      sample();
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    long[] ids = mx.getAllThreadIds();
    ThreadInfo[] infos = mx.getThreadInfo(ids, 0);
    for (int i = 0; i < ids.length; i++) {
      if (infos[i] != null && !before.contains(ids[i])) {
        seen.computeIfAbsent(ids[i], k -> ConcurrentHashMap.newKeySet()).add(infos[i].getThreadName());
      }
    }
  }

  /** Starts counting the peak of live threads from now. */
  public void resetPeak() {
    mx.resetPeakThreadCount();
  }

  /** The peak number of live threads since this watcher started or {@link #resetPeak()}. */
  public int peakLiveThreads() {
    return mx.getPeakThreadCount();
  }

  /** Threads started since this watcher started (all of them, the emulator's included). */
  public long threadsStarted() {
    return mx.getTotalStartedThreadCount() - startedBefore;
  }

  /** New threads that belong to the SDK or OkHttp. */
  public int sdkAndOkHttpThreads() {
    sample();
    int count = 0;
    for (Set<String> names : seen.values()) {
      if (isSdkOrOkHttp(names)) {
        count++;
      }
    }
    return count;
  }

  /** New threads by kind (the first part of their base name), for the report. */
  public Map<String, Integer> newThreadsByKind() {
    sample();
    Map<String, Integer> kinds = new TreeMap<>();
    for (Set<String> names : seen.values()) {
      kinds.merge(kind(names), 1, Integer::sum);
    }
    return kinds;
  }

  static boolean isSdkOrOkHttp(Set<String> names) {
    boolean ours = false;
    for (String n : names) {
      if (n.startsWith("MockWebServer")) {
        return false;
      }
      ours |= n.startsWith("puffle-") || n.startsWith("OkHttp");
    }
    return ours;
  }

  private static String kind(Set<String> names) {
    String best = null;
    for (String n : names) {
      if (n.startsWith("MockWebServer")) {
        return "MockWebServer (emulator)";
      }
      if (n.startsWith("puffle-")) {
        best = n.replaceAll("-\\d+$", "-N");
      } else if (best == null && n.startsWith("OkHttp TaskRunner")) {
        best = "OkHttp TaskRunner";
      } else if (best == null) {
        best = n.replaceAll("[-\\s]\\d+$", "-N").replaceAll("OkHttp http.*", "OkHttp call");
      }
    }
    return best == null ? "?" : best;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
  }
}
