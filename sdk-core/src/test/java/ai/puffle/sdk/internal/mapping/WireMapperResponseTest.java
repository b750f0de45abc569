package ai.puffle.sdk.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.generated.model.CampaignDetail;
import ai.puffle.sdk.generated.model.GenerateContentResponse;
import ai.puffle.sdk.generated.model.GeneratedMessageEnvelope;
import ai.puffle.sdk.generated.model.GeneratedMessageListEnvelope;
import ai.puffle.sdk.generated.model.SequenceNodeEnvelope;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.SessionListEnvelope;
import ai.puffle.sdk.internal.json.PuffleJson;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decodes the documented example payloads with PuffleJson and maps them to public values. */
class WireMapperResponseTest {

  static <T> T decode(Class<T> type, String json) throws IOException {
    return PuffleJson.moshi().adapter(type).fromJson(json);
  }

  static String session(String fields) {
    return "{\"session\": {"
        + "\"id\": \"d1d1d1d1-1111-1111-1111-111111111111\","
        + "\"user_id\": \"11111111-1111-1111-1111-111111111111\","
        + "\"campaign_id\": \"8c2b2d4e-e29b-41d4-a716-446655440000\","
        + "\"node_id\": \"bbbb1111-1111-1111-1111-111111111111\","
        + fields
        + "\"created_at\": \"2026-04-22T10:00:00Z\","
        + "\"updated_at\": \"2026-04-22T10:05:30Z\"}}";
  }

  static final String CREATED =
      session(
          "\"title\": null, \"messages\": null, \"draft_subject\": null, \"draft_body\": null,"
              + "\"skeleton\": null, \"skeleton_history\": null, \"draft_history\": null,"
              + "\"framework_version\": null, \"generated_examples\": null,"
              + "\"task_status\": null,");

  static final String WORKED =
      session(
          "\"title\": \"VP Sales intro\","
              + "\"messages\": [{\"role\": \"user\", \"content\": \"Write an intro email\"},"
              + "  {\"role\": \"assistant\", \"content\": \"Who signs it?\"},"
              + "  {\"role\": \"user\", \"content\": \"Our CEO\"},"
              + "  {\"role\": \"assistant\", \"content\": \"Draft ready.\"}],"
              + "\"draft_subject\": \"Quick idea for {{company}}\","
              + "\"draft_body\": \"Hi {{first_name}}, ...\","
              + "\"skeleton\": {\"hook\": \"Recent funding round\", \"value_prop\": \"Ramp 30% faster\","
              + "  \"weight\": 2},"
              + "\"skeleton_history\": [{\"hook\": \"older\"}],"
              + "\"draft_history\": [{\"subject\": \"old\", \"body\": \"old body\"}],"
              + "\"framework_version\": 2,"
              + "\"generated_examples\": [{\"lead_id\": \"lead_1\", \"subject\": \"Quick idea for Acme\","
              + "  \"body\": \"Hi Ada, ...\"}],"
              + "\"task_status\": null,");

  @Test
  void createdSessionWithAllNullFields() throws IOException {
    Session s = WireMapper.toSession(decode(SessionEnvelope.class, CREATED));

    assertEquals("d1d1d1d1-1111-1111-1111-111111111111", s.id());
    assertEquals("11111111-1111-1111-1111-111111111111", s.userId());
    assertEquals("8c2b2d4e-e29b-41d4-a716-446655440000", s.campaignId());
    assertEquals("bbbb1111-1111-1111-1111-111111111111", s.nodeId());
    assertEquals(OffsetDateTime.parse("2026-04-22T10:00:00Z"), s.createdAt());
    assertEquals(TaskStatus.IDLE, s.taskStatus());
    assertFalse(s.title().isPresent());
    assertTrue(s.messages().isEmpty());
    assertFalse(s.draftSubject().isPresent());
    assertFalse(s.skeleton().isPresent());
    assertTrue(s.skeletonHistory().isEmpty());
    assertTrue(s.draftHistory().isEmpty());
    assertFalse(s.frameworkVersion().isPresent());
    assertTrue(s.generatedExamples().isEmpty());
    assertFalse(s.isBusy() || s.hasSkeleton() || s.hasDraft());
  }

