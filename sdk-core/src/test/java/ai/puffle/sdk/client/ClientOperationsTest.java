package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.AI_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.AI_SESSION_ID;
import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.DELAY_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.EMAIL_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.END_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.MESSAGE_1;
import static ai.puffle.sdk.generated.Fixtures.MESSAGE_2;
import static ai.puffle.sdk.generated.Fixtures.PROSPECT_1;
import static ai.puffle.sdk.generated.Fixtures.PROSPECT_2;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static ai.puffle.sdk.generated.Fixtures.USER_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testing.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Every operation of {@link ai.puffle.sdk.Sessions} and {@link ai.puffle.sdk.Campaigns} through
 * {@link PuffleClient}: method, path, query, auth header, body keys, and the public values decoded
 * from the realistic fixtures.
 */
class ClientOperationsTest extends ScriptedClientTest {
  static final String SESSIONS = "/api/campaigns/ai-chat-sessions";
  static final String CAMPAIGN = "/api/campaigns/" + CAMPAIGN_ID;

  // ------------------------------------------------------------------ sessions

  @Test
  void createSendsBothIdsAndDecodesTheEmptySession() throws Exception {
    server.enqueue(Json.ok("{\"sessions\":[]}"));
    server.fixture("session-created.json");
    Session s = client.sessions().create(CAMPAIGN_ID, EMAIL_NODE_ID);

    assertEquals("campaign_id=" + CAMPAIGN_ID, server.take("GET", SESSIONS).getUrl().query(),
        "the node's sessions are listed first, to reconcile a lost response");
    RecordedRequest r = server.take("POST", SESSIONS);
    assertNull(r.getUrl().query());
    assertEquals(Map.of("campaign_id", CAMPAIGN_ID, "node_id", EMAIL_NODE_ID), Json.body(r));
    assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));

    assertEquals(SESSION_ID, s.id());
    assertEquals(USER_ID, s.userId());
    assertEquals(CAMPAIGN_ID, s.campaignId());
    assertEquals(EMAIL_NODE_ID, s.nodeId());
    assertTrue(s.title().isEmpty());
    assertEquals(List.of(), s.messages());
    assertEquals(TaskStatus.IDLE, s.taskStatus());
    assertFalse(s.isBusy());
    assertFalse(s.hasSkeleton());
    assertFalse(s.hasDraft());
    assertTrue(s.frameworkVersion().isEmpty());
    assertEquals(List.of(), s.generatedExamples());
    assertEquals(List.of(), s.skeletonHistory());
    assertEquals(OffsetDateTime.of(2026, 4, 22, 10, 0, 0, 0, ZoneOffset.UTC), s.createdAt());
    assertEquals(2, server.requestCount());
  }

  @Test
  void listSendsTheCampaignAsQueryAndKeepsServerOrder() throws Exception {
    server.fixture("session-list.json");
    List<Session> sessions = client.sessions().list(CAMPAIGN_ID);

    RecordedRequest r = server.take("GET", SESSIONS);
    assertEquals("campaign_id=" + CAMPAIGN_ID, r.getUrl().query());
    assertEquals(0, r.getBodySize());

    assertEquals(2, sessions.size());
    Session first = sessions.get(0);
    assertEquals(SESSION_ID, first.id());
    assertEquals("Intro for VPs of Sales: time-to-ROI", first.title().orElseThrow());
    assertEquals(2, first.messages().size());
    assertTrue(first.messages().get(0).isUser());
    assertTrue(first.messages().get(1).isAssistant());
    assertEquals(
        "The cost of ramping new AEs at %company%", first.skeleton().orElseThrow().get("hook"));
    assertEquals(2L, first.frameworkVersion().getAsLong());
    assertEquals(
        OffsetDateTime.parse("2026-04-22T10:07:31.482913+00:00"), first.updatedAt());
    Session second = sessions.get(1);
    assertEquals(AI_SESSION_ID, second.id());
    assertEquals(AI_NODE_ID, second.nodeId());
    assertEquals(TaskStatus.CHAT_PROCESSING, second.taskStatus());
    assertTrue(second.isBusy());
  }

  @Test
  void getDecodesTheHookAndValuePropSkeletonShape() throws Exception {
    server.fixture("session-with-skeleton.json");
    Session s = client.sessions().get(SESSION_ID);

    server.take("GET", SESSIONS + "/" + SESSION_ID);
    Skeleton k = s.skeleton().orElseThrow();
    assertEquals("The cost of ramping new AEs at %company%", k.get("hook"));
    assertEquals(
        "New reps reach quota about 40% faster with the Salesforce integration",
        k.get("value_prop"));
    assertTrue(k.subject().isEmpty(), "this shape has no subject");
    assertTrue(k.body().isEmpty());
    assertEquals(List.of(), k.blocks());
    assertEquals(Set.of("hook", "value_prop"), k.asMap().keySet());

    assertEquals(
        "%first_name%, new reps at %company% could hit quota 40% sooner",
        s.draftSubject().orElseThrow());
    assertTrue(s.draftBody().orElseThrow().startsWith("Hi %first_name%,"));
    assertTrue(s.hasDraft());
    assertTrue(s.hasSkeleton());
    assertEquals(4, s.messages().size());
    assertTrue(s.lastAssistantMessage().orElseThrow().startsWith("Here is a first framework"));
    assertEquals(1, s.skeletonHistory().size());
    assertEquals("Faster ramp for new reps", s.skeletonHistory().get(0).get("value_prop"));
    assertEquals(1, s.draftHistory().size());
    assertEquals(2L, s.frameworkVersion().getAsLong());
    assertEquals(2, s.generatedExamples().size());
    assertEquals(PROSPECT_1, s.generatedExamples().get(0).leadId());
    assertEquals(
        "Luis, new reps at Contoso could hit quota 40% sooner",
        s.generatedExamples().get(1).subject());
  }

  @Test
  void getDecodesTheGenerateContentSkeletonShape() throws Exception {
    server.fixture("session-with-content-skeleton.json");
    Session s = client.sessions().get(AI_SESSION_ID);

    server.take("GET", SESSIONS + "/" + AI_SESSION_ID);
    assertContentSkeleton(s.skeleton().orElseThrow());
    assertEquals(1L, s.frameworkVersion().getAsLong());
    assertEquals(List.of(), s.skeletonHistory());
    assertEquals(
        OffsetDateTime.parse("2026-04-22T11:00:42.107+00:00"), s.updatedAt());
  }

  @Test
  void getKeepsWorkingWithUnknownFieldsAndAnUnknownTaskStatus() throws Exception {
    server.fixture("session-unknown-fields.json");
    Session s = client.sessions().get(SESSION_ID);
    server.take("GET", SESSIONS + "/" + SESSION_ID);
    assertEquals(TaskStatus.UNKNOWN, s.taskStatus());
    assertTrue(s.isBusy(), "an unknown task status is treated as busy");
    assertEquals("tool", s.messages().get(1).role());
    assertEquals(Map.of("formality", "medium", "max_words", 90.0), s.skeleton().orElseThrow().get("tone"));
  }

  @Test
  void updateSendsOnlyTheSetFieldsAndExplicitNulls() throws Exception {
    server.fixture("session-with-skeleton.json");
    Session s = client.sessions().update(SESSION_ID,
        SessionUpdate.builder().title("Intro v2").draftSubject(null).clearTaskStatus().build());

    RecordedRequest r = server.take("PATCH", SESSIONS + "/" + SESSION_ID);
    Map<String, Object> body = Json.body(r);
    assertEquals(Set.of("title", "draft_subject", "task_status"), body.keySet());
    assertEquals("Intro v2", body.get("title"));
    assertNull(body.get("draft_subject"));
    assertNull(body.get("task_status"));
    assertEquals(SESSION_ID, s.id());
  }

  @Test
  void clearTaskStatusAloneSendsExactlyTaskStatusNull() throws Exception {
    server.fixture("session-created.json");
    client.sessions().update(SESSION_ID, SessionUpdate.builder().clearTaskStatus().build());
    RecordedRequest r = server.take("PATCH", SESSIONS + "/" + SESSION_ID);
    assertEquals("{\"task_status\":null}", r.getBody().utf8());
  }

  @Test
  void updateWithSkeletonAndTranscriptSendsThemAsJson() throws Exception {
    server.fixture("session-with-skeleton.json");
    client.sessions().update(SESSION_ID, SessionUpdate.builder()
        .skeleton(Map.of("hook", "h"))
        .messages(List.of(ai.puffle.sdk.ChatMessage.of("user", "hi")))
        .build());
    Map<String, Object> body = Json.body(server.take("PATCH", SESSIONS + "/" + SESSION_ID));
    assertEquals(Map.of("hook", "h"), body.get("skeleton"));
    assertEquals(List.of(Map.of("role", "user", "content", "hi")), body.get("messages"));
  }

  @Test
  void deleteSendsNoBody() throws Exception {
    server.fixture("session-deleted.json");
    client.sessions().delete(SESSION_ID);
    RecordedRequest r = server.take("DELETE", SESSIONS + "/" + SESSION_ID);
    assertEquals(0, r.getBodySize());
    assertEquals(1, server.requestCount());
  }

  @Test
  void turnReadsTheSessionThenPostsTheMessageAndHints() throws Exception {
    server.fixture("session-with-skeleton.json").fixture("run-handle.json");
    TurnRequest request = TurnRequest.builder("Make it shorter")
        .availableVarNames("first_name", "company")
        .sampleLeads(List.of(Lead.builder().firstName("Dana").lastName("Whitfield")
            .company("Northwind").position("VP Sales").linkedinUrl("https://linkedin.com/in/dana")
            .customField("city", "Boston").build()))
        .sequenceContext(SequenceContext.of(0, 4))
        .build();
    RunHandle run = client.sessions().turn(SESSION_ID, request);

    server.take("GET", SESSIONS + "/" + SESSION_ID);
    Map<String, Object> body = Json.body(server.take("POST", SESSIONS + "/" + SESSION_ID + "/turn"));
    assertEquals(Set.of("message", "availableVarNames", "sampleLeads", "sequenceContext"), body.keySet());
    assertEquals("Make it shorter", body.get("message"));
    assertEquals(List.of("first_name", "company"), body.get("availableVarNames"));
    assertEquals(List.of(Map.of("first_name", "Dana", "last_name", "Whitfield", "company", "Northwind",
        "position", "VP Sales", "linkedin_url", "https://linkedin.com/in/dana",
        "custom_fields", Map.of("city", "Boston"))), body.get("sampleLeads"));
    assertEquals(Map.of("position", 0.0, "total_nodes", 4.0), body.get("sequenceContext"));
    assertEquals("run_abc123", run.runId());
    assertEquals("tr_pat_abc123...", run.publicAccessToken());
    assertTrue(run.isKnown());
    assertEquals(2, server.requestCount());
  }

  @Test
  void turnWithOnlyAMessageSendsOnlyTheMessage() throws Exception {
    server.fixture("session-created.json").fixture("run-handle.json");
    client.sessions().turn(SESSION_ID, TurnRequest.of("Hello"));
    server.take("GET", SESSIONS + "/" + SESSION_ID);
    assertEquals(Map.of("message", "Hello"),
        Json.body(server.take("POST", SESSIONS + "/" + SESSION_ID + "/turn")));
  }

  @Test
  void generateExamplesPostsLeadsFirstBatchAndContext() throws Exception {
    server.fixture("session-with-skeleton.json").fixture("run-handle.json");
    RunHandle run = client.sessions().generateExamples(SESSION_ID, ExamplesRequest.builder(List.of(
            Lead.builder().fullName("Dana Whitfield").company("Northwind").headline("VP Sales").build(),
            Lead.of("Luis", "Ortega")))
        .firstBatch(false)
        .sequenceContext(SequenceContext.of(2, 4))
        .build());

    server.take("GET", SESSIONS + "/" + SESSION_ID);
    Map<String, Object> body =
        Json.body(server.take("POST", SESSIONS + "/" + SESSION_ID + "/generate-examples"));
    assertEquals(Set.of("leads", "isFirstBatch", "sequenceContext"), body.keySet());
    assertEquals(Boolean.FALSE, body.get("isFirstBatch"));
    assertEquals(List.of(
        Map.of("full_name", "Dana Whitfield", "company", "Northwind", "headline", "VP Sales"),
        Map.of("first_name", "Luis", "last_name", "Ortega")), body.get("leads"));
    assertEquals(Map.of("position", 2.0, "total_nodes", 4.0), body.get("sequenceContext"));
    assertEquals("run_abc123", run.runId());
  }

  @Test
  void generateExamplesDefaultsToAFirstBatch() throws Exception {
    server.fixture("session-with-content-skeleton.json").fixture("run-handle.json");
    client.sessions().generateExamples(AI_SESSION_ID, ExamplesRequest.of(List.of(Lead.of("Dana", null))));
    server.take("GET", SESSIONS + "/" + AI_SESSION_ID);
    Map<String, Object> body =
        Json.body(server.take("POST", SESSIONS + "/" + AI_SESSION_ID + "/generate-examples"));
    assertEquals(Map.of("leads", List.of(Map.of("first_name", "Dana")), "isFirstBatch", true), body);
  }

  // ------------------------------------------------------------------ campaigns

  @Test
  void generateContentWaitsOutTheBusySessionThenRetriesA409() throws Exception {
    server.fixture("session-list.json")                  // the AI node's session is busy
        .fixture("session-with-content-skeleton.json")   // waited out: idle
        .fixture(409, "error-session-busy.json")         // someone else took it meanwhile
        .fixture("session-busy.json")                    // still busy
        .fixture("session-with-content-skeleton.json")   // idle again
        .fixture("generate-content-response.json");
    ContentRequest request = ContentRequest.builder(AI_NODE_ID, "Follow up, reference their hiring")
        .sampleLeads(List.of(
            Lead.builder().fullName("Dana Whitfield").email("dana@northwind.example")
                .company("Northwind").position("VP Sales").customField("team_size", 40).build()))
        .sequenceContext(Map.of("position", 2, "total_nodes", 4))
        .build();

    ContentTurn turn = client.campaigns().generateContent(CAMPAIGN_ID, request);

    assertEquals("campaign_id=" + CAMPAIGN_ID, server.take("GET", SESSIONS).getUrl().query());
    server.take("GET", SESSIONS + "/" + AI_SESSION_ID);
    Map<String, Object> first = Json.body(server.take("POST", CAMPAIGN + "/generate-content"));
    server.take("GET", SESSIONS + "/" + AI_SESSION_ID);
    server.take("GET", SESSIONS + "/" + AI_SESSION_ID);
    Map<String, Object> second = Json.body(server.take("POST", CAMPAIGN + "/generate-content"));
    assertEquals(6, server.requestCount());
    assertEquals(first, second, "the same body both times");
    assertEquals(Set.of("node_id", "message", "sample_leads", "sequence_context"), first.keySet());
    assertEquals(AI_NODE_ID, first.get("node_id"));
    assertEquals("Follow up, reference their hiring", first.get("message"));
    assertEquals(List.of(Map.of("first_name", "Dana", "last_name", "Whitfield",
        "email", "dana@northwind.example", "company", "Northwind", "position", "VP Sales",
        "custom_fields", Map.of("team_size", 40.0))), first.get("sample_leads"));
    assertEquals(Map.of("position", 2.0, "total_nodes", 4.0), first.get("sequence_context"));

    assertEquals(AI_SESSION_ID, turn.sessionId());
    assertTrue(turn.assistantMessage().startsWith("I built a two-block framework"));
    assertTrue(turn.skeletonUpdated());
    assertContentSkeleton(turn.skeleton().orElseThrow());
  }

  @Test
  void generateContentWithoutASessionPostsAtOnceAndMayReturnNoSkeleton() throws Exception {
    server.enqueue(Json.ok("{\"sessions\":[]}")).fixture("generate-content-no-skeleton.json");
    ContentTurn turn = client.campaigns().generateContent(CAMPAIGN_ID, ContentRequest.of(AI_NODE_ID, "Hi"));
    server.take("GET", SESSIONS);
    assertEquals(Map.of("node_id", AI_NODE_ID, "message", "Hi"),
        Json.body(server.take("POST", CAMPAIGN + "/generate-content")));
    assertTrue(turn.skeleton().isEmpty());
    assertFalse(turn.skeletonUpdated());
    assertTrue(turn.assistantMessage().startsWith("Before I draft anything"));
    assertEquals(2, server.requestCount());
  }

  @Test
  void resolveMessagesPostsTheResolveAction() throws Exception {
    server.fixture("generated-messages.json");
    List<GeneratedMessage> messages = client.campaigns().resolveMessages(CAMPAIGN_ID);
    assertEquals(Map.of("action", "resolve"),
        Json.body(server.take("POST", CAMPAIGN + "/generate-messages")));
    assertGeneratedMessages(messages);
  }

  @Test
  void generateAiMessagesPostsTheNodeAndOptionalProspects() throws Exception {
    server.fixture("generate-ai-accepted.json").fixture("generate-ai-accepted.json");
    List<GeneratedMessage> queued = client.campaigns().generateAiMessages(CAMPAIGN_ID, AI_NODE_ID);
    assertEquals(List.of(), queued, "the accepted response carries no messages");
    assertEquals(Map.of("action", "generate_ai", "node_id", AI_NODE_ID),
        Json.body(server.take("POST", CAMPAIGN + "/generate-messages")));

    client.campaigns().generateAiMessages(CAMPAIGN_ID, AI_NODE_ID, List.of(PROSPECT_1, PROSPECT_2),
        ai.puffle.sdk.RequestOptions.none());
    assertEquals(Map.of("action", "generate_ai", "node_id", AI_NODE_ID,
            "prospect_ids", List.of(PROSPECT_1, PROSPECT_2)),
        Json.body(server.take("POST", CAMPAIGN + "/generate-messages")));
  }

  @Test
  void listMessagesSendsTheStatusFilterAsQuery() throws Exception {
    server.fixture("generated-messages.json").fixture("generated-messages.json");
    assertGeneratedMessages(client.campaigns().listMessages(CAMPAIGN_ID));
    assertEquals("status=draft", server.take("GET", CAMPAIGN + "/generate-messages").getUrl().query());
    client.campaigns().listMessages(CAMPAIGN_ID, MessageFilter.ALL);
    assertEquals("status=all", server.take("GET", CAMPAIGN + "/generate-messages").getUrl().query());
  }

  @Test
  void listLeadMessagesSendsStatusAndProspect() throws Exception {
    server.fixture("generated-messages.json");
    List<GeneratedMessage> m = client.campaigns().listLeadMessages(
        CAMPAIGN_ID, PROSPECT_2, MessageFilter.SENT, ai.puffle.sdk.RequestOptions.none());
    RecordedRequest r = server.take("GET", CAMPAIGN + "/generate-messages");
    assertEquals("sent", r.getUrl().queryParameter("status"));
    assertEquals(PROSPECT_2, r.getUrl().queryParameter("prospect_id"));
    assertEquals(Set.of("status", "prospect_id"), r.getUrl().queryParameterNames());
    assertEquals(2, m.size());
  }

  @Test
  void updateMessagePatchesIdSubjectAndBody() throws Exception {
    server.fixture("generated-message-updated.json");
    GeneratedMessage m = client.campaigns().updateMessage(CAMPAIGN_ID, MessageUpdate.of(MESSAGE_1)
        .subject("Dana, quick question about Northwind's new AEs")
        .bodyText("Hi Dana,\n\nHow long does a new AE take to reach quota at Northwind today?\n\nSam")
        .build());
    Map<String, Object> body = Json.body(server.take("PATCH", CAMPAIGN + "/generate-messages"));
    assertEquals(Set.of("message_id", "subject", "body_text"), body.keySet());
    assertEquals(MESSAGE_1, body.get("message_id"));
    assertEquals(MESSAGE_1, m.id());
    assertTrue(m.manuallyEdited());
    assertEquals("draft", m.status().orElseThrow());
    assertTrue(m.bodyHtml().orElseThrow().startsWith("<p>Hi Dana,</p>"));
  }

  @Test
  void updateMessageWithOnlyABodySendsNoSubject() throws Exception {
    server.fixture("generated-message-updated.json");
    client.campaigns().updateMessage(CAMPAIGN_ID, MessageUpdate.of(MESSAGE_2).bodyText("x").build());
    assertEquals(Map.of("message_id", MESSAGE_2, "body_text", "x"),
        Json.body(server.take("PATCH", CAMPAIGN + "/generate-messages")));
  }

  @Test
  void getCampaignDecodesNodesAiNodesAndCounts() throws Exception {
    server.fixture("campaign-detail.json");
    Campaign c = client.campaigns().get(CAMPAIGN_ID);
    RecordedRequest r = server.take("GET", CAMPAIGN);
    assertNull(r.getUrl().query());

    assertEquals(CAMPAIGN_ID, c.id());
    assertEquals("Q2 VP Sales outreach", c.name());
    assertEquals("email", c.type());
    assertEquals("draft", c.status());
    assertTrue(c.isDraft());
    assertEquals(List.of(EMAIL_NODE_ID, DELAY_NODE_ID, AI_NODE_ID, END_NODE_ID),
        c.sequenceNodes().stream().map(SequenceNode::id).collect(java.util.stream.Collectors.toList()));
    assertEquals(List.of("email", "delay", "ai", "end"),
        c.sequenceNodes().stream().map(SequenceNode::type).collect(java.util.stream.Collectors.toList()));
    SequenceNode ai = c.node(AI_NODE_ID).orElseThrow();
    assertTrue(ai.isAi());
    assertEquals(2, ai.position());
    assertEquals(CAMPAIGN_ID, ai.campaignId());
    assertEquals("Follow up on the intro with a hiring-based hook", ai.aiPurpose().orElseThrow());
    assertEquals("email", ai.aiOutputType().orElseThrow());
    assertTrue(ai.subject().isEmpty());
    assertEquals(List.of(ai), c.aiNodes());
    assertEquals(CAMPAIGN_ID, c.node(END_NODE_ID).orElseThrow().campaignId());
    assertEquals("", c.node(EMAIL_NODE_ID).orElseThrow().subject().orElse("absent"));
    assertTrue(c.node(SESSION_ID).isEmpty());
    assertEquals(Map.of("draft", 12L, "pending", 0L), c.prospectsByStatus());
    assertEquals(Map.of("__none__", Map.of("draft", 12L)), c.prospectsByNode());
  }

  @Test
  void updateNodePutsOnlyTheSetFields() throws Exception {
    server.fixture("sequence-node-updated.json");
    SequenceNode node = client.campaigns().updateNode(CAMPAIGN_ID, AI_NODE_ID, NodeUpdate.builder()
        .subject("%first_name%, a faster ramp for %company%'s new reps")
        .body("Hi %first_name%")
        .bodyHtml(null)
        .isReply(true)
        .delayDays(0)
        .aiPurpose("Follow up on the intro with a hiring-based hook")
        .build());
    Map<String, Object> body =
        Json.body(server.take("PUT", CAMPAIGN + "/sequence/nodes/" + AI_NODE_ID));
    assertEquals(Set.of("subject", "body", "body_html", "is_reply", "delay_days", "ai_node"), body.keySet());
    assertTrue(body.containsKey("body_html") && body.get("body_html") == null, "explicit null");
    assertEquals(Boolean.TRUE, body.get("is_reply"));
    assertEquals(0.0, body.get("delay_days"));
    assertEquals(Map.of("purpose", "Follow up on the intro with a hiring-based hook"), body.get("ai_node"));

    assertEquals(AI_NODE_ID, node.id());
    assertTrue(node.isAi());
    assertEquals("%first_name%, a faster ramp for %company%'s new reps", node.subject().orElseThrow());
    assertEquals("email", node.aiOutputType().orElseThrow());
    assertTrue(node.bodyHtml().isEmpty());
  }

  // ------------------------------------------------------------------ async

  @Test
  void asyncOperationsReturnFuturesThatComplete() throws Exception {
    server.fixture("session-with-skeleton.json")
        .fixture("session-list.json")
        .fixture("campaign-detail.json")
        .fixture("sequence-node-updated.json")
        .fixture("session-deleted.json");
    CompletableFuture<Session> get = client.async().sessions().get(SESSION_ID);
    assertEquals(SESSION_ID, get.get(5, TimeUnit.SECONDS).id());
    CompletableFuture<List<Session>> list = client.async().sessions().list(CAMPAIGN_ID);
    assertEquals(2, list.get(5, TimeUnit.SECONDS).size());
    CompletableFuture<Campaign> campaign = client.async().campaigns().get(CAMPAIGN_ID);
    assertEquals(4, campaign.get(5, TimeUnit.SECONDS).sequenceNodes().size());
    CompletableFuture<SequenceNode> node = client.async().campaigns()
        .updateNode(CAMPAIGN_ID, AI_NODE_ID, NodeUpdate.draft("S", "B"));
    assertEquals(AI_NODE_ID, node.get(5, TimeUnit.SECONDS).id());
    CompletableFuture<Void> delete = client.async().sessions().delete(SESSION_ID);
    delete.get(5, TimeUnit.SECONDS);
    assertTrue(delete.isDone() && !delete.isCompletedExceptionally());

    server.take("GET", SESSIONS + "/" + SESSION_ID);
    server.take("GET", SESSIONS);
    server.take("GET", CAMPAIGN);
    assertEquals(Map.of("subject", "S", "body", "B"),
        Json.body(server.take("PUT", CAMPAIGN + "/sequence/nodes/" + AI_NODE_ID)));
    server.take("DELETE", SESSIONS + "/" + SESSION_ID);
    assertEquals(5, server.requestCount());
  }

  @Test
  void asyncTurnAndGenerateContentComplete() throws Exception {
    server.fixture("session-created.json").fixture("run-handle.json");
    RunHandle run = client.async().sessions().turn(SESSION_ID, TurnRequest.of("Hi"))
        .get(5, TimeUnit.SECONDS);
    assertEquals("run_abc123", run.runId());

    server.enqueue(Json.ok("{\"sessions\":[]}")).fixture("generate-content-response.json");
    ContentTurn turn = client.async().campaigns()
        .generateContent(CAMPAIGN_ID, ContentRequest.of(AI_NODE_ID, "Draft it"))
        .get(5, TimeUnit.SECONDS);
    assertContentSkeleton(turn.skeleton().orElseThrow());

    server.fixture("generated-messages.json");
    assertGeneratedMessages(client.async().campaigns().listMessages(CAMPAIGN_ID, MessageFilter.PENDING)
        .get(5, TimeUnit.SECONDS));
    server.take("GET", SESSIONS + "/" + SESSION_ID);
    server.take("POST", SESSIONS + "/" + SESSION_ID + "/turn");
    server.take("GET", SESSIONS);
    server.take("POST", CAMPAIGN + "/generate-content");
    assertEquals("status=pending", server.take("GET", CAMPAIGN + "/generate-messages").getUrl().query());
  }

  // ------------------------------------------------------------------ helpers

  static void assertContentSkeleton(Skeleton k) {
    assertEquals("%first_name%, a faster ramp for %company%'s new reps", k.subject().orElseThrow());
    assertTrue(k.body().orElseThrow().startsWith("Hi %first_name%,"));
    assertEquals(2, k.blocks().size());
    Skeleton.Block opener = k.blocks().get(0);
    assertEquals("opener", opener.name().orElseThrow());
    assertTrue(opener.strategy().orElseThrow().startsWith("Reference a concrete"));
    Skeleton.Personalization p = opener.personalization().orElseThrow();
    assertEquals(List.of("company", "position"), p.fields());
    assertEquals("Mention hiring or expansion news when it is available", p.approach().orElseThrow());
    assertEquals("Refer to the challenge of ramping new reps in their industry", p.fallback().orElseThrow());
    assertEquals(List.of("position"), k.blocks().get(1).personalization().orElseThrow().fields());
    assertEquals("Dana, a faster ramp for Northwind's new reps", k.exampleSubject().orElseThrow());
    assertTrue(k.exampleBody().orElseThrow().startsWith("Hi Dana,"));
    assertEquals(new LinkedHashSet<>(List.of("first_name", "company", "position", "sender_first")),
        k.variables());
    assertEquals(List.copyOf(k.variables()), List.of("first_name", "company", "position", "sender_first"));
    assertEquals(List.of(
        "Open with one specific observation about %company%'s sales hiring, at most 20 words",
        "One sentence tying a %position%'s targets to time-to-ROI"), k.aiInstructions());
  }

  static void assertGeneratedMessages(List<GeneratedMessage> messages) {
    assertEquals(2, messages.size());
    GeneratedMessage a = messages.get(0);
    assertEquals(MESSAGE_1, a.id());
    assertEquals(CAMPAIGN_ID, a.campaignId());
    assertEquals(PROSPECT_1, a.prospectId());
    assertEquals(EMAIL_NODE_ID, a.nodeId());
    assertEquals("Dana, new reps at Northwind could hit quota 40% sooner", a.subject().orElseThrow());
    assertTrue(a.bodyText().orElseThrow().startsWith("Hi Dana,"));
    assertTrue(a.bodyHtml().isEmpty());
    assertEquals("draft", a.status().orElseThrow());
    assertFalse(a.manuallyEdited());
    assertEquals(OffsetDateTime.parse("2026-04-22T12:00:00Z"), a.createdAt().orElseThrow());
    GeneratedMessage b = messages.get(1);
    assertEquals(MESSAGE_2, b.id());
    assertEquals(AI_NODE_ID, b.nodeId());
    assertTrue(b.status().isEmpty(), "the newer shape has no status");
    assertTrue(b.manuallyEdited());
    assertTrue(b.bodyHtml().orElseThrow().contains("Contoso"));
    assertEquals(OffsetDateTime.parse("2026-04-22T12:00:01.250+00:00"), b.createdAt().orElseThrow());
  }
}
