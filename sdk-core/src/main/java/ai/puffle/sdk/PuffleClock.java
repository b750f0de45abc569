package ai.puffle.sdk;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The time a client waits by: its clock, how a blocking call sleeps between attempts and polls,
 * and how an asynchronous wait is scheduled. The default ({@link PuffleClient.Builder#clock} not
 * set) is real time, with one daemon scheduler thread the client owns. A test hands in a virtual
 * clock, such as the one {@code FakePuffle} gives its clients in virtual time, so that waits
 * take no real time and run the same way every time.
 *
 * <p>Implementations must be thread-safe. The client never closes a clock it was given.
 */
public interface PuffleClock {
  /** Monotonic time in nanoseconds (any origin). */
  long nanoTime();

  /**
   * Waits {@code duration} on the calling thread: a blocking call's backoff or poll interval.
   *
   * @throws InterruptedException when the thread is interrupted (the call then stops)
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Runs {@code task} once after {@code delay}, on a thread of the clock's (never the caller's):
   * an asynchronous call's backoff or poll interval. The task is short; it hands its work to
   * OkHttp.
   */
  Cancellable schedule(Runnable task, Duration delay);

  /**
   * A number in [0, 1) for jitter. A virtual clock can return a seeded sequence so that a test's
   * waits replay exactly.
   */
  default double random() {
    return ThreadLocalRandom.current().nextDouble();
  }

  /** A scheduled task that may be cancelled before it runs. */
  interface Cancellable {
    /** Stops the task if it has not started; returns whether it was stopped. */
    boolean cancel();

    /** Whether the task ran or was cancelled. */
    boolean isDone();
  }
}
