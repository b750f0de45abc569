package ai.puffle.sdk.testing;

import ai.puffle.sdk.internal.json.PuffleJson;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Small JSON helpers for scripted responses and recorded requests. */
public final class Json {
  public static final String SESSION_ID = "d1d1d1d1-1111-4111-8111-111111111111";
  public static final String CAMPAIGN_ID = "8c2b2d4e-e29b-41d4-a716-446655440000";
  public static final String NODE_ID = "bbbb1111-1111-4111-8111-111111111111";

  private Json() {}

  /** Parses a recorded request's body. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> body(RecordedRequest request) {
    try {
      String text = request.getBody() == null ? "" : request.getBody().utf8();
      return (Map<String, Object>) PuffleJson.moshi()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class))
          .fromJson(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A 200 JSON response. */
  public static MockResponse ok(String json) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
  }

  /** An error response with {@code {"error": message}}. */
  public static MockResponse error(int code, String message) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"" + message + "\"}").build();
  }

  /** A session builder for scripted GET responses. */
  public static SessionJson session() {
    return new SessionJson();
  }

  /** The run handle body. */
  public static String runHandle() {
    return "{\"runId\":\"run_abc123\",\"publicAccessToken\":\"tr_pat_secret123\"}";
  }

  /** Builds an AiChatSession envelope. */
  public static final class SessionJson {
    private final Map<String, Object> s = new LinkedHashMap<>();
    private final List<Map<String, Object>> messages = new ArrayList<>();

    SessionJson() {
      s.put("id", SESSION_ID);
      s.put("user_id", "11111111-1111-4111-8111-111111111111");
      s.put("campaign_id", CAMPAIGN_ID);
      s.put("node_id", NODE_ID);
      s.put("title", null);
      s.put("messages", messages);
      s.put("draft_subject", null);
      s.put("draft_body", null);
      s.put("skeleton", null);
      s.put("framework_version", null);
      s.put("generated_examples", null);
      s.put("task_status", null);
      s.put("created_at", "2026-04-22T10:00:00Z");
      s.put("updated_at", "2026-04-22T10:00:00Z");
    }

    public SessionJson busy(String status) {
      s.put("task_status", status);
      return this;
    }

    public SessionJson user(String content) {
      messages.add(Map.of("role", "user", "content", content));
      return this;
    }

    public SessionJson assistant(String content) {
      messages.add(Map.of("role", "assistant", "content", content));
      return this;
    }

    public SessionJson skeleton(Map<String, Object> skeleton, long version) {
      s.put("skeleton", skeleton);
      s.put("framework_version", version);
      return this;
    }

    public SessionJson draft(String subject, String body) {
      s.put("draft_subject", subject);
      s.put("draft_body", body);
      return this;
    }

    public SessionJson examples(List<Map<String, Object>> examples) {
      s.put("generated_examples", examples);
      return this;
    }

    public SessionJson nodeId(String nodeId) {
      s.put("node_id", nodeId);
      return this;
    }

    /** The {@code {"session": ...}} body. */
    public String json() {
      return "{\"session\":" + PuffleJson.moshi().adapter(Object.class).serializeNulls().toJson(s) + "}";
    }

    /** The bare session object. */
    public String raw() {
      return PuffleJson.moshi().adapter(Object.class).serializeNulls().toJson(s);
    }

    /** A 200 response with this session. */
    public MockResponse response() {
      return ok(json());
    }
  }
}
