package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.FakeClock;
import java.time.Duration;

/** The emulator's clock, which also runs tasks when they fall due. */
interface Scheduler extends FakeClock, AutoCloseable {
  /** Runs {@code task} after {@code delay} of service time (scaled or virtual). */
  void schedule(Duration delay, Runnable task);

  /**
   * Runs {@code listener} each time a virtual clock has moved, outside the clock's lock (a scaled
   * clock's time just passes, so it never calls it).
   */
  default void onTimeMoved(Runnable listener) {}

  /** Stops running tasks. */
  @Override
  void close();
}
