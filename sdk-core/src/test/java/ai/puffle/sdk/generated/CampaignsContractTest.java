package ai.puffle.sdk.generated;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.generated.model.AiNodeSettings;
import ai.puffle.sdk.generated.model.Campaign;
import ai.puffle.sdk.generated.model.CampaignDetail;
import ai.puffle.sdk.generated.model.CampaignStatus;
import ai.puffle.sdk.generated.model.CampaignType;
import ai.puffle.sdk.generated.model.GenerateContentRequest;
import ai.puffle.sdk.generated.model.GenerateContentResponse;
import ai.puffle.sdk.generated.model.GenerateContentSampleLead;
import ai.puffle.sdk.generated.model.GenerateMessagesAction;
import ai.puffle.sdk.generated.model.GenerateMessagesRequest;
import ai.puffle.sdk.generated.model.GenerateMessagesResult;
import ai.puffle.sdk.generated.model.GeneratedMessage;
import ai.puffle.sdk.generated.model.GeneratedMessageEnvelope;
import ai.puffle.sdk.generated.model.GeneratedMessageListEnvelope;
import ai.puffle.sdk.generated.model.MessageStatusFilter;
import ai.puffle.sdk.generated.model.SequenceNode;
import ai.puffle.sdk.generated.model.SequenceNodeEnvelope;
import ai.puffle.sdk.generated.model.SequenceNodeType;
import ai.puffle.sdk.generated.model.Skeleton;
import ai.puffle.sdk.generated.model.UpdateGeneratedMessageRequest;
import ai.puffle.sdk.generated.model.UpdateSequenceNodeRequest;
import ai.puffle.sdk.internal.http.ApiRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire contract of the six Campaigns operations (request shape and response decoding). */
class CampaignsContractTest {
  private static final String CAMPAIGN = "/api/campaigns/" + CAMPAIGN_ID;

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
  void generateCampaignContent() throws Exception {
    server.enqueue(MockServers.json(200, "generate-content-response.json"));
    GenerateContentRequest content =
        new GenerateContentRequest()
            .nodeId(AI_NODE_ID)
            .message("Follow up on the intro. Keep it short and reference their hiring.")
            .sampleLeads(
                List.of(
                    new GenerateContentSampleLead()
                        .firstName("Dana")
                        .lastName("Whitfield")
                        .email("dana@northwind.example")
                        .company("Northwind")
                        .position("VP of Sales")
                        .customFields(Map.of("industry", "Logistics", "employees", 1200))))
            .sequenceContext(
                Map.of(
                    "position", 2,
                    "total_nodes", 4,
                    "prior_nodes", List.of(Map.of("type", "email", "position", 0))));
    ApiRequest<GenerateContentResponse> request =
        wire.campaigns.generateCampaignContent(CAMPAIGN_ID, content);
    assertEquals("generateCampaignContent", request.operationId());

    GenerateContentResponse response = wire.execute(request);

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "POST", CAMPAIGN + "/generate-content");
    assertNoQuery(recorded);
    Map<String, Object> body = jsonBody(recorded);
    // snake_case containers here, unlike /turn.
    assertKeys(body, "node_id", "message", "sample_leads", "sequence_context");
    assertEquals(AI_NODE_ID, body.get("node_id"));
    Object lead = array(body, "sample_leads").get(0);
    assertKeys(lead, "first_name", "last_name", "email", "company", "position", "custom_fields");
    assertKeys(object(lead, "custom_fields"), "industry", "employees");
    assertKeys(object(body, "sequence_context"), "position", "total_nodes", "prior_nodes");

