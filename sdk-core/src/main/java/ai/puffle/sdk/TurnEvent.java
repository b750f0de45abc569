package ai.puffle.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a {@link LiveTurn} saw happen, in order: the run's status changed ({@link
 * Kind#STATUS}), a stream of the run carried a chunk ({@link Kind#CHUNK}), or the turn is over
 * ({@link Kind#END}, always the last event, with the result or the failure).
 *
 * <p>A chunk is whatever the run streamed, as JSON ({@code Map}, {@code List}, {@code String},
 * {@code Double}, {@code Boolean} or null): Puffle has not published the shape of its stream
 * events, so read them tolerantly. {@link #textDelta()} gives the text a chunk adds to the reply
 * when it carries some (a string chunk; an object of {@code type} {@code text-delta} with a
 * {@code delta}, {@code text} or {@code textDelta}; an object without a {@code type} with one of
 * {@code delta}, {@code textDelta}, {@code text}, {@code content}).
 */
public final class TurnEvent {
  /** What kind of event. */
  public enum Kind {
    /** The run's status changed ({@link #runStatus()}). */
    STATUS,
    /** A stream of the run carried a chunk ({@link #streamKey()}, {@link #chunk()}). */
    CHUNK,
    /** The turn is over: {@link #result()} or {@link #failure()}. Always the last event. */
    END
  }

  private final Kind kind;
  private final Duration elapsed;
  private final String runStatus;
  private final String streamKey;
  private final Object chunk;
  private final String textDelta;
  private final TurnResult result;
  private final PuffleException failure;
  private final long coalesced;
  private final long dropped;

  private TurnEvent(Kind kind, Duration elapsed, String runStatus, String streamKey, Object chunk,
      String textDelta, TurnResult result, PuffleException failure, long coalesced, long dropped) {
    this.kind = kind;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.runStatus = runStatus;
    this.streamKey = streamKey;
    this.chunk = chunk;
    this.textDelta = textDelta;
    this.result = result;
    this.failure = failure;
    this.coalesced = coalesced;
    this.dropped = dropped;
  }

  /**
   * The run's status became {@code runStatus} (Trigger.dev's name, such as {@code QUEUED}, {@code
   * EXECUTING} or {@code COMPLETED}). Built by the client only.
   */
  static TurnEvent status(Duration elapsed, String runStatus) {
    return new TurnEvent(Kind.STATUS, elapsed, Objects.requireNonNull(runStatus, "runStatus"),
        null, null, null, null, null, 0, 0);
  }

  /** A chunk of stream {@code streamKey}; {@code textDelta} may be null. Built by the client only. */
  static TurnEvent chunk(Duration elapsed, String streamKey, Object chunk, String textDelta) {
    return new TurnEvent(Kind.CHUNK, elapsed, null, Objects.requireNonNull(streamKey, "streamKey"),
        chunk, textDelta, null, null, 0, 0);
  }

  /**
   * The end: exactly one of {@code result} and {@code failure}; {@code coalesced} and {@code
   * dropped} count the chunks this view merged or lost because it was read too slowly. Built by
   * the client only.
   */
  static TurnEvent end(
      Duration elapsed, TurnResult result, PuffleException failure, long coalesced, long dropped) {
    if ((result == null) == (failure == null)) {
      throw new IllegalArgumentException("an end has either a result or a failure");
    }
    return new TurnEvent(Kind.END, elapsed, null, null, null, null, result, failure, coalesced, dropped);
  }

  /** What kind of event this is. */
  public Kind kind() {
    return kind;
  }

  /** Time from the start of the turn's handle to this event. */
  public Duration elapsed() {
    return elapsed;
  }

  /** For {@link Kind#STATUS}: the run's new status, Trigger.dev's name. */
  public Optional<String> runStatus() {
    return Optional.ofNullable(runStatus);
  }

  /** For {@link Kind#CHUNK}: the stream's key. */
  public Optional<String> streamKey() {
    return Optional.ofNullable(streamKey);
  }

  /** For {@link Kind#CHUNK}: the chunk as JSON (empty for a JSON {@code null} too). */
  public Optional<Object> chunk() {
    return Optional.ofNullable(chunk);
  }

  /** For {@link Kind#CHUNK}: the text the chunk adds to the reply, when it carries some. */
  public Optional<String> textDelta() {
    return Optional.ofNullable(textDelta);
  }

  /** For {@link Kind#END}: what the turn did, when it ended well. */
  public Optional<TurnResult> result() {
    return Optional.ofNullable(result);
  }

  /** For {@link Kind#END}: why waiting for the turn failed, when it did. */
  public Optional<PuffleException> failure() {
    return Optional.ofNullable(failure);
  }

  /** For {@link Kind#END}: chunks merged into others because this view was read too slowly. */
  public long coalescedChunks() {
    return coalesced;
  }

  /** For {@link Kind#END}: chunks lost because this view was read too slowly. */
  public long droppedChunks() {
    return dropped;
  }

  /** Shows the kind, status, key and text length; never the chunk or the reply. */
  @Override
  public String toString() {
    switch (kind) {
      case STATUS:
        return "TurnEvent{STATUS " + runStatus + " at " + elapsed.toMillis() + " ms}";
      case CHUNK:
        return "TurnEvent{CHUNK " + streamKey + (textDelta == null ? "" : ", " + textDelta.length() + " chars")
            + " at " + elapsed.toMillis() + " ms}";
      default:
        return "TurnEvent{END " + (result != null ? "ok" : failure.getClass().getSimpleName())
            + " at " + elapsed.toMillis() + " ms" + (dropped + coalesced > 0
                ? ", coalesced " + coalesced + ", dropped " + dropped : "") + "}";
    }
  }
}
