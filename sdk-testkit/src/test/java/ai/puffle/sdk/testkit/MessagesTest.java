package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private String path() {
    return "/api/campaigns/" + f.campaign.campaignId() + "/generate-messages";
  }

  private List<Map<String, Object>> resolve() {
    Http.Res res = f.http.post(path(), "{\"action\":\"resolve\"}");
    assertEquals(200, res.status, res.body);
    return res.list("messages");
  }

  private List<Map<String, Object>> forNode(List<Map<String, Object>> messages, String nodeId) {
    return messages.stream().filter(m -> nodeId.equals(m.get("node_id")))
        .collect(Collectors.toList());
  }

  @Test
  void resolveWritesADraftPerLeadForEachSendableNode() {
    List<Map<String, Object>> messages = resolve();

    List<Map<String, Object>> email = forNode(messages, f.campaign.firstOfType("email"));
    assertEquals(3, email.size());
    Map<String, Object> ada = email.get(0);
    assertEquals(f.campaign.prospectIds().get(0), ada.get("prospect_id"));
    assertEquals("Quick question, Ada", ada.get("subject"));
    assertTrue(((String) ada.get("body_text")).contains("Teams like Analytical Engines"));
    assertEquals("draft", ada.get("status"));
    assertEquals(false, ada.get("manually_edited"));
    assertEquals(0, forNode(messages, f.campaign.aiNodeId()).size(), "no examples yet");
  }

  @Test
  void resolveCopiesExamplesOntoLeadsByFirstAndLastName() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.examples(id, "[{\"first_name\":\" grace \",\"last_name\":\"HOPPER\"},"
        + "{\"first_name\":\"Nobody\",\"last_name\":\"Known\"}]");
    f.fake.clock().advanceUntilIdle();

    List<Map<String, Object>> ai = forNode(resolve(), f.campaign.aiNodeId());

    assertEquals(1, ai.size(), "unmatched examples are skipped");
    assertEquals(f.campaign.prospectIds().get(1), ai.get(0).get("prospect_id"));
    assertTrue(((String) ai.get(0).get("body_text")).contains("grace"), "the example's text");
  }

  @Test
  void listFiltersByStatusAndLeadAndPatchEditsDraftsOnly() {
    resolve();
    String adaId = f.campaign.prospectIds().get(0);
    List<Map<String, Object>> adas =
        f.http.get(path() + "?prospect_id=" + adaId).list("messages");
    assertEquals(1, adas.size());
    String messageId = (String) adas.get(0).get("id");

    Http.Res edited = f.http.patch(path(),
        "{\"message_id\":\"" + messageId + "\",\"body_text\":\"Hand-written\"}");
    assertEquals(200, edited.status);
    assertEquals("Hand-written", edited.object("message").get("body_text"));
    assertEquals("<p>Hand-written</p>", edited.object("message").get("body_html"));
    assertEquals(true, edited.object("message").get("manually_edited"));
    resolve();
    assertEquals("Hand-written",
        f.http.get(path() + "?prospect_id=" + adaId).list("messages").get(0).get("body_text"),
        "resolve leaves manually edited rows alone");

    f.fake.setMessageStatus(messageId, "sent");
    assertEquals(2, f.http.get(path()).list("messages").size(), "default filter is draft");
    assertEquals(1, f.http.get(path() + "?status=sent").list("messages").size());
    assertEquals(3, f.http.get(path() + "?status=all").list("messages").size());
    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals(400, f.http.get(path() + "?status=bogus").status);
    Http.Res sent = f.http.patch(path(), "{\"message_id\":\"" + messageId + "\",\"subject\":\"x\"}");
    assertEquals(400, sent.status);
    assertEquals("Only draft messages can be edited", sent.error());
    assertEquals(400, f.http.patch(path(), "{\"message_id\":\"\"}").status);
    assertEquals(404, f.http.patch(path(), "{\"message_id\":\"nope\"}").status);
  }

  @Test
  void generateAiNeedsCreditsAndWritesDraftsWhenTheTaskCompletes() {
    String body = "{\"action\":\"generate_ai\",\"node_id\":\"" + f.campaign.aiNodeId() + "\"}";
    f.fake.setCredits(5);
    Http.Res poor = f.http.post(path(), body);
    assertEquals(402, poor.status);
    assertEquals("Insufficient credits", poor.error());
    assertEquals(5, f.fake.credits());
    assertEquals(0, f.fake.clock().pendingTasks(), "nothing queued");

    f.fake.setCredits(6);
    Http.Res queued = f.http.post(path(), body);
    assertEquals(200, queued.status);
    assertEquals(List.of(), queued.list("messages"));
    assertEquals(0, f.fake.credits(), "2 credits per lead");
    f.fake.clock().advanceUntilIdle();
    assertEquals(3, forNode(f.http.get(path()).list("messages"), f.campaign.aiNodeId()).size());
  }

  @Test
  void bothActionsNeedADraftCampaign() {
    f.fake.setCampaignStatus(f.campaign.campaignId(), "active");
    assertEquals("Campaign must be in draft status",
        f.http.post(path(), "{\"action\":\"resolve\"}").error());
    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals(400, f.http.post(path(), "{\"action\":\"explode\"}").status);
  }

  @Test
  void getCampaignShowsNodesInOrderAndLeadCounts() {
    Http.Res res = f.http.get("/api/campaigns/" + f.campaign.campaignId());
    assertEquals(200, res.status);
    assertEquals("draft", res.object("campaign").get("status"));
    List<Map<String, Object>> nodes = res.list("sequence_nodes");
    assertEquals(List.of("email", "delay", "ai", "end"),
        nodes.stream().map(n -> n.get("type")).collect(Collectors.toList()));
    assertEquals(Map.of("pending", 3.0), res.object("prospects_by_status"));
    assertEquals(Map.of("__none__", Map.of("pending", 3.0)), res.object("prospects_by_node"));
  }

  @Test
  void putNodeAppliesPresentKeysOnDraftCampaignsOnly() {
    String node = "/api/campaigns/" + f.campaign.campaignId() + "/sequence/nodes/"
        + f.campaign.aiNodeId();
    Http.Res res = f.http.put(node,
        "{\"subject\":\"Hi %first_name%\",\"ai_node\":{\"purpose\":\"New purpose\"}}");
    assertEquals(200, res.status);
    Map<String, Object> updated = res.object("node");
    assertEquals("Hi %first_name%", updated.get("subject"));
    assertEquals("ai", updated.get("type"));
    assertEquals(Map.of("purpose", "New purpose", "output_type", "email"), updated.get("ai_node"));

    f.fake.setCampaignStatus(f.campaign.campaignId(), "paused");
    assertEquals(400, f.http.put(node, "{\"subject\":\"changed\"}").status);
    f.fake.setCampaignStatus(f.campaign.campaignId(), "draft");
    assertEquals("Hi %first_name%", f.http.put(node, "{}").object("node").get("subject"));
    assertEquals(404, f.http.put("/api/campaigns/" + f.campaign.campaignId()
        + "/sequence/nodes/3c90c3cc-0d44-4b50-8888-8dd25736052a", "{}").status);
  }

  @Test
  void putNodeClearsKeysSentAsNullAtTheTopAndInsideAiNode() {
    String node = "/api/campaigns/" + f.campaign.campaignId() + "/sequence/nodes/"
        + f.campaign.aiNodeId();
    f.http.put(node, "{\"subject\":\"Hi\",\"ai_node\":{\"purpose\":\"Intro\",\"output_type\":\"email\"}}");

    Map<String, Object> cleared =
        f.http.put(node, "{\"subject\":null,\"ai_node\":{\"output_type\":null}}").object("node");
    assertEquals(null, cleared.get("subject"));
    Map<String, Object> ai = new HashMap<>();
    ai.put("purpose", "Intro");
    ai.put("output_type", null);
    assertEquals(ai, cleared.get("ai_node"));

    Map<String, Object> untouched = f.http.put(node, "{\"ai_node\":null}").object("node");
    assertEquals(ai, untouched.get("ai_node"));
  }
}