    assertEquals(AI_SESSION_ID, response.getSessionId());
    assertTrue(response.getAssistantMessage().startsWith("I built a two-block framework"));
    assertEquals(Boolean.TRUE, response.getSkeletonUpdated());
    Skeleton skeleton = response.getSkeleton();
    assertKeyOrder(skeleton, "subject", "body", "blocks", "exampleSubject", "exampleBody");
    assertEquals(
        "%first_name%, a faster ramp for %company%'s new reps",
        skeleton.get(Skeleton.KEY_SUBJECT));
    assertTrue(((String) skeleton.get(Skeleton.KEY_BODY)).contains("&&One sentence tying"));
    assertEquals(
        "Dana, a faster ramp for Northwind's new reps", skeleton.get(Skeleton.KEY_EXAMPLESUBJECT));
    assertTrue(((String) skeleton.get(Skeleton.KEY_EXAMPLEBODY)).startsWith("Hi Dana,"));
    List<?> blocks = (List<?>) skeleton.get(Skeleton.KEY_BLOCKS);
    assertEquals(2, blocks.size());
    assertKeyOrder((Map<?, ?>) blocks.get(0), "name", "strategy", "personalization");
    Map<String, Object> personalization = object(blocks.get(0), "personalization");
    assertKeyOrder(personalization, "fields", "approach", "fallback");
    assertEquals(List.of("company", "position"), personalization.get("fields"));
  }

  @Test
  void generateCampaignContentWithoutSkeletonYet() throws Exception {
    server.enqueue(MockServers.json(200, "generate-content-no-skeleton.json"));

    GenerateContentResponse response =
        wire.execute(
            wire.campaigns.generateCampaignContent(
                CAMPAIGN_ID, new GenerateContentRequest().nodeId(AI_NODE_ID).message("Hi")));

    // Optional containers that were not set are absent, not [] or {}.
    assertKeys(jsonBody(wire.take()), "node_id", "message");
    assertNull(response.getSkeleton());
    assertEquals(Boolean.FALSE, response.getSkeletonUpdated());
  }

  @Test
  void generateCampaignMessagesResolve() throws Exception {
    server.enqueue(MockServers.json(200, "generated-messages.json"));
    ApiRequest<GenerateMessagesResult> request =
        wire.campaigns.generateCampaignMessages(
            CAMPAIGN_ID, new GenerateMessagesRequest().action(GenerateMessagesAction.RESOLVE));
    assertEquals("generateCampaignMessages", request.operationId());

    List<GeneratedMessage> messages = wire.execute(request).getMessages();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "POST", CAMPAIGN + "/generate-messages");
    assertNoQuery(recorded);
    assertEquals("{\"action\":\"resolve\"}", jsonText(recorded));
    assertGeneratedMessages(messages);
  }

  @Test
  void generateCampaignMessagesGenerateAi() throws Exception {
    server.enqueue(MockServers.json(200, "generate-ai-accepted.json"));
    GenerateMessagesRequest generate =
        new GenerateMessagesRequest()
            .action(GenerateMessagesAction.GENERATE_AI)
            .nodeId(AI_NODE_ID)
            .prospectIds(List.of(PROSPECT_2));

    GenerateMessagesResult response =
        wire.execute(wire.campaigns.generateCampaignMessages(CAMPAIGN_ID, generate));

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "POST", CAMPAIGN + "/generate-messages");
    Map<String, Object> body = jsonBody(recorded);
    assertKeys(body, "action", "node_id", "prospect_ids");
    assertEquals("generate_ai", body.get("action"));
    assertEquals(AI_NODE_ID, body.get("node_id"));
    assertEquals(List.of(PROSPECT_2), body.get("prospect_ids"));
    // The generate_ai response is undocumented: a body without messages still decodes.
    assertNull(response.getMessages());
  }

  @Test
  void listCampaignGeneratedMessagesWithStatusAndProspect() throws Exception {
    server.enqueue(MockServers.json(200, "generated-messages.json"));
    ApiRequest<GeneratedMessageListEnvelope> request =
        wire.campaigns.listCampaignGeneratedMessages(
            CAMPAIGN_ID, MessageStatusFilter.SENT, PROSPECT_1);
    assertEquals("listCampaignGeneratedMessages", request.operationId());

    List<GeneratedMessage> messages = wire.execute(request).getMessages();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "GET", CAMPAIGN + "/generate-messages");
    assertEquals(names("status", "prospect_id"), recorded.getUrl().queryParameterNames());
    assertEquals("sent", recorded.getUrl().queryParameter("status"));
    assertEquals(PROSPECT_1, recorded.getUrl().queryParameter("prospect_id"));
    assertNoBody(recorded);
    assertGeneratedMessages(messages);
  }

  @Test
  void listCampaignGeneratedMessagesFilters() throws Exception {
    server.enqueue(MockServers.json(200, "generated-messages.json"));
    server.enqueue(MockServers.json(200, "generated-messages.json"));

    wire.execute(wire.campaigns.listCampaignGeneratedMessages(CAMPAIGN_ID, null, null));
    wire.execute(
        wire.campaigns.listCampaignGeneratedMessages(CAMPAIGN_ID, MessageStatusFilter.ALL, null));

    RecordedRequest unfiltered = wire.take();
    assertCall(unfiltered, "GET", CAMPAIGN + "/generate-messages");
    assertNoQuery(unfiltered);
    RecordedRequest all = wire.take();
    assertEquals(names("status"), all.getUrl().queryParameterNames());
    assertEquals("all", all.getUrl().queryParameter("status"));
  }

  @Test
  void updateCampaignGeneratedMessage() throws Exception {
    server.enqueue(MockServers.json(200, "generated-message-updated.json"));
    UpdateGeneratedMessageRequest edit =
        new UpdateGeneratedMessageRequest()
            .messageId(MESSAGE_1)
            .subject("Dana, quick question about Northwind's new AEs")
            .bodyText("Hi Dana,\n\nHow long does a new AE take to reach quota at Northwind today?");
    ApiRequest<GeneratedMessageEnvelope> request =
        wire.campaigns.updateCampaignGeneratedMessage(CAMPAIGN_ID, edit);
    assertEquals("updateCampaignGeneratedMessage", request.operationId());

    GeneratedMessage message = wire.execute(request).getMessage();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "PATCH", CAMPAIGN + "/generate-messages");
    assertNoQuery(recorded);
    Map<String, Object> body = jsonBody(recorded);
    assertKeys(body, "message_id", "subject", "body_text");
    assertEquals(MESSAGE_1, body.get("message_id"));

    assertEquals(MESSAGE_1, message.getId());
    assertEquals("Dana, quick question about Northwind's new AEs", message.getSubject());
    assertTrue(message.getBodyHtml().startsWith("<p>Hi Dana,</p>"));
    assertEquals("draft", message.getStatus());
    assertEquals(Boolean.TRUE, message.getManuallyEdited());
  }

  @Test
  void getCampaign() throws Exception {
    server.enqueue(MockServers.json(200, "campaign-detail.json"));
    ApiRequest<CampaignDetail> request = wire.campaigns.getCampaign(CAMPAIGN_ID);
    assertEquals("getCampaign", request.operationId());

    CampaignDetail detail = wire.execute(request);

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "GET", CAMPAIGN);
    assertNoQuery(recorded);
    assertNoBody(recorded);

    Campaign campaign = detail.getCampaign();
    assertEquals(CAMPAIGN_ID, campaign.getId());
    assertEquals(CampaignType.EMAIL, campaign.getType());
    assertEquals(CampaignStatus.DRAFT, campaign.getStatus());
    assertEquals("Q2 VP Sales outreach", campaign.getName());
    assertEquals(Long.valueOf(50), campaign.getDailyLimit());
    assertEquals(Boolean.TRUE, campaign.getStopOnReply());
    assertEquals(Boolean.FALSE, campaign.getOpenTracking());
    assertNull(campaign.getSkipOtherCampaigns());
    assertEquals("Best,\n%sender_first%", campaign.getSignature());
    assertKeyOrder(campaign.getOperatingHours(), "timezone", "monday", "saturday");
    assertNull(campaign.getOperatingHours().get("saturday"));
    assertEquals(Long.valueOf(12), campaign.getStats().getTotal());
    assertEquals("sam@example.com", campaign.getSenderAccounts().get(0).getEmailAddress());
    assertEquals(
        OffsetDateTime.of(2026, 4, 22, 9, 58, 12, 500_000_000, ZoneOffset.UTC),
        campaign.getUpdatedAt());

    List<SequenceNode> nodes = detail.getSequenceNodes();
    assertEquals(
        List.of(EMAIL_NODE_ID, DELAY_NODE_ID, AI_NODE_ID, END_NODE_ID),
        nodes.stream().map(SequenceNode::getId).collect(Collectors.toList()));
    assertEquals(
        List.of(SequenceNodeType.EMAIL, SequenceNodeType.DELAY, SequenceNodeType.AI,
            SequenceNodeType.END),
        nodes.stream().map(SequenceNode::getType).collect(Collectors.toList()));
    assertEquals(Long.valueOf(0), nodes.get(0).getPosition());
    assertEquals("", nodes.get(0).getSubject());
    assertEquals(List.of(), nodes.get(0).getAttachments());
    assertNull(nodes.get(0).getAiNode());
    assertEquals(Long.valueOf(3), nodes.get(1).getDelayDays());
    SequenceNode ai = nodes.get(2);
    assertEquals(Long.valueOf(2), ai.getPosition());
    assertEquals("Follow up on the intro with a hiring-based hook", ai.getAiNode().getPurpose());
    assertEquals("email", ai.getAiNode().getOutputType());
    assertEquals(Boolean.TRUE, ai.getIsReply());

    assertEquals(Map.of("draft", 12L, "pending", 0L), detail.getProspectsByStatus());
    assertEquals(Map.of("__none__", Map.of("draft", 12L)), detail.getProspectsByNode());
  }

  @Test
  void updateCampaignSequenceNode() throws Exception {
    server.enqueue(MockServers.json(200, "sequence-node-updated.json"));
    UpdateSequenceNodeRequest update =
        new UpdateSequenceNodeRequest()
            .subject("%first_name%, a faster ramp for %company%'s new reps")
            .body("Hi %first_name%,\n\nMost teams lose a quarter of a new rep's first year.")
            .aiNode(
                new AiNodeSettings()
                    .purpose("Follow up on the intro with a hiring-based hook")
                    .outputType("email"));
    update.setBodyHtml(null);
    ApiRequest<SequenceNodeEnvelope> request =
        wire.campaigns.updateCampaignSequenceNode(CAMPAIGN_ID, AI_NODE_ID, update);
    assertEquals("updateCampaignSequenceNode", request.operationId());

    SequenceNode node = wire.execute(request).getNode();

    RecordedRequest recorded = wire.take();
    assertCall(recorded, "PUT", CAMPAIGN + "/sequence/nodes/" + AI_NODE_ID);
    assertNoQuery(recorded);
    Map<String, Object> body = jsonBody(recorded);
    // Unset lists (attachments) and flags are absent; the explicit null is sent.
    assertKeys(body, "subject", "body", "body_html", "ai_node");
    assertNull(body.get("body_html"));
    assertKeys(object(body, "ai_node"), "purpose", "output_type");

    assertEquals(AI_NODE_ID, node.getId());
    assertEquals(SequenceNodeType.AI, node.getType());
    assertEquals("%first_name%, a faster ramp for %company%'s new reps", node.getSubject());
    assertEquals("email", node.getAiNode().getOutputType());
  }

  private static void assertGeneratedMessages(List<GeneratedMessage> messages) {
    assertEquals(2, messages.size());
    GeneratedMessage withStatus = messages.get(0);
    assertEquals(MESSAGE_1, withStatus.getId());
    assertEquals(CAMPAIGN_ID, withStatus.getCampaignId());
    assertEquals(PROSPECT_1, withStatus.getProspectId());
    assertEquals(EMAIL_NODE_ID, withStatus.getNodeId());
    assertEquals("draft", withStatus.getStatus());
    assertNull(withStatus.getBodyHtml());
    assertEquals(Boolean.FALSE, withStatus.getManuallyEdited());
    assertEquals(
        OffsetDateTime.of(2026, 4, 22, 12, 0, 0, 0, ZoneOffset.UTC), withStatus.getCreatedAt());
    GeneratedMessage withHtml = messages.get(1);
    assertEquals(MESSAGE_2, withHtml.getId());
    assertEquals(AI_NODE_ID, withHtml.getNodeId());
    assertNull(withHtml.getStatus());
    assertTrue(withHtml.getBodyHtml().startsWith("<p>Hi Luis,</p>"));
    assertFalse(withHtml.getBodyText().contains("<p>"));
    assertEquals(Boolean.TRUE, withHtml.getManuallyEdited());
    assertEquals(
        OffsetDateTime.of(2026, 4, 22, 12, 0, 1, 250_000_000, ZoneOffset.UTC),
        withHtml.getCreatedAt());
  }
}
