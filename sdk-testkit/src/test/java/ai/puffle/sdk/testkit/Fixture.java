package ai.puffle.sdk.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A virtual-clock emulator, an HTTP client and shortcuts for the usual calls. */
class Fixture implements AutoCloseable {
  static final Duration TURN = Duration.ofSeconds(15);
  static final String SESSIONS = "/api/campaigns/ai-chat-sessions";

  final FakePuffle fake;
  final Http http;
  final SeededCampaign campaign;

  Fixture() {
    this(FakePuffle.builder().timeMode(TimeMode.virtual()));
  }

  Fixture(FakePuffle.Builder builder) {
    this.fake = builder.start();
    this.http = new Http(fake);
    this.campaign = fake.defaultCampaign();
  }

  /** Creates a session for the default campaign's AI node and returns its id. */
  String createSession() {
    return createSession(campaign.campaignId(), campaign.aiNodeId());
  }

  String createSession(String campaignId, String nodeId) {
    Http.Res res = http.post(SESSIONS,
        "{\"campaign_id\":\"" + campaignId + "\",\"node_id\":\"" + nodeId + "\"}");
    if (res.status != 200) {
      throw new AssertionError("create failed: " + res);
    }
    return (String) res.object("session").get("id");
  }

  Http.Res turn(String sessionId, String message) {
    return http.post(SESSIONS + "/" + sessionId + "/turn", "{\"message\":" + quote(message) + "}");
  }

  /** Sends a turn and lets its task complete. */
  void completeTurn(String sessionId, String message) {
    Http.Res res = turn(sessionId, message);
    if (res.status != 200) {
      throw new AssertionError("turn failed: " + res);
    }
    fake.clock().advance(TURN);
  }

  /** Chats until the session has a skeleton (two turns with the default model). */
  void chatToSkeleton(String sessionId) {
    completeTurn(sessionId, "Write an intro email for VPs of Sales, emphasizing time-to-ROI");
    completeTurn(sessionId, "Enterprise teams; the outcome is a 15-minute call");
  }

  Http.Res examples(String sessionId, String leadsJson) {
    return http.post(SESSIONS + "/" + sessionId + "/generate-examples",
        "{\"leads\":" + leadsJson + "}");
  }

  Map<String, Object> session(String sessionId) {
    return http.get(SESSIONS + "/" + sessionId).object("session");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> messages(String sessionId) {
    return (List<Map<String, Object>>) session(sessionId).get("messages");
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  static final String THREE_LEADS =
      "[{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\",\"company\":\"Analytical Engines\"},"
          + "{\"first_name\":\"Grace\",\"last_name\":\"Hopper\",\"company\":\"Compiler Works\"},"
          + "{\"first_name\":\"Alan\",\"last_name\":\"Turing\",\"company\":\"Bletchley Labs\"}]";

  @Override
  public void close() {
    fake.close();
  }
}
