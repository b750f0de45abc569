package ai.puffle.sdk.internal.exec;

import dev.failsafe.spi.Scheduler;

/**
 * Time as the client sees it: a monotonic clock, the scheduler that runs blocking calls on the
 * caller's thread (sleeping between attempts), and the scheduler that runs asynchronous attempts
 * and polls. Tests replace it with virtual time.
 */
public interface Timing extends AutoCloseable {
  /** Monotonic time in nanoseconds. */
  long nanoTime();

  /**
   * A uniformly distributed number in [0, 1), for jitter. Tests on virtual time replace it with
   * a seeded source, so that they replay exactly.
   */
  default double random() {
    return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
  }

  /** Runs every attempt of a blocking call on the calling thread, sleeping between them. */
  Scheduler blocking();

  /** Runs the attempts and polls of asynchronous calls without holding a thread while waiting. */
  Scheduler async();

  /**
   * How HTTP calls end at their deadline: OkHttp's call timeout, on real time, unless the timing
   * has a cheaper way ({@link SystemTiming}). A clock other than real time still bounds real I/O
   * by real time.
   */
  default CallDeadlines callDeadlines() {
    return CallDeadlines.OKHTTP;
  }

  /** Stops the asynchronous scheduler's thread, if one was started. */
  @Override
  void close();
}
