package ai.puffle.sdk.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic {@code {"session": ...}} bodies as Puffle returns them: a chat transcript, a
 * generate-content skeleton with blocks, a draft, histories and generated examples. Sizes are
 * parameters so that one class serves the per-call body and the large decode body.
 */
public final class SessionBodies {
  /** The id every generated body uses. */
  public static final String SESSION_ID = "d1d1d1d1-1111-4111-8111-111111111111";

  private static final JsonAdapter<Map<String, Object>> ADAPTER =
      new Moshi.Builder().build().adapter(
          Types.newParameterizedType(Map.class, String.class, Object.class));

  private SessionBodies() {}

  /** The per-call body: 20 messages, a 5-block skeleton, a draft, no examples. */
  public static String perCall() {
    return json(20, 5, 0);
  }

  /** The large body: 200 messages, a 10-block skeleton, 50 generated examples. */
  public static String large() {
    return json(200, 10, 50);
  }

  /** A body as UTF-8 bytes. */
  public static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** A session body with {@code messages} messages, {@code blocks} blocks and {@code examples} examples. */
  public static String json(int messages, int blocks, int examples) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", SESSION_ID);
    s.put("user_id", "5f0c7a1e-3b9d-4c2a-9e61-2d8f4b7a1c30");
    s.put("campaign_id", "8c2b2d4e-e29b-41d4-a716-446655440000");
    s.put("node_id", "3f6e2a10-7c4b-4e8d-9a21-5b0c8d7e6f01");
    s.put("title", "Intro for VPs of Sales: time-to-ROI");
    List<Object> transcript = new ArrayList<>();
    for (int i = 0; i < messages; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      boolean user = i % 2 == 0;
      m.put("role", user ? "user" : "assistant");
      m.put("content", user ? userMessage(i) : assistantMessage(i));
      transcript.add(m);
    }
    s.put("messages", transcript);
    s.put("draft_subject", "%first_name%, new reps at %company% could hit quota 40% sooner");
    s.put("draft_body", DRAFT_BODY);
    Map<String, Object> skeleton = skeleton(blocks);
    s.put("skeleton", skeleton);
    s.put("skeleton_history", List.of(skeleton(Math.min(blocks, 3))));
    s.put("draft_history", List.of(Map.of(
        "draft_subject", "Faster ramp for %company%'s new reps",
        "draft_body", "Hi %first_name%,\n\nNew reps could reach quota faster.\n\n%sender_first%")));
    s.put("framework_version", 2);
    List<Object> generated = new ArrayList<>();
    for (int i = 0; i < examples; i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("lead_id", String.format("a%07d-0000-4000-8000-%012d", i, i));
      e.put("subject", "Lead " + i + ", new reps at Company " + i + " could hit quota 40% sooner");
      e.put("body", DRAFT_BODY.replace("%first_name%", "Lead " + i)
          .replace("%company%", "Company " + i).replace("%sender_first%", "Sam"));
      generated.add(e);
    }
    s.put("generated_examples", generated);
    s.put("task_status", null);
    s.put("created_at", "2026-04-22T10:00:00Z");
    s.put("updated_at", "2026-04-22T10:07:31.482913+00:00");
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("session", s);
    return ADAPTER.serializeNulls().toJson(envelope);
  }

  private static Map<String, Object> skeleton(int blocks) {
    Map<String, Object> skeleton = new LinkedHashMap<>();
    skeleton.put("subject", "%first_name%, new reps at %company% could hit quota 40% sooner");
    skeleton.put("body", "Hi %first_name%,\n\n&&Open with an observation about %company%'s sales "
        + "hiring&&\n\n&&One sentence tying faster ramp to the lead's role&&\n\nBest,\n%sender_first%");
    List<Object> list = new ArrayList<>();
    String[] names = {"hook", "value_prop", "proof", "objection", "cta"};
    for (int i = 0; i < blocks; i++) {
      Map<String, Object> personalization = new LinkedHashMap<>();
      personalization.put("fields", List.of("company", "position", "headline"));
      personalization.put("approach", "Reference one concrete detail from the lead's profile ("
          + "block " + i + "), never more than one clause.");
      personalization.put("fallback", "Speak to sales leaders at growing teams in general.");
      Map<String, Object> block = new LinkedHashMap<>();
      block.put("name", names[i % names.length] + (i < names.length ? "" : "_" + i));
      block.put("strategy", "Keep it to one or two sentences; concrete numbers beat adjectives.");
      block.put("personalization", personalization);
      list.add(block);
    }
    skeleton.put("blocks", list);
    skeleton.put("exampleSubject", "Ada, new reps at Analytical Engines could hit quota 40% sooner");
    skeleton.put("exampleBody", DRAFT_BODY.replace("%first_name%", "Ada")
        .replace("%company%", "Analytical Engines").replace("%sender_first%", "Sam"));
    return skeleton;
  }

  private static String userMessage(int i) {
    return "Turn " + i + ": make the opening more specific to enterprise VPs of Sales and keep "
        + "the time-to-ROI angle; mention the Salesforce integration only once.";
  }

  private static String assistantMessage(int i) {
    return "Revision " + i + ": I tightened the hook around ramp time, moved the 40% figure into "
        + "the value block with the Salesforce integration as proof, and kept the call to action "
        + "to a low-pressure 15-minute walkthrough. Want a variant that leads with cost instead?";
  }

  private static final String DRAFT_BODY =
      "Hi %first_name%,\n\nRamping new AEs usually costs a VP of Sales a full quarter per hire. "
          + "Teams using Puffle's Salesforce integration see new reps reach quota about 40% "
          + "faster.\n\nWould a 15-minute walkthrough for %company% be useful next week?\n\nBest,\n"
          + "%sender_first%";
}
