package ai.puffle.sdk.testkit.internal.trigger;

/**
 * The run statuses the emulator's runs go through, under their database names (what the realtime
 * feed carries) with the public names that retrieve answers for API version {@code 2025-07-16}
 * and for older clients, and the retrieve booleans of each. Only the statuses the emulator's tasks
 * reach are listed; Trigger.dev has more (CANCELED, CRASHED, SYSTEM_FAILURE, EXPIRED, ...).
 */
enum RunStatus {
  /** Queued, waiting for a worker. */
  PENDING("QUEUED", "QUEUED", Group.QUEUED),
  /** Taken by a worker, not yet executing (run engine v4). Older API versions see EXECUTING. */
  DEQUEUED("DEQUEUED", "EXECUTING", Group.EXECUTING),
  /** The task is running. */
  EXECUTING("EXECUTING", "EXECUTING", Group.EXECUTING),
  /** The task returned. */
  COMPLETED_SUCCESSFULLY("COMPLETED", "COMPLETED", Group.SUCCEEDED),
  /** The task failed (after its retries). */
  COMPLETED_WITH_ERRORS("FAILED", "FAILED", Group.FAILED);

  /** The API version that gets {@link #apiName}; any other value gets {@link #legacyApiName}. */
  static final String CURRENT_API_VERSION = "2025-07-16";

  private enum Group {
    QUEUED,
    EXECUTING,
    SUCCEEDED,
    FAILED
  }

  private final String apiName;
  private final String legacyApiName;
  private final Group group;

  RunStatus(String apiName, String legacyApiName, Group group) {
    this.apiName = apiName;
    this.legacyApiName = legacyApiName;
    this.group = group;
  }

  /** The name retrieve answers under the given {@code x-trigger-api-version} (may be null). */
  String apiName(String apiVersion) {
    return CURRENT_API_VERSION.equals(apiVersion) ? apiName : legacyApiName;
  }

  /** The name the realtime feed carries: older API versions see DEQUEUED as EXECUTING. */
  String feedName(String apiVersion) {
    return this == DEQUEUED && !CURRENT_API_VERSION.equals(apiVersion) ? EXECUTING.name() : name();
  }

  /** Whether the run is over (the realtime feed sets completedAt, retrieve finishedAt). */
  boolean isFinal() {
    return group == Group.SUCCEEDED || group == Group.FAILED;
  }

  boolean isQueued() {
    return group == Group.QUEUED;
  }

  boolean isExecuting() {
    return group == Group.EXECUTING;
  }

  boolean isSuccess() {
    return group == Group.SUCCEEDED;
  }

  boolean isFailed() {
    return group == Group.FAILED;
  }
}
