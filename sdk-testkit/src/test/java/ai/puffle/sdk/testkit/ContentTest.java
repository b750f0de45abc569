package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContentTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  private Http.Res content(String campaignId, String nodeId, String message) {
    return f.http.post("/api/campaigns/" + campaignId + "/generate-content",
        "{\"node_id\":\"" + nodeId + "\",\"message\":" + Fixture.quote(message) + "}");
  }

  @Test
  void answersSynchronouslyAndFindsOrCreatesTheNodesSession() {
    Http.Res first = content(f.campaign.campaignId(), f.campaign.aiNodeId(), "Write an intro");
    assertEquals(200, first.status);
    Map<String, Object> body = first.json();
    assertTrue(body.containsKey("skeleton") && body.get("skeleton") == null, first.body);
    assertEquals(false, body.get("skeleton_updated"));
    assertTrue(((String) body.get("assistant_message")).endsWith("?"));
    String sessionId = (String) body.get("session_id");

    Http.Res second = content(f.campaign.campaignId(), f.campaign.aiNodeId(), "Enterprise VPs");
    assertEquals(sessionId, second.json().get("session_id"), "the same thread continues");
    assertEquals(true, second.json().get("skeleton_updated"));
    assertNotNull(second.object("skeleton").get("exampleBody"));

    Map<String, Object> session = f.session(sessionId);
    assertEquals(4, f.messages(sessionId).size());
    assertEquals(1.0, session.get("framework_version"));
    assertNull(session.get("task_status"));
    f.fake.assertTurnReceivedOnce(sessionId, "Enterprise VPs");
  }

  @Test
  void continuesTheOldestSessionCreatedThroughTheSessionsApi() {
    String existing = f.createSession();
    assertEquals(existing,
        content(f.campaign.campaignId(), f.campaign.aiNodeId(), "hi").json().get("session_id"));
  }

  @Test
  void isBusyWhileATurnTaskHoldsTheSession() {
    String id = f.createSession();
    f.turn(id, "async turn");
    Http.Res busy = content(f.campaign.campaignId(), f.campaign.aiNodeId(), "sync turn");
    assertEquals(409, busy.status);
    assertEquals("Session is busy (chat_processing)", busy.error());
  }

  @Test
  void needsADraftCampaignAndAnAiNodeOfThatCampaign() {
    String emailNode = f.campaign.firstOfType("email");
    Http.Res notAi = content(f.campaign.campaignId(), emailNode, "hi");
    assertEquals(400, notAi.status);
    assertEquals("Node must have type \"ai\"", notAi.error());

    SeededCampaign other = f.fake.seedCampaign(
        CampaignSeed.builder().node(NodeSeed.ai("Other purpose")).build());
    assertEquals(404, content(f.campaign.campaignId(), other.aiNodeId(), "hi").status);

    f.fake.setCampaignStatus(f.campaign.campaignId(), "active");
    Http.Res active = content(f.campaign.campaignId(), f.campaign.aiNodeId(), "hi");
    assertEquals(400, active.status);
    assertEquals("Campaign must be in draft status", active.error());
  }

  @Test
  void validatesTheBody() {
    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals("message is required and must be a non-empty string",
        content(f.campaign.campaignId(), f.campaign.aiNodeId(), "").error());
    assertEquals("node_id must be a UUID", content(f.campaign.campaignId(), "x", "hi").error());
    assertEquals(404,
        content("3c90c3cc-0d44-4b50-8888-8dd25736052a", f.campaign.aiNodeId(), "hi").status);
  }
}
