package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.StreamVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Trigger.dev run: its TaskRun row as the feed and retrieve read it, the row's change log,
 * its shape handle, its public access token, and the stream its task writes (a turn's {@code
 * chat} stream, listed in {@code realtimeStreams} and in the legacy {@code metadata.$$streams}
 * from the moment the task starts executing) in the run's stream wire version.
 *
 * <p>The change log is what the feed's offsets point into: entry 0 is the row as created, each
 * later entry the columns one change set (Electric's partial update; the feed adds {@code id}). A
 * queued run takes its queue steps (DEQUEUED, then EXECUTING) when their instants have passed and
 * someone looks ({@link #catchUp}), so they cost no clock task; its end comes from the task. Kept
 * small (typed fields; rows and changes are built when asked for), as the emulator keeps every
 * run.
 *
 * <p>Guarded by its own monitor: callers synchronize on the record, and held feed requests wait
 * on it. The token never appears in {@link #toString()}.
 */
public final class RunRecord {
  /** How long a public access token is accepted after its run is created (Trigger.dev: 1 h). */
  static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

  private final String internalId;
  private final String friendlyId;
  private final String token;
  private final String taskIdentifier;
  private final String sessionId;
  private final int number;
  private final Instant createdAt;
  private final Instant dequeueAt;
  private final Instant startAt;
  private final StreamVersion streamVersion;
  private final RunStream stream;
  private boolean tokenRevoked;
  private RunStatus status = RunStatus.PENDING;
  private Instant updatedAt;
  private Instant startedAt;
  private Instant completedAt;
  private Map<String, Object> output;
  private Map<String, Object> error;
  /** Per entry after the first: column, value, column, value ... ({@code updatedAt} last). */
  private final List<Object[]> log = new ArrayList<>(4);
  private int handleGeneration;

  RunRecord(
      String internalId,
      String friendlyId,
      String token,
      String taskIdentifier,
      String sessionId,
      int number,
      Instant createdAt,
      Instant dequeueAt,
      Instant startAt,
      StreamVersion streamVersion,
      RunStream stream) {
    this.internalId = internalId;
    this.friendlyId = friendlyId;
    this.token = token;
    this.taskIdentifier = taskIdentifier;
    this.sessionId = sessionId;
    this.number = number;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.dequeueAt = dequeueAt;
    this.startAt = startAt;
    this.streamVersion = streamVersion;
    this.stream = stream;
    log.add(null); // entry 0, the row as created: only ever sent whole, as the snapshot
  }

  /** The run id handed to clients ({@code run_...}). */
  public String friendlyId() {
    return friendlyId;
  }

  /** The run's public access token, scoped to this run only. A secret: never log it. */
  public String publicAccessToken() {
    return token;
  }

  /** Whether the token is no longer accepted: revoked by a fault, or past its lifetime. */
  boolean tokenExpired(Instant now) {
    return tokenRevoked || !now.isBefore(createdAt.plus(TOKEN_LIFETIME));
  }

  void revokeToken() {
    tokenRevoked = true;
  }

  String internalId() {
    return internalId;
  }

  String taskIdentifier() {
    return taskIdentifier;
  }

  RunStatus status() {
    return status;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }

  /** When the task started executing, or null. */
  Instant startedAt() {
    return startedAt;
  }

  /** When the run ended, or null. */
  Instant completedAt() {
    return completedAt;
  }

  int usageDurationMs() {
    return startedAt == null || completedAt == null
        ? 0 : (int) Duration.between(startedAt, completedAt).toMillis();
  }

  /** The task's payload. */
  Map<String, Object> payload() {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("sessionId", sessionId);
    return payload;
  }

  /** The task's output once it completed, else null. */
  Map<String, Object> output() {
    return output;
  }

  /** {@code {type, name, message, stackTrace}} once it failed, else null. */
  Map<String, Object> error() {
    return error;
  }

  /** The wire version its streams are served in. */
  StreamVersion streamVersion() {
    return streamVersion;
  }

  /** The stream its task writes, or null (an example run writes none). */
  RunStream stream() {
    return stream;
  }

  /** The stream keys listed on the run: the task's once it executes, else none. */
  List<String> streamKeys() {
    return stream != null && startedAt != null ? List.of(stream.key) : List.of();
  }

  /**
   * The run's metadata: {@code {"$$streams": [key]}} once its task writes a stream (the legacy
   * place Trigger.dev's SDK also reads stream keys from), else null.
   */
  Map<String, Object> metadata() {
    List<String> keys = streamKeys();
    if (keys.isEmpty()) {
      return null;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("$$streams", keys);
    return metadata;
  }

  /** The whole row as it is now, typed, in column order. */
  Map<String, Object> row(TriggerJson json) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", internalId);
    row.put("taskIdentifier", taskIdentifier);
    row.put("createdAt", createdAt);
    row.put("updatedAt", updatedAt);
    row.put("startedAt", startedAt);
    row.put("delayUntil", null);
    row.put("queuedAt", createdAt);
    row.put("expiredAt", null);
    row.put("completedAt", completedAt);
    row.put("friendlyId", friendlyId);
    row.put("number", number);
    row.put("isTest", false);
    row.put("status", status);
    row.put("usageDurationMs", usageDurationMs());
    row.put("costInCents", 0);
    row.put("baseCostInCents", 0);
    row.put("ttl", null);
    row.put("payload", json.write(payload()));
    row.put("payloadType", "application/json");
    row.put("metadata", metadata() == null ? null : json.write(metadata()));
    row.put("metadataType", "application/json");
    row.put("output", output == null ? null : json.write(output));
    row.put("outputType", "application/json");
    row.put("runTags", null); // no tags: NULL, as the column has no default
    row.put("error", error);
    row.put("realtimeStreams", streamKeys());
    return row;
  }

  /** The index of the newest change-log entry. */
  int lastIndex() {
    return log.size() - 1;
  }

  /** The change-log entries after {@code index} (at least 0), oldest first, typed. */
  List<Map<String, Object>> changesAfter(int index, TriggerJson json) {
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Object[] entry : log.subList(index + 1, log.size())) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("id", internalId);
      for (int i = 0; i < entry.length; i += 2) {
        Object value = entry[i + 1];
        // output and metadata are text columns holding JSON; error is jsonb
        change.put((String) entry[i], value instanceof Map && !"error".equals(entry[i])
            ? json.write(value) : value);
      }
      changes.add(change);
    }
    return changes;
  }

  /** The current shape handle; a rotation gives a new one. */
  String handle() {
    return number + "-" + createdAt.toEpochMilli() + String.format("%03d", handleGeneration);
  }

  /** Drops the current shape: clients must refetch from {@code offset=-1} with a new handle. */
  void rotateHandle() {
    handleGeneration++;
  }

  /** Takes the queue steps whose instants are not after {@code now}; true if any was taken. */
  boolean catchUp(Instant now) {
    boolean changed = false;
    if (status == RunStatus.PENDING && !dequeueAt.isAfter(now)) {
      status = RunStatus.DEQUEUED;
      updatedAt = dequeueAt;
      log.add(new Object[] {"status", status, "updatedAt", updatedAt});
      changed = true;
    }
    if (status == RunStatus.DEQUEUED && !startAt.isAfter(now)) {
      start(startAt);
      changed = true;
    }
    return changed;
  }

  private void start(Instant at) {
    status = RunStatus.EXECUTING;
    startedAt = at;
    updatedAt = at;
    if (stream == null) {
      log.add(new Object[] {"status", status, "startedAt", at, "updatedAt", at});
    } else {
      log.add(new Object[] {"status", status, "startedAt", at, "metadata", metadata(),
          "realtimeStreams", streamKeys(), "updatedAt", at});
    }
  }

  /** When the next queue step falls due, or null when the run is executing or over. */
  Instant nextStepAt() {
    switch (status) {
      case PENDING:
        return dequeueAt;
      case DEQUEUED:
        return startAt;
      default:
        return null;
    }
  }

  /** Ends the run at {@code at} (queue steps due by then are taken first). Ignored once over. */
  void finish(RunEnd end, Instant at) {
    if (status.isFinal()) {
      return;
    }
    catchUp(at);
    if (status != RunStatus.EXECUTING) {
      start(at);
    }
    status = end.status;
    completedAt = at;
    updatedAt = at;
    output = end.output;
    error = end.error;
    log.add(new Object[] {"status", status, "completedAt", at,
        "usageDurationMs", usageDurationMs(), "output", output, "error", error, "updatedAt", at});
    if (stream != null) {
      stream.finish(end, at);
    }
  }

  @Override
  public String toString() {
    return "RunRecord{" + friendlyId + "}";
  }
}
