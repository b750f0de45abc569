package ai.puffle.sdk.testkit.internal.trigger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** How a run's task ended: its final status and its output or error. Immutable. */
public final class RunEnd {
  final RunStatus status;
  /** The task's return value (a JSON object), or null. */
  final Map<String, Object> output;
  /** {@code {type, name, message, stackTrace}} as Trigger.dev stores a task error, or null. */
  final Map<String, Object> error;

  private RunEnd(RunStatus status, Map<String, Object> output, Map<String, Object> error) {
    this.status = status;
    this.output = output;
    this.error = error;
  }

  /** The task returned {@code output}: COMPLETED_SUCCESSFULLY ({@code COMPLETED}). */
  public static RunEnd completed(Map<String, Object> output) {
    return new RunEnd(RunStatus.COMPLETED_SUCCESSFULLY,
        new LinkedHashMap<>(Objects.requireNonNull(output, "output")), null);
  }

  /** The task threw: COMPLETED_WITH_ERRORS ({@code FAILED}) with a built-in error. */
  public static RunEnd failed(String name, String message) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", "BUILT_IN_ERROR");
    error.put("name", Objects.requireNonNull(name, "name"));
    error.put("message", message == null ? "" : message);
    error.put("stackTrace", "");
    return new RunEnd(RunStatus.COMPLETED_WITH_ERRORS, null, error);
  }

  @Override
  public String toString() {
    return "RunEnd{" + status + "}";
  }
}
