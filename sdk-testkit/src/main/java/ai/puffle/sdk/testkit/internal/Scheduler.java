package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.FakeClock;
import java.time.Duration;

/** The emulator's clock, which also runs tasks when they fall due. */
interface Scheduler extends FakeClock, AutoCloseable {
  /** Runs {@code task} after {@code delay} of service time (scaled or virtual). */
  void schedule(Duration delay, Runnable task);

  /** Stops running tasks. */
  @Override
  void close();
}
