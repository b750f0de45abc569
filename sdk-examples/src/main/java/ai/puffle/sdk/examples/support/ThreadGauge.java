package ai.puffle.sdk.examples.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Counts the JVM's live threads whose names pass a filter: now, and the most seen by {@link
 * #sample()}. Call {@code sample()} from progress listeners to catch the peak while waits run.
 */
public final class ThreadGauge {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Predicate<String> counted;
  private final AtomicInteger peak = new AtomicInteger();

  /** A gauge counting the threads whose names {@code counted} accepts. */
  public ThreadGauge(Predicate<String> counted) {
    this.counted = counted;
  }

  /** A gauge counting every thread but the embedded emulator's server threads ({@code MockWebServer ...}). */
  public static ThreadGauge withoutEmulator() {
    return new ThreadGauge(name -> !name.startsWith("MockWebServer"));
  }

  /** The number of counted live threads now. */
  public int live() {
    int n = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && counted.test(info.getThreadName())) {
        n++;
      }
    }
    return n;
  }

  /** Counts the live threads and remembers the count if it is the highest so far. */
  public int sample() {
    int now = live();
    peak.accumulateAndGet(now, Math::max);
    return now;
  }

  /** The highest count sampled so far (0 before the first sample). */
  public int peak() {
    return peak.get();
  }
}
