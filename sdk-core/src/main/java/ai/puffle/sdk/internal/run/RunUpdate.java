package ai.puffle.sdk.internal.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of a run at one moment: from the realtime feed (the row, once the feed is up to
 * date) or from a retrieve. Immutable.
 *
 * <p>{@link #fields()} is the raw run: the feed's row with each value decoded by its column type
 * ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code Instant}, {@code List}, or
 * a JSON tree of {@code Map}/{@code List}/{@code String}/{@code Double}/{@code Boolean}), or the
 * retrieve response's JSON object as a tree. {@link #toString()} shows no value.
 */
public final class RunUpdate {
  /** Where an update came from. */
  public enum Source {
    /** The realtime run feed ({@code /realtime/v1/runs/{id}}), database status names. */
    FEED,
    /** A retrieve ({@code /api/v3/runs/{id}}), API status names. */
    RETRIEVE
  }

  private final String runId;
  private final Source source;
  private final RunStatus status;
  private final String rawStatus;
  private final boolean finishedMarked;
  private final Instant finishedAt;
  private final Map<String, Object> fields;
  private final Object metadata;
  private final List<String> realtimeStreams;

  RunUpdate(String runId, Source source, String rawStatus, boolean finishedMarked, Instant finishedAt,
      Map<String, Object> fields, Object metadata, List<String> realtimeStreams) {
    this.runId = runId;
    this.source = source;
    this.rawStatus = rawStatus;
    this.status = source == Source.FEED ? RunStatus.fromDatabase(rawStatus) : RunStatus.fromApi(rawStatus);
    this.finishedMarked = finishedMarked;
    this.finishedAt = finishedAt;
    this.fields = fields;
    this.metadata = metadata;
    this.realtimeStreams = realtimeStreams;
  }

  /** The run id that was watched ({@code run_...}). */
  public String runId() {
    return runId;
  }

  /** The feed or a retrieve. */
  public Source source() {
    return source;
  }

  /** The status, mapped to the API's names; {@link RunStatus#UNKNOWN} for a name not known. */
  public RunStatus status() {
    return status;
  }

  /** The status exactly as the server wrote it, or null when it sent none. */
  public String rawStatus() {
    return rawStatus;
  }

  /**
   * Whether the run is over: its end time is set ({@code completedAt} on the feed, {@code
   * finishedAt} on retrieve) or its status is final.
   */
  public boolean isOver() {
    return finishedMarked || status.isFinal();
  }

  /** When the run ended, when the server said so in a form this client reads. */
  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  /** Every field of the run as received, decoded (see the class comment). Unmodifiable. */
  public Map<String, Object> fields() {
    return fields;
  }

  /**
   * The run's metadata as a JSON tree, when it has some that this client can read (JSON, or the
   * JSON part of superjson); empty when absent or offloaded.
   */
  public Optional<Object> metadata() {
    return Optional.ofNullable(metadata);
  }

  /**
   * The keys of the run's realtime streams: {@code metadata.$$streams} when it lists some (older
   * runs), else the row's {@code realtimeStreams}. Empty when none.
   */
  public List<String> realtimeStreams() {
    return realtimeStreams;
  }

  /** Whether this update says something new compared with {@code previous}. */
  boolean differsFrom(RunUpdate previous) {
    return previous == null || !fields.equals(previous.fields)
        || !Objects.equals(rawStatus, previous.rawStatus);
  }

  @Override
  public String toString() {
    return "RunUpdate{runId=" + runId + ", source=" + source + ", status=" + status
        + (status == RunStatus.UNKNOWN ? " (" + plainName(rawStatus) + ")" : "") + ", over=" + isOver()
        + ", " + fields.size() + " fields}";
  }

  /** A status name as servers write them; anything else is not shown (a server may echo anything). */
  private static String plainName(String s) {
    return s != null && s.matches("[A-Z_]{1,40}") ? s : "not shown";
  }
}
