package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.json.PuffleJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;

/**
 * Responses as Trigger.dev sends them: retrieve bodies in the shape its SDK's schema requires,
 * and feed responses in the realtime server's wire format ({@code electricStreamProtocol.server.ts}):
 * every value a string or null, timestamps without a zone, arrays as Postgres literals.
 */
final class RunBodies {
  static final String RUN = "run_cm1turn0001";
  static final String KEY = "\"public\".\"TaskRun\"/\"cm1internal0001\"";
  /** The realtime server's {@code electric-schema} for the default columns. */
  static final String SCHEMA = "{\"id\":{\"type\":\"text\"},\"taskIdentifier\":{\"type\":\"text\"},"
      + "\"createdAt\":{\"type\":\"timestamp\"},\"updatedAt\":{\"type\":\"timestamp\"},"
      + "\"startedAt\":{\"type\":\"timestamp\"},\"delayUntil\":{\"type\":\"timestamp\"},"
      + "\"queuedAt\":{\"type\":\"timestamp\"},\"expiredAt\":{\"type\":\"timestamp\"},"
      + "\"completedAt\":{\"type\":\"timestamp\"},\"friendlyId\":{\"type\":\"text\"},"
      + "\"number\":{\"type\":\"int4\"},\"isTest\":{\"type\":\"bool\"},\"status\":{\"type\":\"text\"},"
      + "\"usageDurationMs\":{\"type\":\"int4\"},\"costInCents\":{\"type\":\"float8\"},"
      + "\"baseCostInCents\":{\"type\":\"float8\"},\"ttl\":{\"type\":\"text\"},\"payload\":{\"type\":\"text\"},"
      + "\"payloadType\":{\"type\":\"text\"},\"metadata\":{\"type\":\"text\"},\"metadataType\":{\"type\":\"text\"},"
      + "\"output\":{\"type\":\"text\"},\"outputType\":{\"type\":\"text\"},"
      + "\"runTags\":{\"type\":\"text\",\"dims\":1},\"error\":{\"type\":\"jsonb\"},"
      + "\"realtimeStreams\":{\"type\":\"text\",\"dims\":1}}";
  static final Map<String, Object> UP_TO_DATE = Map.of("headers", Map.of("control", "up-to-date"));
  static final Map<String, Object> MUST_REFETCH = Map.of("headers", Map.of("control", "must-refetch"));

  private RunBodies() {}

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  static String toJson(Object value) {
    return PuffleJson.moshi().adapter(Object.class).serializeNulls().toJson(value);
  }

  // ---- retrieve

  /** A retrieve body with this status; {@code finishedAt} left out when null. */
  static String retrieveBody(String status, String finishedAt, boolean isCompleted) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", RUN);
    run.put("status", status);
    run.put("taskIdentifier", "puffle-chat-turn");
    run.put("createdAt", "2026-01-01T10:00:00.000Z");
    run.put("updatedAt", "2026-01-01T10:00:05.000Z");
    run.put("isQueued", status.equals("QUEUED"));
    run.put("isExecuting", status.equals("EXECUTING"));
    run.put("isWaiting", false);
    run.put("isCompleted", isCompleted);
    run.put("isSuccess", isCompleted && status.equals("COMPLETED"));
    run.put("isFailed", isCompleted && !status.equals("COMPLETED"));
    run.put("isCancelled", false);
    run.put("isTest", false);
    run.put("tags", List.of());
    run.put("costInCents", 0);
    run.put("baseCostInCents", 0);
    run.put("durationMs", 0);
    run.put("depth", 0);
    run.put("triggerFunction", "trigger");
    run.put("relatedRuns", Map.of());
    run.put("attemptCount", 1);
    run.put("attempts", List.of());
    if (finishedAt != null) {
      run.put("finishedAt", finishedAt);
    }
    if (status.equals("COMPLETED")) {
      run.put("output", Map.of("reply", "done"));
    }
    return toJson(run);
  }

  static MockResponse retrieve(String status) {
    return json(200, retrieveBody(status, null, false));
  }

  static MockResponse retrieveDone(String status) {
    return json(200, retrieveBody(status, "2026-01-01T10:00:20.000Z", true));
  }

  static MockResponse notFound(boolean shouldRetry) {
    return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
        .setHeader("x-should-retry", shouldRetry ? "true" : "false").body("{\"error\":\"Run not found\"}").build();
  }

  // ---- feed

  /** A full row as the realtime server encodes it, with this database status. */
  static Map<String, Object> row(String status) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", "cm1internal0001");
    v.put("taskIdentifier", "puffle-chat-turn");
    v.put("createdAt", "2026-01-01T10:00:00.000");
    v.put("updatedAt", "2026-01-01T10:00:01.000");
    v.put("startedAt", null);
    v.put("completedAt", null);
    v.put("friendlyId", RUN);
    v.put("number", "1");
    v.put("isTest", "f");
    v.put("status", status);
    v.put("costInCents", "0");
    v.put("metadata", null);
    v.put("metadataType", "application/json");
    v.put("output", null);
    v.put("outputType", "application/json");
    v.put("runTags", null);
    v.put("error", null);
    v.put("realtimeStreams", "{}");
    return v;
  }

  static Map<String, Object> insert(Map<String, Object> value) {
    return change("insert", value);
  }

  static Map<String, Object> update(Map<String, Object> value) {
    return change("update", value);
  }

  private static Map<String, Object> change(String operation, Map<String, Object> value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", KEY);
    m.put("value", value);
    m.put("headers", Map.of("operation", operation));
    return m;
  }

  /** Named values, for partial updates: {@code values("status", "EXECUTING")}. */
  static Map<String, Object> values(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A non-live 200: handle, offset and schema headers, no cursor. */
  @SafeVarargs
  static MockResponse snapshot(String handle, String offset, Map<String, Object>... messages) {
    return feedResponse(handle, offset, null, SCHEMA, messages);
  }

  /** A live 200: handle, offset and cursor headers, no schema. */
  @SafeVarargs
  static MockResponse live(String handle, String offset, String cursor, Map<String, Object>... messages) {
    return feedResponse(handle, offset, cursor, null, messages);
  }

  @SafeVarargs
  static MockResponse feedResponse(String handle, String offset, String cursor, String schema,
      Map<String, Object>... messages) {
    MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .setHeader("cache-control", "no-store");
    if (handle != null) {
      b.setHeader("electric-handle", handle);
    }
    if (offset != null) {
      b.setHeader("electric-offset", offset);
    }
    if (cursor != null) {
      b.setHeader("electric-cursor", cursor);
    }
    if (schema != null) {
      b.setHeader("electric-schema", schema);
    }
    return b.body(toJson(new ArrayList<>(Arrays.asList(messages)))).build();
  }
}
