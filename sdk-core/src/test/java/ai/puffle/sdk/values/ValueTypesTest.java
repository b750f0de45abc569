package ai.puffle.sdk.values;

import ai.puffle.sdk.internal.SdkAccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.TurnRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
  static final String NODE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  @Test
  void runHandleToStringHidesTheToken() {
    RunHandle handle = RunHandle.of("run_abc123", "tr_pat_secret_value");

    assertTrue(handle.toString().contains("run_abc123"));
    assertFalse(handle.toString().contains("tr_pat_secret_value"));
    assertEquals("tr_pat_secret_value", handle.publicAccessToken());
    assertEquals(handle, RunHandle.of("run_abc123", "tr_pat_secret_value"));
    assertNotEquals(handle, RunHandle.of("run_abc123", "other"));
  }

  @Test
  void chatMessageRoles() {
    assertTrue(ChatMessage.of("assistant", "x").isAssistant());
    assertTrue(ChatMessage.of("user", "x").isUser());
    ChatMessage other = ChatMessage.of("tool", "x");
    assertFalse(other.isUser() || other.isAssistant());
    assertEquals(ChatMessage.user("x"), ChatMessage.of("user", "x"));
  }

  @Test
  void leadKeepsFieldsAndCopiesCustomFields() {
    Map<String, Object> custom = new HashMap<>();
    custom.put("tier", "gold");
    Lead lead =
        Lead.builder()
            .fullName("Ada Lovelace")
            .company("Acme")
            .customFields(custom)
            .customField("seats", 12)
            .build();
    custom.put("tier", "changed");

    assertEquals("Ada Lovelace", lead.fullName().orElseThrow());
    assertFalse(lead.firstName().isPresent());
    assertEquals(Map.of("tier", "gold", "seats", 12), lead.customFields());
    assertThrows(UnsupportedOperationException.class, () -> lead.customFields().put("x", 1));
    assertEquals(lead, Lead.builder().fullName("Ada Lovelace").company("Acme")
        .customField("tier", "gold").customField("seats", 12).build());
    assertEquals(Lead.of("Ada", null), Lead.builder().firstName("Ada").build());
  }

  @Test
  void sequenceContextReadsDocumentedAndExtraKeys() {
    SequenceContext context =
        SequenceContext.builder()
            .position(1)
            .totalNodes(3)
            .priorNodes(List.of(Map.of("subject", "Intro")))
            .put("tone", "casual")
            .build();

    assertEquals(1, context.position().getAsLong());
    assertEquals(3, context.totalNodes().getAsLong());
    assertEquals(List.of(Map.of("subject", "Intro")), context.priorNodes());
    assertEquals("casual", context.get("tone"));
    assertEquals(SequenceContext.of(0, 2), SequenceContext.of(0, 2));
    assertFalse(SequenceContext.builder().build().position().isPresent());
    assertTrue(SequenceContext.builder().build().priorNodes().isEmpty());
  }

  @Test
  void campaignFindsNodesAndAiNodes() {
    SequenceNode email = SequenceNode.builder().id("n1").position(0).type("email").build();
    SequenceNode ai = SequenceNode.builder().id("n2").position(1).type("ai").build();
    SequenceNode end = SequenceNode.builder().id("n3").position(2).type("end").build();
    Campaign campaign =
        Campaign.builder()
            .id(NODE)
            .name("Q3")
            .type("email")
            .status("draft")
            .sequenceNodes(List.of(email, ai, end))
            .prospectsByStatus(Map.of("active", 4L))
            .build();

    assertTrue(campaign.isDraft());
    assertEquals(ai, campaign.node("n2").orElseThrow());
    assertFalse(campaign.node("missing").isPresent());
    assertEquals(List.of(ai), campaign.aiNodes());
    assertTrue(ai.isAi());
    assertFalse(email.isAi());
    assertEquals(4L, campaign.prospectsByStatus().get("active"));
    assertFalse(Campaign.builder().id(NODE).build().isDraft());
    assertEquals("unknown", Campaign.builder().id(NODE).build().status());
  }

  @Test
  void generatedMessageDefaults() {
    GeneratedMessage m = GeneratedMessage.builder().id("m1").build();

    assertFalse(m.manuallyEdited());
    assertFalse(m.status().isPresent());
    assertFalse(m.createdAt().isPresent());
    assertEquals("", m.prospectId());
  }

  @Test
  void contentTurnSkeletonIsOptional() {
    ContentTurn turn = SdkAccess.get().contentTurn(NODE, "Which tone?", null, false);

    assertFalse(turn.skeleton().isPresent());
    assertFalse(turn.skeletonUpdated());
  }

  @Test
  void requestsDefaultsAndAccessors() {
    TurnRequest turn = TurnRequest.of("Write an intro email");
    assertTrue(turn.availableVarNames().isEmpty());
    assertTrue(turn.sampleLeads().isEmpty());
    assertFalse(turn.sequenceContext().isPresent());
    TurnRequest withHints =
        turn.toBuilder().availableVarNames("first_name", "company").build();
    assertEquals(List.of("first_name", "company"), withHints.availableVarNames());
    assertEquals(turn.message(), withHints.message());

    ExamplesRequest examples = ExamplesRequest.of(List.of(Lead.of("Ada", "Lovelace")));
    assertTrue(examples.firstBatch());
    assertFalse(
        ExamplesRequest.builder(examples.leads()).firstBatch(false).build().firstBatch());

    ContentRequest content = ContentRequest.of(NODE, "Hi");
    assertTrue(content.sampleLeads().isEmpty());
    assertTrue(content.sequenceContext().isEmpty());
    assertEquals(
        Map.of("position", 1L, "total_nodes", 2L),
        ContentRequest.builder(NODE, "Hi")
            .sequenceContext(SequenceContext.of(1, 2))
            .build()
            .sequenceContext());

    MessageUpdate update = MessageUpdate.of("msg_1").bodyText("New body").build();
    assertEquals("msg_1", update.messageId());
    assertFalse(update.subject().isPresent());
    assertEquals(update, MessageUpdate.builder("msg_1").bodyText("New body").build());
  }

  @Test
  void updatesRecordPresenceAndExplicitNulls() {
    SessionUpdate update = SessionUpdate.builder().title(null).draftBody("B").build();

    assertTrue(update.isSet(SessionUpdate.TITLE));
    assertTrue(update.fields().containsKey("title"));
    assertEquals(null, update.fields().get("title"));
    assertFalse(update.isSet(SessionUpdate.DRAFT_SUBJECT));

    NodeUpdate node = NodeUpdate.draft("S", "B");
    assertEquals(Map.of("subject", "S", "body", "B"), node.fields());
    assertEquals(node, NodeUpdate.builder().subject("S").body("B").build());
  }

  @Test
  void messageFilterWireValues() {
    assertEquals("draft", MessageFilter.DRAFT.wireValue());
    assertEquals("pending", MessageFilter.PENDING.wireValue());
    assertEquals("sent", MessageFilter.SENT.wireValue());
    assertEquals("all", MessageFilter.ALL.wireValue());
  }
}
