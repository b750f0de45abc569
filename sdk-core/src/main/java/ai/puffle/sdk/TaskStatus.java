package ai.puffle.sdk;

/** stub */
public enum TaskStatus {
  IDLE, CHAT_PROCESSING, GENERATING_EXAMPLES, UNKNOWN;

  public boolean isBusy() {
    return this != IDLE;
  }

  public static TaskStatus fromWire(String v) {
    if (v == null) return IDLE;
    switch (v) {
      case "chat_processing": return CHAT_PROCESSING;
      case "generating_examples": return GENERATING_EXAMPLES;
      default: return UNKNOWN;
    }
  }
}