  @Test
  void sessionWithMessagesLooseSkeletonAndExamples() throws IOException {
    Session s = WireMapper.toSession(decode(SessionEnvelope.class, WORKED));

    assertEquals("VP Sales intro", s.title().orElseThrow());
    assertEquals(4, s.messages().size());
    assertEquals(ChatMessage.user("Write an intro email"), s.messages().get(0));
    assertEquals("Draft ready.", s.lastAssistantMessage().orElseThrow());
    assertEquals("Quick idea for {{company}}", s.draftSubject().orElseThrow());
    Skeleton skeleton = s.skeleton().orElseThrow();
    assertEquals("Recent funding round", skeleton.get("hook"));
    assertEquals("Ramp 30% faster", skeleton.get("value_prop"));
    assertEquals(2.0, skeleton.get("weight"));
    assertFalse(skeleton.subject().isPresent());
    assertTrue(skeleton.blocks().isEmpty());
    assertEquals(List.of(Map.of("hook", "older")), s.skeletonHistory());
    assertEquals("old body", s.draftHistory().get(0).get("body"));
    assertEquals(2L, s.frameworkVersion().getAsLong());
    assertEquals(
        List.of(GeneratedExample.of("lead_1", "Quick idea for Acme", "Hi Ada, ...")),
        s.generatedExamples());
    assertTrue(s.hasSkeleton());
    assertTrue(s.hasDraft());
  }

  @Test
  void unknownFieldsAreIgnoredAndUnknownTaskStatusIsBusy() throws IOException {
    String json =
        session(
            "\"task_status\": \"rewriting_everything\", \"brand_new_field\": {\"a\": [1, 2]},"
                + "\"messages\": [{\"role\": \"tool\", \"content\": \"x\", \"extra\": 1}, null],");

    Session s = WireMapper.toSession(decode(SessionEnvelope.class, json));

    assertEquals(TaskStatus.UNKNOWN, s.taskStatus());
    assertTrue(s.isBusy());
    assertEquals(List.of(ChatMessage.of("tool", "x")), s.messages());
  }

  @Test
  void busyStatusesMap() throws IOException {
    assertEquals(
        TaskStatus.CHAT_PROCESSING,
        WireMapper.toSession(
                decode(SessionEnvelope.class, session("\"task_status\": \"chat_processing\",")))
            .taskStatus());
    assertEquals(
        TaskStatus.GENERATING_EXAMPLES,
        WireMapper.toSession(
                decode(SessionEnvelope.class, session("\"task_status\": \"generating_examples\",")))
            .taskStatus());
  }

  @Test
  void sessionListKeepsServerOrder() throws IOException {
    String one = CREATED.substring("{\"session\": ".length(), CREATED.length() - 1);
    String two = one.replace("d1d1d1d1", "e2e2e2e2");
    List<Session> sessions =
        WireMapper.toSessions(
            decode(SessionListEnvelope.class, "{\"sessions\": [" + one + "," + two + "]}"));

    assertEquals(2, sessions.size());
    assertTrue(sessions.get(1).id().startsWith("e2e2e2e2"));
    assertTrue(WireMapper.toSessions(decode(SessionListEnvelope.class, "{\"sessions\": []}"))
        .isEmpty());
  }

  @Test
  void missingRequiredFieldsAreReported() throws IOException {
    WireMapper.MalformedResponseException e =
        assertThrows(
            WireMapper.MalformedResponseException.class,
            () -> WireMapper.toSession(decode(SessionEnvelope.class, "{\"session\": {\"id\": \"x\"}}")));
    assertEquals("session.user_id", e.field());
    assertEquals(
        "sessions[0].id",
        assertThrows(
                WireMapper.MalformedResponseException.class,
                () -> WireMapper.toSessions(
                    decode(SessionListEnvelope.class, "{\"sessions\": [{}]}")))
            .field());
    assertEquals(
        "session",
        assertThrows(
                WireMapper.MalformedResponseException.class,
                () -> WireMapper.toSession(decode(SessionEnvelope.class, "{}")))
            .field());
    assertEquals(
        "publicAccessToken",
        assertThrows(
                WireMapper.MalformedResponseException.class,
                () -> WireMapper.toRunHandle(
                    decode(
                        ai.puffle.sdk.generated.model.RunHandle.class,
                        "{\"runId\": \"run_1\"}")))
            .field());
  }

