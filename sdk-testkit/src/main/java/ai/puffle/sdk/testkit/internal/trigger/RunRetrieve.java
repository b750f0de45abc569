package ai.puffle.sdk.testkit.internal.trigger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v3/runs/{runId}}: the run as Trigger.dev's retrieve presents it, shaped so that
 * {@code @trigger.dev/sdk}'s {@code RetrieveRunResponse} schema accepts it. Optional fields are
 * left out rather than sent as null (the SDK's schema rejects null for several of them). Retrieve
 * has no {@code realtimeStreams}; a streaming run's keys show in its {@code metadata.$$streams}.
 */
final class RunRetrieve {
  /** ISO-8601 in UTC with milliseconds, as JavaScript's toISOString writes it. */
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private RunRetrieve() {}

  /** The body for a client sending {@code x-trigger-api-version: apiVersion} (may be null). */
  static TriggerAnswer answer(RunRecord run, String apiVersion, TriggerJson json) {
    RunStatus status = run.status();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", run.friendlyId());
    body.put("status", status.apiName(apiVersion));
    body.put("taskIdentifier", run.taskIdentifier());
    body.put("isQueued", status.isQueued());
    body.put("isExecuting", status.isExecuting());
    body.put("isWaiting", false);
    body.put("isCompleted", status.isFinal());
    body.put("isSuccess", status.isSuccess());
    body.put("isFailed", status.isFailed());
    body.put("isCancelled", false);
    body.put("isTest", false);
    body.put("createdAt", iso(run.createdAt()));
    body.put("updatedAt", iso(run.updatedAt()));
    putIfSet(body, "startedAt", iso(run.startedAt()));
    putIfSet(body, "finishedAt", iso(run.completedAt()));
    body.put("tags", List.of());
    body.put("costInCents", 0);
    body.put("baseCostInCents", 0);
    body.put("durationMs", run.usageDurationMs());
    putIfSet(body, "metadata", run.metadata()); // {"$$streams": [key]} once the task streams
    body.put("depth", 0);
    body.put("triggerFunction", "trigger");
    body.put("payload", run.payload());
    putIfSet(body, "output", run.output());
    putIfSet(body, "error", serializedError(run.error()));
    body.put("relatedRuns", Map.of());
    body.put("attemptCount", run.startedAt() == null ? 0 : 1);
    body.put("attempts", List.of());
    return TriggerAnswer.json(200, json.write(body));
  }

  /** The stored task error as retrieve presents it: {@code {message, name, stackTrace}}. */
  private static Map<String, Object> serializedError(Map<String, Object> error) {
    if (error == null) {
      return null;
    }
    Map<String, Object> serialized = new LinkedHashMap<>();
    serialized.put("message", error.get("message"));
    serialized.put("name", error.get("name"));
    serialized.put("stackTrace", error.get("stackTrace"));
    return serialized;
  }

  private static String iso(Instant instant) {
    return instant == null ? null : ISO.format(instant);
  }

  private static void putIfSet(Map<String, Object> body, String key, Object value) {
    if (value != null) {
      body.put(key, value);
    }
  }
}
