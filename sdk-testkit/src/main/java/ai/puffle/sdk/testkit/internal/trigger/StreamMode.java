package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.Fault;

/**
 * What an injected fault does to one stream connection; the one place that maps faults onto a
 * stream. Faults that shape an ordinary response (an error status, an HTML page, a dropped
 * connection before the response, a delay) are not stream modes: the dispatcher sends them as it
 * does for every request. Immutable.
 */
public final class StreamMode {
  static final StreamMode NORMAL = new StreamMode(-1, -1, false, false);

  /** Drop the connection after this many chunks; -1 never. */
  final int dropAfter;
  /** Write nothing more, pings included, after this many chunks; -1 never. */
  final int stallAfter;
  /** Send every chunk twice. */
  final boolean duplicate;
  /** Start with one event whose data is not JSON. */
  final boolean garbageFirst;

  private StreamMode(int dropAfter, int stallAfter, boolean duplicate, boolean garbageFirst) {
    this.dropAfter = dropAfter;
    this.stallAfter = stallAfter;
    this.duplicate = duplicate;
    this.garbageFirst = garbageFirst;
  }

  /**
   * Whether the stream itself carries out {@code fault} (rather than the ordinary response
   * pipeline): the stream faults, a malformed or truncated body (an event that is not JSON), a
   * disconnect mid-body (dropped after one chunk) and a stall after processing (no chunk at all).
   */
  public static boolean shapesStream(Fault fault) {
    if (fault == null) {
      return false;
    }
    switch (fault.kind()) {
      case STREAM_DROPPED:
      case STREAM_DUPLICATES:
      case STREAM_STALLED:
      case MALFORMED_JSON:
      case TRUNCATED_JSON:
      case DISCONNECT_MID_BODY:
        return true;
      case STALL:
        return fault.processed();
      default:
        return false;
    }
  }

  /** The mode for {@code fault} (null or one the stream does not carry out: {@link #NORMAL}). */
  static StreamMode of(Fault fault) {
    if (!shapesStream(fault)) {
      return NORMAL;
    }
    switch (fault.kind()) {
      case STREAM_DROPPED:
        return new StreamMode(fault.events(), -1, false, false);
      case DISCONNECT_MID_BODY:
        return new StreamMode(1, -1, false, false);
      case STREAM_STALLED:
        return new StreamMode(-1, fault.events(), false, false);
      case STALL:
        return new StreamMode(-1, 0, false, false);
      case STREAM_DUPLICATES:
        return new StreamMode(-1, -1, true, false);
      default: // MALFORMED_JSON, TRUNCATED_JSON
        return new StreamMode(-1, -1, false, true);
    }
  }

  /** How many more chunks may be written after {@code written}; -1 for no limit. */
  int room(int written) {
    int limit = dropAfter >= 0 ? dropAfter : stallAfter;
    return limit < 0 ? -1 : Math.max(0, limit - written);
  }
}
