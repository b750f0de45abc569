package ai.puffle.sdk.internal.run;

import java.util.HashMap;
import java.util.Map;

/**
 * A Trigger.dev run's status, in the API's vocabulary (version 2025-07-16). The realtime feed
 * carries the database's names and retrieve the API's; {@link #fromDatabase} and {@link #fromApi}
 * map both here, and a name neither knows is {@link #UNKNOWN}, which is not final.
 *
 * <p>Final means the run will not change again. That includes {@link #EXPIRED} and {@link
 * #TIMED_OUT}, which the server's own {@code isCompleted} leaves out.
 */
public enum RunStatus {
  PENDING_VERSION(false),
  DELAYED(false),
  QUEUED(false),
  DEQUEUED(false),
  EXECUTING(false),
  WAITING(false),
  COMPLETED(true),
  CANCELED(true),
  FAILED(true),
  CRASHED(true),
  SYSTEM_FAILURE(true),
  EXPIRED(true),
  TIMED_OUT(true),
  /** A name this client does not know; never final. */
  UNKNOWN(false);

  private static final Map<String, RunStatus> API = new HashMap<>();
  private static final Map<String, RunStatus> DATABASE = new HashMap<>();

  static {
    for (RunStatus s : values()) {
      if (s != UNKNOWN) {
        API.put(s.name(), s);
      }
    }
    // The legacy API version's extra names.
    API.put("WAITING_FOR_DEPLOY", PENDING_VERSION);
    API.put("REATTEMPTING", EXECUTING);
    API.put("FROZEN", WAITING);
    API.put("INTERRUPTED", FAILED);

    // TaskRunStatus (schema.prisma), mapped as the TypeScript SDK does (runStream.ts).
    DATABASE.put("DELAYED", DELAYED);
    DATABASE.put("PENDING", QUEUED);
    DATABASE.put("PENDING_VERSION", PENDING_VERSION);
    DATABASE.put("WAITING_FOR_DEPLOY", PENDING_VERSION);
    DATABASE.put("DEQUEUED", DEQUEUED);
    DATABASE.put("EXECUTING", EXECUTING);
    DATABASE.put("RETRYING_AFTER_FAILURE", EXECUTING);
    DATABASE.put("WAITING_TO_RESUME", WAITING);
    DATABASE.put("PAUSED", WAITING);
    DATABASE.put("CANCELED", CANCELED);
    DATABASE.put("INTERRUPTED", FAILED);
    DATABASE.put("COMPLETED_SUCCESSFULLY", COMPLETED);
    DATABASE.put("COMPLETED_WITH_ERRORS", FAILED);
    DATABASE.put("SYSTEM_FAILURE", SYSTEM_FAILURE);
    DATABASE.put("CRASHED", CRASHED);
    DATABASE.put("EXPIRED", EXPIRED);
    DATABASE.put("TIMED_OUT", TIMED_OUT);
  }

  private final boolean isFinal;

  RunStatus(boolean isFinal) {
    this.isFinal = isFinal;
  }

  /** Whether the run is over in this status. */
  public boolean isFinal() {
    return isFinal;
  }

  /** The status a retrieve response names ({@code COMPLETED}, {@code QUEUED}, ...). */
  public static RunStatus fromApi(String name) {
    return name == null ? UNKNOWN : API.getOrDefault(name, UNKNOWN);
  }

  /** The status a feed row names ({@code COMPLETED_SUCCESSFULLY}, {@code PENDING}, ...). */
  public static RunStatus fromDatabase(String name) {
    return name == null ? UNKNOWN : DATABASE.getOrDefault(name, UNKNOWN);
  }
}