  @Test
  void runHandle() throws IOException {
    RunHandle handle =
        WireMapper.toRunHandle(
            decode(
                ai.puffle.sdk.generated.model.RunHandle.class,
                "{\"runId\": \"run_abc123\", \"publicAccessToken\": \"tr_pat_abc123...\"}"));

    assertEquals(RunHandle.of("run_abc123", "tr_pat_abc123..."), handle);
  }

  static final String CONTENT =
      "{\"session_id\": \"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
          + "\"assistant_message\": \"Here is a framework.\","
          + "\"skeleton\": {"
          + "  \"subject\": \"%first_name%, a thought on %company%\","
          + "  \"body\": \"Hi %first_name%,\\n&& Open with an observation about %company% &&\\n"
          + "As %position% you know... &&Soft CTA&&\\n%sender_first%\","
          + "  \"blocks\": [{\"name\": \"hook\", \"strategy\": \"observation\","
          + "    \"personalization\": {\"fields\": [\"company\", \"position\"],"
          + "      \"approach\": \"recent news\", \"fallback\": \"industry trend\"}}],"
          + "  \"exampleSubject\": \"Ada, a thought on Acme\","
          + "  \"exampleBody\": \"Hi Ada, ...\","
          + "  \"tone\": \"warm\"},"
          + "\"skeleton_updated\": true, \"future\": 1}";

  @Test
  void generateContentWithTheFullSkeletonShape() throws IOException {
    ContentTurn turn = WireMapper.toContentTurn(decode(GenerateContentResponse.class, CONTENT));

    assertEquals("3c90c3cc-0d44-4b50-8888-8dd25736052a", turn.sessionId());
    assertEquals("Here is a framework.", turn.assistantMessage());
    assertTrue(turn.skeletonUpdated());
    Skeleton s = turn.skeleton().orElseThrow();
    assertEquals("%first_name%, a thought on %company%", s.subject().orElseThrow());
    assertEquals(
        List.of("first_name", "company", "position", "sender_first"),
        new ArrayList<>(s.variables()));
    assertEquals(
        List.of("Open with an observation about %company%", "Soft CTA"), s.aiInstructions());
    Skeleton.Block block = s.blocks().get(0);
    assertEquals("hook", block.name().orElseThrow());
    assertEquals("observation", block.strategy().orElseThrow());
    Skeleton.Personalization p = block.personalization().orElseThrow();
    assertEquals(List.of("company", "position"), p.fields());
    assertEquals("recent news", p.approach().orElseThrow());
    assertEquals("industry trend", p.fallback().orElseThrow());
    assertEquals("Ada, a thought on Acme", s.exampleSubject().orElseThrow());
    assertEquals("Hi Ada, ...", s.exampleBody().orElseThrow());
    assertEquals("warm", s.get("tone"));
  }

  @Test
  void generateContentWithoutSkeleton() throws IOException {
    ContentTurn turn =
        WireMapper.toContentTurn(
            decode(
                GenerateContentResponse.class,
                "{\"session_id\": \"s\", \"assistant_message\": \"Which tone?\","
                    + " \"skeleton\": null, \"skeleton_updated\": false}"));

    assertFalse(turn.skeleton().isPresent());
    assertFalse(turn.skeletonUpdated());
  }

  @Test
  void campaignWithNodesAndCounts() throws IOException {
    String json =
        "{\"campaign\": {\"id\": \"8c2b2d4e-e29b-41d4-a716-446655440000\", \"name\": \"Q3 VPs\","
            + "  \"type\": \"email\", \"status\": \"draft\", \"daily_limit\": 50},"
            + "\"sequence_nodes\": ["
            + "  {\"id\": \"n0\", \"campaign_id\": \"c\", \"position\": 0, \"type\": \"email\","
            + "   \"subject\": \"\", \"body\": \"\"},"
            + "  {\"id\": \"n1\", \"type\": \"ai\","
            + "   \"ai_node\": {\"purpose\": \"Follow up\", \"output_type\": \"email\"}},"
            + "  {\"id\": \"n2\", \"position\": 2, \"type\": \"teleport\"}],"
            + "\"prospects_by_status\": {\"active\": 12, \"completed\": 3},"
            + "\"prospects_by_node\": {\"__none__\": {\"active\": 1}}}";

    Campaign c = WireMapper.toCampaign(decode(CampaignDetail.class, json));

    assertEquals("Q3 VPs", c.name());
    assertEquals("email", c.type());
    assertTrue(c.isDraft());
    assertEquals(3, c.sequenceNodes().size());
    SequenceNode ai = c.node("n1").orElseThrow();
    assertTrue(ai.isAi());
    assertEquals(1, ai.position());
    assertEquals("8c2b2d4e-e29b-41d4-a716-446655440000", ai.campaignId());
    assertEquals("Follow up", ai.aiPurpose().orElseThrow());
    assertEquals("email", ai.aiOutputType().orElseThrow());
    assertEquals(List.of(ai), c.aiNodes());
    assertEquals("c", c.sequenceNodes().get(0).campaignId());
    assertEquals("", c.sequenceNodes().get(0).subject().orElseThrow());
    assertEquals("unknown", c.sequenceNodes().get(2).type());
    assertEquals(Map.of("active", 12L, "completed", 3L), c.prospectsByStatus());
    assertEquals(1L, c.prospectsByNode().get("__none__").get("active"));
  }

