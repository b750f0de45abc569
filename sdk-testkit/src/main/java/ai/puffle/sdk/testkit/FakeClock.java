package ai.puffle.sdk.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * The clock of a {@link FakePuffle}: stamps {@code created_at}/{@code updated_at} and runs the
 * asynchronous tasks (turns, example generation, AI message generation) when they are due.
 *
 * <p>With {@link TimeMode#virtual()} nothing happens until the test advances the clock; with a
 * scaled mode the clock follows real time and {@link #advance} is not available.
 */
public interface FakeClock {
  /** The emulator's current time. */
  Instant now();

  /** Whether this clock is virtual (moved only by {@link #advance}). */
  boolean isVirtual();

  /**
   * Moves virtual time forward by {@code duration} and runs, on the calling thread and in due
   * order, every task that falls due meanwhile.
   *
   * @throws IllegalStateException if the clock is not virtual
   * @throws IllegalArgumentException if the duration is negative
   */
  void advance(Duration duration);

  /**
   * Moves virtual time forward until no task is pending (tasks that never finish are not
   * pending) and returns how many tasks ran.
   *
   * @throws IllegalStateException if the clock is not virtual
   */
  int advanceUntilIdle();

  /** How many scheduled tasks have not run yet. */
  int pendingTasks();
}
