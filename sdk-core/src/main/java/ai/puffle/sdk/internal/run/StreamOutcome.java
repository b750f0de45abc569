package ai.puffle.sdk.internal.run;

/**
 * How one stream's reading ended, with what became of its chunks: every chunk received was
 * delivered, coalesced into a delivered one, or dropped ({@code received = delivered + coalesced +
 * dropped}). Neither the detail nor {@link #toString()} ever holds the run's token, a header value
 * or a response body.
 */
public final class StreamOutcome {
  /** Why a stream's reading ended. */
  public enum Reason {
    /** The run is over and the stream was read to its end (the server ended a read made after). */
    DRAINED,
    /**
     * The run's watch ended without learning that the run is over (its outcome says why); the
     * stream was read until the server had nothing more, as if the run were over.
     */
    WATCH_ENDED,
    /** Nothing at all (no chunk, no ping) arrived for the idle timeout: a stalled stream. */
    IDLE_TIMEOUT,
    /** 401: the token was refused (expired or not valid). */
    TOKEN_REJECTED,
    /** 403: the token does not cover this run. */
    FORBIDDEN,
    /** 404: the run (or its stream) is not there. */
    NOT_FOUND,
    /** Trigger.dev could not be reached, or kept failing, too many times in a row. */
    UNAVAILABLE,
    /** An answer this reader cannot follow (another status, not an event stream). */
    UNREADABLE,
    /** Stopped by its owner ({@link RunStreams#stop()}); chunks not yet delivered were dropped. */
    STOPPED,
    /** The client was closed; chunks not yet delivered were dropped. */
    CLIENT_CLOSED,
    /** Run watching is off: nothing was read. */
    DISABLED,
    /** A bug in the reader (the detail names the exception type). */
    INTERNAL_ERROR
  }

  private final Reason reason;
  private final String detail;
  private final long delivered;
  private final long coalesced;
  private final long dropped;

  StreamOutcome(Reason reason, String detail, long delivered, long coalesced, long dropped) {
    this.reason = reason;
    this.detail = detail;
    this.delivered = delivered;
    this.coalesced = coalesced;
    this.dropped = dropped;
  }

  /** Why the reading ended. */
  public Reason reason() {
    return reason;
  }

  /** A short explanation, e.g. {@code "the stream answered 401"}. */
  public String detail() {
    return detail;
  }

  /** Whether the stream was read to its end ({@link Reason#DRAINED}). */
  public boolean isDrained() {
    return reason == Reason.DRAINED;
  }

  /** Chunks handed to the listener (a coalesced chunk counts once here). */
  public long delivered() {
    return delivered;
  }

  /** Chunks merged into the chunk before them because the listener was behind. */
  public long coalesced() {
    return coalesced;
  }

  /** Chunks never handed to the listener: beyond the bound and not mergeable, or left when stopped. */
  public long dropped() {
    return dropped;
  }

  /** Every chunk received. */
  public long received() {
    return delivered + coalesced + dropped;
  }

  @Override
  public String toString() {
    return "StreamOutcome{" + reason + ": " + detail + ", delivered " + delivered + ", coalesced "
        + coalesced + ", dropped " + dropped + "}";
  }
}
