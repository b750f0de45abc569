package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.Operation;
import java.util.List;

/**
 * Matches the paths of Trigger.dev's run endpoints on the emulator's base URL: {@code
 * /api/v3/runs/{runId}}, {@code /realtime/v1/runs/{runId}} and {@code
 * /realtime/v1/streams/{runId}/{key}}.
 */
public final class TriggerRoute {
  /** The operation matched; {@link Operation#UNKNOWN} for another method than GET. */
  public final Operation operation;
  /** The run id in the path. */
  public final String runId;
  /** The stream key of a stream path, else null. */
  public final String key;

  private TriggerRoute(Operation operation, String runId, String key) {
    this.operation = operation;
    this.runId = runId;
    this.key = key;
  }

  /** The route of a run endpoint path, or null when the path is not one. */
  public static TriggerRoute match(String method, List<String> segments) {
    Operation operation = null;
    String key = null;
    if (segments.size() == 5 && segments.get(0).equals("realtime")
        && segments.get(1).equals("v1") && segments.get(2).equals("streams")
        && !segments.get(4).isEmpty()) {
      operation = Operation.READ_STREAM;
      key = segments.get(4);
    } else if (segments.size() == 4 && segments.get(2).equals("runs")) {
      if (segments.get(0).equals("api") && segments.get(1).equals("v3")) {
        operation = Operation.RETRIEVE_RUN;
      } else if (segments.get(0).equals("realtime") && segments.get(1).equals("v1")) {
        operation = Operation.SUBSCRIBE_TO_RUN;
      }
    }
    if (operation == null || segments.get(3).isEmpty()) {
      return null;
    }
    return new TriggerRoute(
        "GET".equals(method) ? operation : Operation.UNKNOWN, segments.get(3), key);
  }
}
