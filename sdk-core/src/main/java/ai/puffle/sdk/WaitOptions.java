package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a waiter polls a session: the first and the longest interval between polls (default 2 s
 * growing to 5 s, with 20% jitter, as Puffle advises), a total timeout (default 3 minutes for a
 * turn, 10 minutes plus 20 s per lead for examples), and whether to follow the task's run. A
 * wait's polls are told to the call's {@link PuffleEventListener}s ({@link
 * PuffleEventListener#poll}).
 *
 * <pre>{@code
 * WaitOptions wait = WaitOptions.builder().timeout(Duration.ofMinutes(5)).build();
 * }</pre>
 */
public final class WaitOptions {
  /** The default first poll interval. */
  public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(2);
  /** The default longest poll interval. */
  public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(5);
  /** The default timeout of a turn's wait. */
  public static final Duration DEFAULT_TURN_TIMEOUT = Duration.ofMinutes(3);

  private static final WaitOptions DEFAULTS = new Builder().build();

  private final Duration initialInterval;
  private final Duration maxInterval;
  private final Duration timeout;
  private final boolean watchRun;

  private WaitOptions(Builder b) {
    if (b.maxInterval.compareTo(b.initialInterval) < 0) {
      throw new InvalidInputException(
          "waitOptions.maxPollInterval", "must not be shorter than the initial poll interval");
    }
    this.initialInterval = b.initialInterval;
    this.maxInterval = b.maxInterval;
    this.timeout = b.timeout;
    this.watchRun = b.watchRun;
  }

  /** The defaults. */
  public static WaitOptions defaults() {
    return DEFAULTS;
  }

  /** A new builder, starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The first interval between polls. */
  public Duration initialPollInterval() {
    return initialInterval;
  }

  /** The longest interval between polls. */
  public Duration maxPollInterval() {
    return maxInterval;
  }

  /** The total timeout, when set; otherwise the operation's default applies. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Whether the wait follows the task's Trigger.dev run, so that it returns as soon as the run
   * ends (default true; the client's {@code watchRuns} must be on too). While the run is followed
   * the session is still polled, less often, as a safety net.
   */
  public boolean watchRun() {
    return watchRun;
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialInterval = initialInterval;
    b.maxInterval = maxInterval;
    b.timeout = timeout;
    b.watchRun = watchRun;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WaitOptions)) {
      return false;
    }
    WaitOptions other = (WaitOptions) o;
    return initialInterval.equals(other.initialInterval)
        && maxInterval.equals(other.maxInterval)
        && Objects.equals(timeout, other.timeout)
        && watchRun == other.watchRun;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialInterval, maxInterval, timeout, watchRun);
  }

  @Override
  public String toString() {
    return "WaitOptions{poll=" + initialInterval + ".." + maxInterval + ", timeout=" + timeout
        + ", watchRun=" + watchRun + "}";
  }

  /** Builds {@link WaitOptions}. Every setter checks its value at once. */
  public static final class Builder {
    private Duration initialInterval = DEFAULT_INITIAL_INTERVAL;
    private Duration maxInterval = DEFAULT_MAX_INTERVAL;
    private Duration timeout;
    private boolean watchRun = true;

    private Builder() {}

    /** The first and the longest interval between polls; both positive, max not below initial. */
    public Builder pollInterval(Duration initial, Duration max) {
      this.initialInterval = Validate.positive("waitOptions.initialPollInterval", initial);
      this.maxInterval = Validate.positive("waitOptions.maxPollInterval", max);
      return this;
    }

    /** The total time to wait. Must be positive. */
    public Builder timeout(Duration timeout) {
      this.timeout = Validate.positive("waitOptions.timeout", timeout);
      return this;
    }

    /**
     * Whether to follow the task's Trigger.dev run (default true). Off, the wait polls the
     * session only, as it also does when following the run fails.
     */
    public Builder watchRun(boolean watch) {
      this.watchRun = watch;
      return this;
    }

    /** The options. */
    public WaitOptions build() {
      return new WaitOptions(this);
    }
  }
}
