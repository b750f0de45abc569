package ai.puffle.sdk.internal.exec;

import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.Map;

/**
 * What every request of one user call shares: its one deadline (covering every attempt, backoff,
 * busy wait, reconciliation read and wait), its busy budget, its retry rules, extra headers, its
 * {@link CallEvents}, and the {@link Flow} a cancel stops. Built once per call by the operation that
 * starts it.
 */
public final class CallScope {
  /** No deadline. */
  public static final long NO_DEADLINE = Long.MAX_VALUE;
  private static final long UNSET = Long.MIN_VALUE;

  private final Timing timing;
  private final Lifecycle lifecycle;
  private final RetryRules rules;
  private final Map<String, String> headers;
  private final CallEvents events;
  private final Flow<?> flow;
  private final long deadlineNanos;
  private final Duration busyTimeout;
  private volatile long busyDeadlineNanos = UNSET;

  /**
   * A scope.
   *
   * @param deadlineNanos the call's deadline on {@code timing}'s clock, or {@link #NO_DEADLINE}
   * @param busyTimeout how long the call may wait for a busy session in all; zero: not at all
   */
  public CallScope(
      Timing timing,
      Lifecycle lifecycle,
      RetryRules rules,
      Map<String, String> headers,
      CallEvents events,
      Flow<?> flow,
      long deadlineNanos,
      Duration busyTimeout) {
    this.timing = timing;
    this.lifecycle = lifecycle;
    this.rules = rules;
    this.headers = headers;
    this.events = events;
    this.flow = flow;
    this.deadlineNanos = deadlineNanos;
    this.busyTimeout = busyTimeout;
  }

  /** The absolute deadline {@code timeout} after now on {@code timing}'s clock. */
  public static long deadlineAfter(Timing timing, Duration timeout) {
    long now = timing.nanoTime();
    long nanos = timeout.toNanos();
    return NO_DEADLINE - now <= nanos ? NO_DEADLINE - 1 : now + nanos;
  }

  /** The client's clock and schedulers. */
  public Timing timing() {
    return timing;
  }

  /** The client's lifecycle. */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /** The retry rules of this call. */
  public RetryRules rules() {
    return rules;
  }

  /** Extra headers for every request. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The flow a cancel stops. */
  public Flow<?> flow() {
    return flow;
  }

  /** The scheduler this call's attempts and polls run on: the caller's thread, or the client's. */
  public Scheduler scheduler() {
    return flow.isBlocking() ? timing.blocking() : timing.async();
  }

  /** The call's deadline ({@link #NO_DEADLINE}: none). */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  /** Nanoseconds until the deadline (negative once it passed). */
  public long remainingNanos() {
    return deadlineNanos == NO_DEADLINE ? Long.MAX_VALUE : deadlineNanos - timing.nanoTime();
  }

  /** The busy timeout; zero when the call must not wait for a busy session. */
  public Duration busyTimeout() {
    return busyTimeout;
  }

  /**
   * When the call stops waiting for a busy session: the busy timeout counts from the first time
   * the call finds the session busy, and covers all its busy waits.
   */
  public long busyDeadlineNanos() {
    long d = busyDeadlineNanos;
    if (d == UNSET) {
      synchronized (this) {
        if (busyDeadlineNanos == UNSET) {
          busyDeadlineNanos = deadlineAfter(timing, busyTimeout);
        }
        d = busyDeadlineNanos;
      }
    }
    return d;
  }

  /** The call's events: what its listeners are told ({@link CallEvents#OFF} when none). */
  public CallEvents events() {
    return events;
  }
}
