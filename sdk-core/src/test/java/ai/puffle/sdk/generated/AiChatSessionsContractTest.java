package ai.puffle.sdk.generated;

import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.EMAIL_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.PROSPECT_1;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static ai.puffle.sdk.generated.Fixtures.USER_ID;
import static ai.puffle.sdk.generated.WireHarness.array;
import static ai.puffle.sdk.generated.WireHarness.assertCall;
import static ai.puffle.sdk.generated.WireHarness.assertKeyOrder;
import static ai.puffle.sdk.generated.WireHarness.assertKeys;
import static ai.puffle.sdk.generated.WireHarness.assertNoBody;
import static ai.puffle.sdk.generated.WireHarness.assertNoQuery;
import static ai.puffle.sdk.generated.WireHarness.jsonBody;
import static ai.puffle.sdk.generated.WireHarness.jsonText;
import static ai.puffle.sdk.generated.WireHarness.names;
import static ai.puffle.sdk.generated.WireHarness.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.generated.model.AiChatLead;
import ai.puffle.sdk.generated.model.AiChatSession;
import ai.puffle.sdk.generated.model.ChatMessage;
import ai.puffle.sdk.generated.model.CreateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.DeleteResult;
import ai.puffle.sdk.generated.model.GenerateAiChatExamplesRequest;
import ai.puffle.sdk.generated.model.RunAiChatTurnRequest;
import ai.puffle.sdk.generated.model.RunHandle;
import ai.puffle.sdk.generated.model.SequenceContext;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.SessionListEnvelope;
import ai.puffle.sdk.generated.model.Skeleton;
import ai.puffle.sdk.generated.model.TaskStatus;
import ai.puffle.sdk.generated.model.UpdateAiChatSessionRequest;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.json.PuffleJson;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire contract of the seven AiChatSessions operations (request shape and response decoding). */
class AiChatSessionsContractTest {
  private static final String SESSIONS = "/api/campaigns/ai-chat-sessions";

  @StartStop final MockWebServer server = MockServers.create();
  private WireHarness wire;

  @BeforeEach
  void setUp() {
    wire = new WireHarness(server);
  }

  @AfterEach
  void tearDown() {
    wire.close();
  }

  @Test
  void createAiChatSession() throws Exception {
    server.enqueue(MockServers.json(201, "session-created.json"));
    ApiRequest<SessionEnvelope> request =
        wire.sessions.createAiChatSession(
            new CreateAiChatSessionRequest().campaignId(CAMPAIGN_ID).nodeId(EMAIL_NODE_ID));
    assertEquals("createAiChatSession", request.operationId());

    AiChatSession session = wire.execute(request).getSession();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "POST", SESSIONS);
    assertNoQuery(recorded);
    Map<String, Object> body = jsonBody(recorded);
    assertKeys(body, "campaign_id", "node_id");
    assertEquals(CAMPAIGN_ID, body.get("campaign_id"));
    assertEquals(EMAIL_NODE_ID, body.get("node_id"));