  @Test
  void aFreshCampaignWithNullHoursStatsAndSettings() throws IOException {
    Campaign c = WireMapper.toCampaign(decode(CampaignDetail.class,
        ai.puffle.sdk.generated.Fixtures.read("campaign-fresh.json")));

    assertTrue(c.isDraft());
    assertEquals("Untitled campaign", c.name());
    assertEquals(1, c.aiNodes().size());
    assertEquals("ai", c.aiNodes().get(0).type());
    assertTrue(c.prospectsByStatus().isEmpty());
  }

  @Test
  void campaignWithoutTypeOrStatus() throws IOException {
    Campaign c =
        WireMapper.toCampaign(
            decode(CampaignDetail.class, "{\"campaign\": {\"id\": \"c1\", \"status\": \"frozen\"}}"));

    assertEquals("unknown", c.type());
    assertEquals("unknown", c.status());
    assertEquals("", c.name());
    assertFalse(c.isDraft());
    assertTrue(c.sequenceNodes().isEmpty());
    assertTrue(c.prospectsByStatus().isEmpty());
  }

  @Test
  void updatedNode() throws IOException {
    SequenceNode node =
        WireMapper.toSequenceNode(
            decode(
                SequenceNodeEnvelope.class,
                "{\"node\": {\"id\": \"n1\", \"campaign_id\": \"c1\", \"position\": 1,"
                    + " \"type\": \"email\", \"subject\": \"S\", \"body\": \"B\","
                    + " \"body_html\": \"<p>B</p>\", \"ai_node\": null}}"));

    assertEquals("S", node.subject().orElseThrow());
    assertEquals("<p>B</p>", node.bodyHtml().orElseThrow());
    assertFalse(node.aiPurpose().isPresent());
    assertEquals(1, node.position());
  }

  @Test
  void generatedMessages() throws IOException {
    String json =
        "{\"messages\": [{\"id\": \"m1\", \"campaign_id\": \"c1\", \"prospect_id\": \"p1\","
            + " \"node_id\": \"n1\", \"subject\": \"Hi Ada\", \"body_text\": \"Hello\","
            + " \"manually_edited\": false, \"created_at\": \"2026-04-22T10:00:00Z\","
            + " \"status\": \"draft\"},"
            + " {\"id\": \"m2\", \"body_html\": \"<p>x</p>\", \"manually_edited\": true}]}";

    List<GeneratedMessage> messages =
        WireMapper.toGeneratedMessages(decode(GeneratedMessageListEnvelope.class, json));

    assertEquals(2, messages.size());
    GeneratedMessage first = messages.get(0);
    assertEquals("p1", first.prospectId());
    assertEquals("Hi Ada", first.subject().orElseThrow());
    assertEquals("draft", first.status().orElseThrow());
    assertEquals(OffsetDateTime.parse("2026-04-22T10:00:00Z"), first.createdAt().orElseThrow());
    assertTrue(messages.get(1).manuallyEdited());
    assertEquals("<p>x</p>", messages.get(1).bodyHtml().orElseThrow());
    assertTrue(
        WireMapper.toGeneratedMessages(decode(GeneratedMessageListEnvelope.class, "{}")).isEmpty());
    assertEquals(
        "m3",
        WireMapper.toGeneratedMessage(
                decode(GeneratedMessageEnvelope.class, "{\"message\": {\"id\": \"m3\"}}"))
            .id());
  }
}
