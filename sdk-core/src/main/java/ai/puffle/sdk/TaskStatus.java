package ai.puffle.sdk;

/**
 * A session's busy flag ({@code task_status}). While a session is busy, new turns, example runs
 * and generate-content calls on it are refused with HTTP 409.
 */
public enum TaskStatus {
  /** No task holds the session ({@code task_status} is {@code null}). */
  IDLE(null),
  /** A chat turn (async /turn or synchronous generate-content) holds the session. */
  CHAT_PROCESSING("chat_processing"),
  /** An example-generation run holds the session. */
  GENERATING_EXAMPLES("generating_examples"),
  /** A value this SDK version does not know; treated as busy. */
  UNKNOWN("unknown");

  private final String wireValue;

  TaskStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Whether a task holds the session (every status except {@link #IDLE}). */
  public boolean isBusy() {
    return this != IDLE;
  }

  /**
   * The JSON value: {@code null} for {@link #IDLE}, {@code "unknown"} for {@link #UNKNOWN}
   * (the server's original text is not kept), else e.g. {@code "chat_processing"}.
   */
  public String wireValue() {
    return wireValue;
  }

  /** The status for a JSON value: {@code null} is {@link #IDLE}, unknown text {@link #UNKNOWN}. */
  public static TaskStatus fromWire(String value) {
    if (value == null) {
      return IDLE;
    }
    if (CHAT_PROCESSING.wireValue.equals(value)) {
      return CHAT_PROCESSING;
    }
    if (GENERATING_EXAMPLES.wireValue.equals(value)) {
      return GENERATING_EXAMPLES;
    }
    return UNKNOWN;
  }
}