    assertEquals(SESSION_ID, session.getId());
    assertEquals(USER_ID, session.getUserId());
    assertEquals(CAMPAIGN_ID, session.getCampaignId());
    assertEquals(EMAIL_NODE_ID, session.getNodeId());
    assertNull(session.getTitle());
    assertNull(session.getMessages());
    assertNull(session.getDraftSubject());
    assertNull(session.getDraftBody());
    assertNull(session.getSkeleton());
    assertNull(session.getSkeletonHistory());
    assertNull(session.getDraftHistory());
    assertNull(session.getFrameworkVersion());
    assertNull(session.getGeneratedExamples());
    assertNull(session.getTaskStatus());
    OffsetDateTime created = OffsetDateTime.of(2026, 4, 22, 10, 0, 0, 0, ZoneOffset.UTC);
    assertEquals(created, session.getCreatedAt());
    assertEquals(created, session.getUpdatedAt());
  }

  @Test
  void listAiChatSessions() throws Exception {
    server.enqueue(MockServers.json(200, "session-list.json"));
    ApiRequest<SessionListEnvelope> request = wire.sessions.listAiChatSessions(CAMPAIGN_ID);
    assertEquals("listAiChatSessions", request.operationId());

    List<AiChatSession> sessions = wire.execute(request).getSessions();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "GET", SESSIONS);
    assertEquals(names("campaign_id"), recorded.getUrl().queryParameterNames());
    assertEquals(CAMPAIGN_ID, recorded.getUrl().queryParameter("campaign_id"));
    assertNoBody(recorded);

    assertEquals(2, sessions.size());
    AiChatSession idle = sessions.get(0);
    assertEquals(SESSION_ID, idle.getId());
    assertNull(idle.getTaskStatus());
    assertKeyOrder(idle.getSkeleton(), "hook", "value_prop");
    assertEquals(Long.valueOf(2), idle.getFrameworkVersion());
    AiChatSession busy = sessions.get(1);
    assertEquals(Fixtures.AI_SESSION_ID, busy.getId());
    assertEquals(Fixtures.AI_NODE_ID, busy.getNodeId());
    assertEquals(TaskStatus.CHAT_PROCESSING, busy.getTaskStatus());
    assertEquals(1, busy.getMessages().size());
    assertNull(busy.getSkeleton());
  }

  @Test
  void getAiChatSessionDecodesARealisticSession() throws Exception {
    server.enqueue(MockServers.json(200, "session-with-skeleton.json"));
    ApiRequest<SessionEnvelope> request = wire.sessions.getAiChatSession(SESSION_ID);
    assertEquals("getAiChatSession", request.operationId());

    AiChatSession session = wire.execute(request).getSession();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "GET", SESSIONS + "/" + SESSION_ID);
    assertNoQuery(recorded);
    assertNoBody(recorded);

    assertEquals(SESSION_ID, session.getId());
    assertEquals(USER_ID, session.getUserId());
    assertEquals("Intro for VPs of Sales: time-to-ROI", session.getTitle());
    List<ChatMessage> messages = session.getMessages();
    assertEquals(4, messages.size());
    assertEquals(
        List.of("user", "assistant", "user", "assistant"),
        messages.stream().map(ChatMessage::getRole).collect(Collectors.toList()));
    assertTrue(messages.get(2).getContent().startsWith("New reps reach quota about 40% faster"));
    assertEquals(
        "%first_name%, new reps at %company% could hit quota 40% sooner",
        session.getDraftSubject());
    assertTrue(session.getDraftBody().startsWith("Hi %first_name%,\n\n"));
    assertTrue(session.getDraftBody().endsWith("Best,\n%sender_first%"));

    Skeleton skeleton = session.getSkeleton();
    assertKeyOrder(skeleton, "hook", "value_prop");
    assertEquals("The cost of ramping new AEs at %company%", skeleton.get("hook"));
    assertEquals(
        "New reps reach quota about 40% faster with the Salesforce integration",
        skeleton.get("value_prop"));
    assertKeyOrder(session.getSkeletonHistory().get(0), "hook", "value_prop");
    assertKeyOrder(session.getDraftHistory().get(0), "draft_subject", "draft_body");

    assertEquals(Long.valueOf(2), session.getFrameworkVersion());
    assertEquals(2, session.getGeneratedExamples().size());
    assertEquals(PROSPECT_1, session.getGeneratedExamples().get(0).getLeadId());
    assertEquals(
        "Dana, new reps at Northwind could hit quota 40% sooner",
        session.getGeneratedExamples().get(0).getSubject());
    assertTrue(session.getGeneratedExamples().get(1).getBody().startsWith("Hi Luis,"));
    assertNull(session.getTaskStatus());
    assertEquals(
        OffsetDateTime.of(2026, 4, 22, 10, 0, 0, 0, ZoneOffset.UTC), session.getCreatedAt());
    assertEquals(
        OffsetDateTime.of(2026, 4, 22, 10, 7, 31, 482_913_000, ZoneOffset.UTC),
        session.getUpdatedAt());
  }

  @Test
  void getAiChatSessionToleratesUnknownFieldsAndTaskStatus() throws Exception {
    server.enqueue(MockServers.json(200, "session-unknown-fields.json"));

    AiChatSession session = wire.execute(wire.sessions.getAiChatSession(SESSION_ID)).getSession();

    assertCall(wire.take(), "GET", SESSIONS + "/" + SESSION_ID);
    assertEquals(TaskStatus.UNKNOWN_DEFAULT_OPEN_API, session.getTaskStatus());
    assertEquals(SESSION_ID, session.getId());
    assertEquals("tool", session.getMessages().get(1).getRole());
    assertEquals(
        "Dana, new reps at Northwind could hit quota 40% sooner",
        session.getGeneratedExamples().get(0).getSubject());
    assertEquals(Long.valueOf(3), session.getFrameworkVersion());
    // The skeleton is an open object: keys the spec does not name are kept, nested values too.
    Skeleton skeleton = session.getSkeleton();
    assertKeyOrder(skeleton, "hook", "value_prop", "cta", "tone", "banned_phrases");
    assertEquals(Map.of("formality", "medium", "max_words", 90.0), skeleton.get("tone"));
    assertEquals(List.of("circle back", "synergy"), skeleton.get("banned_phrases"));
    assertEquals(
        OffsetDateTime.of(2026, 4, 22, 10, 9, 1, 0, ZoneOffset.UTC), session.getUpdatedAt());
  }

  @Test
  void updateAiChatSession() throws Exception {
    server.enqueue(MockServers.json(200, "session-with-skeleton.json"));
    Map<String, Object> skeletonValues = new LinkedHashMap<>();
    skeletonValues.put("hook", "Ramp time at %company%");
    skeletonValues.put("value_prop", "40% faster to quota");
    skeletonValues.put("cta", "15 minutes next week");
    UpdateAiChatSessionRequest patch =
        new UpdateAiChatSessionRequest()
            .title("Intro for VPs of Sales: time-to-ROI")
            .draftSubject("%first_name%, new reps at %company% could hit quota 40% sooner")
            .skeleton(new Skeleton(skeletonValues));
    patch.setTaskStatus(null);
    ApiRequest<SessionEnvelope> request = wire.sessions.updateAiChatSession(SESSION_ID, patch);
    assertEquals("updateAiChatSession", request.operationId());

    AiChatSession session = wire.execute(request).getSession();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "PATCH", SESSIONS + "/" + SESSION_ID);
    assertNoQuery(recorded);
    Map<String, Object> body = jsonBody(recorded);
    // Only the keys that were set, the explicit null included; nothing else (no empty lists).
    assertKeys(body, "title", "draft_subject", "skeleton", "task_status");
    assertTrue(body.containsKey("task_status"));
    assertNull(body.get("task_status"));
    assertEquals("Intro for VPs of Sales: time-to-ROI", body.get("title"));
    assertEquals(skeletonValues, body.get("skeleton"));
    assertKeyOrder(object(body, "skeleton"), "hook", "value_prop", "cta");

    assertEquals(SESSION_ID, session.getId());
    assertEquals("Intro for VPs of Sales: time-to-ROI", session.getTitle());
  }

  @Test
  void deleteAiChatSession() throws Exception {
    server.enqueue(MockServers.json(200, "session-deleted.json"));
    ApiRequest<DeleteResult> request = wire.sessions.deleteAiChatSession(SESSION_ID);
    assertEquals("deleteAiChatSession", request.operationId());

    DeleteResult result = wire.execute(request);

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "DELETE", SESSIONS + "/" + SESSION_ID);
    assertNoQuery(recorded);
    assertNoBody(recorded);
    assertEquals(Boolean.TRUE, result.getSuccess());
  }

  @Test
  void runAiChatTurn() throws Exception {
    server.enqueue(MockServers.json(202, "run-handle.json"));
    Map<String, Object> customFields = new LinkedHashMap<>();
    customFields.put("industry", "Logistics");
    customFields.put("employees", 1200);
    customFields.put("recent_news", Map.of("headline", "Northwind hires 8 AEs"));
    customFields.put("tier", null);
    SequenceContext context = new SequenceContext();
    context.put(SequenceContext.KEY_POSITION, 0L);
    context.put(SequenceContext.KEY_TOTAL_NODES, 4L);
    context.put(SequenceContext.KEY_PRIOR_NODES, List.of());
    context.put("campaign_goal", "book demos");
    RunAiChatTurnRequest turn =
        new RunAiChatTurnRequest()
            .message("Make the opener about their hiring.")
            .availableVarNames(List.of("first_name", "company", "position"))
            .sampleLeads(List.of(fullLead(customFields)))
            .sequenceContext(context);
    ApiRequest<RunHandle> request = wire.sessions.runAiChatTurn(SESSION_ID, turn);
    assertEquals("runAiChatTurn", request.operationId());

    RunHandle handle = wire.execute(request);

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "POST", SESSIONS + "/" + SESSION_ID + "/turn");
    assertNoQuery(recorded);
    String text = jsonText(recorded);
    Map<String, Object> body = WireHarness.parseObject(text);
    // camelCase containers...
    assertKeys(body, "message", "availableVarNames", "sampleLeads", "sequenceContext");
    assertEquals("Make the opener about their hiring.", body.get("message"));
    assertEquals(List.of("first_name", "company", "position"), body.get("availableVarNames"));
    // ...with snake_case lead keys.
    Object lead = array(body, "sampleLeads").get(0);
    assertFullLead(lead);
    assertKeys(object(lead, "custom_fields"), "industry", "employees", "recent_news", "tier");
    assertTrue(object(lead, "custom_fields").containsKey("tier"), "a null custom field is kept");
    Map<String, Object> sentContext = object(body, "sequenceContext");
    assertKeys(sentContext, "position", "total_nodes", "prior_nodes", "campaign_goal");
    assertTrue(text.contains("\"position\":0"), "integers stay integers: " + text);
    assertTrue(text.contains("\"total_nodes\":4"), text);

    // The same body decodes back with every custom field and context key (emulator side).
    RunAiChatTurnRequest decoded =
        PuffleJson.moshi().adapter(RunAiChatTurnRequest.class).fromJson(text);
    assertKeyOrder(
        decoded.getSampleLeads().get(0).getCustomFields(),
        "industry", "employees", "recent_news", "tier");
    assertEquals("book demos", decoded.getSequenceContext().get("campaign_goal"));

    assertEquals("run_abc123", handle.getRunId());
    assertEquals("tr_pat_abc123...", handle.getPublicAccessToken());
    assertFalse(handle.toString().contains("tr_pat_abc123"), "token printed: " + handle);
  }

  @Test
  void generateAiChatExamples() throws Exception {
    server.enqueue(MockServers.json(200, "run-handle.json"));
    SequenceContext context = new SequenceContext();
    context.put(SequenceContext.KEY_POSITION, 2L);
    context.put(SequenceContext.KEY_TOTAL_NODES, 4L);
    context.put(
        SequenceContext.KEY_PRIOR_NODES,
        List.of(Map.of("type", "email", "subject", "%first_name%, quick intro")));
    GenerateAiChatExamplesRequest examples =
        new GenerateAiChatExamplesRequest()
            .leads(
                List.of(
                    fullLead(Map.of("industry", "Logistics")),
                    new AiChatLead().firstName("Luis").company("Contoso")))
            .sequenceContext(context)
            .isFirstBatch(false);
    ApiRequest<RunHandle> request = wire.sessions.generateAiChatExamples(SESSION_ID, examples);
    assertEquals("generateAiChatExamples", request.operationId());

    RunHandle handle = wire.execute(request);

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "POST", SESSIONS + "/" + SESSION_ID + "/generate-examples");
    assertNoQuery(recorded);
    Map<String, Object> body = jsonBody(recorded);
    assertKeys(body, "leads", "sequenceContext", "isFirstBatch");
    assertEquals(Boolean.FALSE, body.get("isFirstBatch"));
    List<?> leads = array(body, "leads");
    assertEquals(2, leads.size());
    assertFullLead(leads.get(0));
    assertKeys(leads.get(1), "first_name", "company");
    Map<String, Object> sentContext = object(body, "sequenceContext");
    assertKeys(sentContext, "position", "total_nodes", "prior_nodes");
    assertKeys(array(sentContext, "prior_nodes").get(0), "type", "subject");

    assertEquals("run_abc123", handle.getRunId());
  }

  private static AiChatLead fullLead(Map<String, Object> customFields) {
    return new AiChatLead()
        .firstName("Dana")
        .lastName("Whitfield")
        .fullName("Dana Whitfield")
        .company("Northwind")
        .position("VP of Sales")
        .headline("Building Northwind's enterprise sales team")
        .linkedinUrl("https://www.linkedin.com/in/dana-whitfield")
        .customFields(customFields);
  }

  private static void assertFullLead(Object lead) {
    assertInstanceOf(Map.class, lead);
    assertKeys(
        lead,
        "first_name", "last_name", "full_name", "company", "position", "headline",
        "linkedin_url", "custom_fields");
    assertEquals("Dana", ((Map<?, ?>) lead).get("first_name"));
    assertEquals(
        "https://www.linkedin.com/in/dana-whitfield", ((Map<?, ?>) lead).get("linkedin_url"));
  }
}
