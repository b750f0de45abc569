package ai.puffle.sdk.testkit.internal.trigger;

import java.time.Duration;
import java.time.Instant;

/** What the runs need from the emulator's clock. Implementations are thread-safe. */
public interface RunClock {
  /** The emulator's current time. */
  Instant now();

  /** Whether time is virtual (moves only when a test advances it). */
  boolean isVirtual();

  /**
   * The emulator time that {@code serviceTime} after {@code from} falls on: the same duration on
   * a virtual clock, the duration times the scale on a scaled one.
   */
  Instant after(Instant from, Duration serviceTime);

  /** The wall-clock length of {@code serviceTime} on a scaled clock (unused when virtual). */
  Duration wallTime(Duration serviceTime);

  /**
   * Registers {@code listener} to run, outside any clock lock, each time a virtual clock has moved
   * (not called on a scaled clock, whose time simply passes).
   */
  void onTimeMoved(Runnable listener);
}
