package ai.puffle.sdk.internal.run;

import java.util.Optional;

/**
 * How a watch ended: the run is over ({@link Reason#RUN_OVER}, with its final update), or the
 * watcher stopped following it (any other reason, with a short detail). After anything but
 * {@code RUN_OVER} the caller goes on without the run (by polling the Puffle session). Neither the
 * detail nor {@link #toString()} ever holds the run's token or a response body.
 */
public final class RunOutcome {
  /** Why a watch ended. */
  public enum Reason {
    /** The run is over: its end time is set or its status is final. */
    RUN_OVER,
    /** 401: the token was refused (expired or not valid). */
    TOKEN_REJECTED,
    /** 403: the token does not cover this run. */
    FORBIDDEN,
    /** 404 from retrieve, without {@code x-should-retry}, or still after the retry window. */
    NOT_FOUND,
    /** Trigger.dev could not be reached, or kept failing (5xx, 429, timeouts), too many times in a row. */
    UNAVAILABLE,
    /** A response this client cannot follow (garbage body, missing headers, unreadable schema). */
    UNREADABLE,
    /** {@link RunWatch#cancel()} (or the outcome future was cancelled). */
    CANCELLED,
    /** The client was closed. */
    CLIENT_CLOSED,
    /** A bug in the watcher (the detail names the exception type); the caller goes on without it. */
    INTERNAL_ERROR,
    /** Run watching is off ({@code watchRuns(false)}). */
    DISABLED,
    /** The handle has no run id or token ({@code RunHandle.unknown()}): nothing to watch. */
    NO_RUN
  }

  private final Reason reason;
  private final String detail;
  private final RunUpdate last;

  private RunOutcome(Reason reason, String detail, RunUpdate last) {
    this.reason = reason;
    this.detail = detail;
    this.last = last;
  }

  static RunOutcome over(RunUpdate last) {
    return new RunOutcome(Reason.RUN_OVER, "the run is over (" + last.status() + ")", last);
  }

  static RunOutcome stopped(Reason reason, String detail, RunUpdate last) {
    return new RunOutcome(reason, detail, last);
  }

  /** Whether the run is over (else the watch stopped without knowing). */
  public boolean isRunOver() {
    return reason == Reason.RUN_OVER;
  }

  /** Why the watch ended. */
  public Reason reason() {
    return reason;
  }

  /** A short explanation, e.g. {@code "retrieve answered 401"}. */
  public String detail() {
    return detail;
  }

  /** The final status when the run is over; empty otherwise. */
  public Optional<RunStatus> finalStatus() {
    return isRunOver() ? Optional.of(last.status()) : Optional.empty();
  }

  /** The last update received (the final one when the run is over), if any. */
  public Optional<RunUpdate> lastUpdate() {
    return Optional.ofNullable(last);
  }

  @Override
  public String toString() {
    return "RunOutcome{" + reason + ": " + detail + "}";
  }
}
