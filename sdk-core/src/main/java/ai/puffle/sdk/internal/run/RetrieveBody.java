package ai.puffle.sdk.internal.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads a retrieve response ({@code GET /api/v3/runs/{id}}) into a {@link RunUpdate}. */
final class RetrieveBody {
  private RetrieveBody() {}

  /**
   * The update {@code body} describes. The run is over when {@code finishedAt} is present (read
   * as an instant when it can be) or its status is final; {@code isCompleted} is ignored, since
   * the server leaves {@code EXPIRED} and {@code TIMED_OUT} out of it.
   *
   * @throws UnreadableResponse when it is not a JSON object with a string {@code status}
   */
  @SuppressWarnings("unchecked")
  static RunUpdate parse(String runId, String body) throws UnreadableResponse {
    Object tree;
    try {
      tree = RunFields.json(body);
    } catch (IllegalArgumentException e) {
      throw new UnreadableResponse("retrieve's body is not JSON");
    }
    if (!(tree instanceof Map) || !(((Map<?, ?>) tree).get("status") instanceof String)) {
      throw new UnreadableResponse("retrieve's body is not a run (no status)");
    }
    Map<String, Object> run = (Map<String, Object>) tree;
    Object finished = run.get("finishedAt");
    Object metadata = RunFields.metadata(run.get("metadata"), null);
    List<String> streams = RunFields.streams(metadata, run.get("realtimeStreams"));
    return new RunUpdate(runId, RunUpdate.Source.RETRIEVE, (String) run.get("status"),
        finished != null, instant(finished), run, metadata, streams);
  }

  private static Instant instant(Object value) {
    if (!(value instanceof String)) {
      return null;
    }
    try {
      return ShapeValues.instant((String) value);
    } catch (RuntimeException unreadable) {
      return null;
    }
  }
}
