package ai.puffle.sdk.testkit;

import java.util.Objects;

/**
 * How time passes for {@link FakePuffle}'s asynchronous tasks (turns, example generation).
 *
 * <ul>
 *   <li>{@link #virtual()}: time stands still until the test calls {@link FakeClock#advance}; tasks
 *       then complete deterministically, in due order, on the calling thread.
 *   <li>{@link #scaled(double)}: real time multiplied by a factor; {@code scaled(0.01)} turns the
 *       real service's 15 s turn into 150 ms. Tasks complete on a background thread.
 * </ul>
 */
public final class TimeMode {
  private static final TimeMode VIRTUAL = new TimeMode(true, 0);

  private final boolean virtual;
  private final double scale;

  private TimeMode(boolean virtual, double scale) {
    this.virtual = virtual;
    this.scale = scale;
  }

  /** A virtual clock that only moves when the test advances it. */
  public static TimeMode virtual() {
    return VIRTUAL;
  }

  /**
   * Real time scaled by {@code factor}: a task lasting {@code d} in service time completes after
   * {@code d * factor} of wall-clock time. {@code 0} completes tasks as soon as possible.
   *
   * @throws IllegalArgumentException if the factor is negative, infinite or NaN
   */
  public static TimeMode scaled(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("factor must be a finite number >= 0: " + factor);
    }
    return new TimeMode(false, factor);
  }

  /** Real time: tasks take as long as on the real service (a turn about 15 s). */
  public static TimeMode realTime() {
    return scaled(1.0);
  }

  /** Whether this is the virtual clock. */
  public boolean isVirtual() {
    return virtual;
  }

  /** The wall-clock factor of a scaled mode; {@code 0} for the virtual clock. */
  public double scale() {
    return scale;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TimeMode)) {
      return false;
    }
    TimeMode other = (TimeMode) o;
    return virtual == other.virtual && Double.compare(scale, other.scale) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(virtual, scale);
  }

  @Override
  public String toString() {
    return virtual ? "TimeMode.virtual()" : "TimeMode.scaled(" + scale + ")";
  }
}
