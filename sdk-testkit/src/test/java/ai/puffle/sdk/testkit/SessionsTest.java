package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionsTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void createReturnsTheDocumentedShapeWithExplicitNulls() {
    Http.Res res = f.http.post(SESSIONS, "{\"campaign_id\":\"" + f.campaign.campaignId()
        + "\",\"node_id\":\"" + f.campaign.aiNodeId() + "\"}");

    assertEquals(200, res.status);
    Map<String, Object> session = res.object("session");
    assertEquals(Set.of("id", "user_id", "campaign_id", "node_id", "title", "messages",
        "draft_subject", "draft_body", "skeleton", "skeleton_history", "draft_history",
        "framework_version", "generated_examples", "task_status", "created_at", "updated_at"),
        session.keySet());
    for (String key : List.of("title", "messages", "draft_subject", "draft_body", "skeleton",
        "skeleton_history", "draft_history", "framework_version", "generated_examples",
        "task_status")) {
      assertTrue(session.containsKey(key) && session.get(key) == null, key);
    }
    assertTrue(res.body.contains("\"title\":null"), res.body);
    assertEquals(f.fake.userId(), session.get("user_id"));
    assertEquals(f.campaign.campaignId(), session.get("campaign_id"));
    assertEquals("2026-04-22T10:00:00Z", session.get("created_at"));
  }

  @Test
  void createIsAPlainInsertSoASecondCreateMakesASecondSession() {
    String first = f.createSession();
    String second = f.createSession();

    assertNotEquals(first, second);
    List<Map<String, Object>> sessions =
        f.http.get(SESSIONS + "?campaign_id=" + f.campaign.campaignId()).list("sessions");
    assertEquals(List.of(first, second), List.of(sessions.get(0).get("id"), sessions.get(1).get("id")));
  }

  @Test
  void listOfAnUnknownCampaignIsEmptyAndNeedsAValidCampaignId() {
    String unknown = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    assertEquals(List.of(), f.http.get(SESSIONS + "?campaign_id=" + unknown).list("sessions"));
    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals("campaign_id is required", f.http.get(SESSIONS).error());
    assertEquals(400, f.http.get(SESSIONS + "?campaign_id=42").status);
  }

  @Test
  void createValidatesIdsAndOwnership() {
    String node = f.campaign.aiNodeId();
    SeededCampaign foreign =
        f.fake.seedCampaign(CampaignSeed.builder().ownedByAnotherUser(true).build());

    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals("campaign_id must be a UUID",
        f.http.post(SESSIONS, "{\"campaign_id\":\"nope\",\"node_id\":\"" + node + "\"}").error());
    assertEquals("node_id is required",
        f.http.post(SESSIONS, "{\"campaign_id\":\"" + f.campaign.campaignId() + "\"}").error());
    assertEquals(400, f.http.post(SESSIONS, "{not json").status);
    assertEquals(400, f.http.post(SESSIONS, "[1,2]").status);
    Http.Res notOwned = f.http.post(SESSIONS, "{\"campaign_id\":\"" + foreign.campaignId()
        + "\",\"node_id\":\"" + foreign.nodeId(0) + "\"}");
    assertEquals(404, notOwned.status);
    assertEquals("Campaign not found", notOwned.error());
    Http.Res noNode = f.http.post(SESSIONS, "{\"campaign_id\":\"" + f.campaign.campaignId()
        + "\",\"node_id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\"}");
    assertEquals(404, noNode.status);
  }

  @Test
  void getAnswers404ForUnknownIdsAnd400ForMalformedOnes() {
    Http.Res unknown = f.http.get(SESSIONS + "/3c90c3cc-0d44-4b50-8888-8dd25736052a");
    assertEquals(404, unknown.status);
    assertEquals("{\"error\":\"Session not found\"}", unknown.body);
    f.fake.allowBadRequests(); // bad input on purpose
    Http.Res malformed = f.http.get(SESSIONS + "/not-a-uuid");
    assertEquals(400, malformed.status);
    assertEquals("id must be a UUID", malformed.error());
    // Version nibble 0 is outside Puffle's pattern.
    assertEquals(400, f.http.get(SESSIONS + "/3c90c3cc-0d44-0b50-8888-8dd25736052a").status);
  }

  @Test
  void patchWritesOnlyPresentKeysAndExplicitNullClears() {
    String id = f.createSession();
    f.turn(id, "hello");
    assertEquals("chat_processing", f.session(id).get("task_status"));

    Map<String, Object> patched = f.http.patch(SESSIONS + "/" + id,
        "{\"title\":\"Intro email\",\"draft_subject\":\"Hi %first_name%\"}").object("session");
    assertEquals("Intro email", patched.get("title"));
    assertEquals("Hi %first_name%", patched.get("draft_subject"));
    assertEquals("chat_processing", patched.get("task_status"), "absent key left alone");

    Map<String, Object> cleared = f.http.patch(SESSIONS + "/" + id,
        "{\"task_status\":null,\"title\":null}").object("session");
    assertNull(cleared.get("task_status"));
    assertNull(cleared.get("title"));
    assertEquals("Hi %first_name%", cleared.get("draft_subject"));
    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals(400, f.http.patch(SESSIONS + "/" + id, "{\"task_status\":\"sleeping\"}").status);
    assertEquals(400, f.http.patch(SESSIONS + "/" + id, "{\"framework_version\":\"x\"}").status);
  }

  @Test
  void patchingTheSkeletonClearsGeneratedExamples() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.examples(id, Fixture.THREE_LEADS);
    f.fake.clock().advanceUntilIdle();
    assertEquals(3, ((List<?>) f.session(id).get("generated_examples")).size());

    Map<String, Object> patched = f.http.patch(SESSIONS + "/" + id,
        "{\"skeleton\":{\"hook\":\"Open strong\",\"value_prop\":\"ROI\"}}").object("session");

    assertEquals(Map.of("hook", "Open strong", "value_prop", "ROI"), patched.get("skeleton"));
    assertNull(patched.get("generated_examples"));
  }

  @Test
  void deleteAnswersSuccessThenTheSessionIsGone() {
    String id = f.createSession();
    Http.Res deleted = f.http.delete(SESSIONS + "/" + id);
    assertEquals(200, deleted.status);
    assertEquals("{\"success\":true}", deleted.body);
    assertEquals(404, f.http.get(SESSIONS + "/" + id).status);
    assertEquals(404, f.http.delete(SESSIONS + "/" + id).status);
  }

  @Test
  void deletingASessionWithARunningTaskLetsTheTaskFinishIntoNothing() {
    String id = f.createSession();
    f.turn(id, "hello");
    f.http.delete(SESSIONS + "/" + id);
    assertEquals(1, f.fake.clock().advanceUntilIdle());
    assertTrue(f.fake.session(id).isEmpty());
  }
}
