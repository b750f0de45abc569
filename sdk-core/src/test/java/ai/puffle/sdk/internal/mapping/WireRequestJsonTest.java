package ai.puffle.sdk.internal.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.generated.model.MessageStatusFilter;
import ai.puffle.sdk.internal.json.PuffleJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact JSON each request becomes: key casing, explicit nulls only where set. */
class WireRequestJsonTest {
  static final String CAMPAIGN = "8c2b2d4e-e29b-41d4-a716-446655440000";
  static final String NODE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  @SuppressWarnings("unchecked")
  static String json(Object model) {
    return PuffleJson.moshi().adapter((Class<Object>) model.getClass()).toJson(model);
  }

  /**
   * Compares JSON trees: key order is free (Moshi writes fields alphabetically), but a key
   * holding null and an absent key differ.
   */
  static void assertJson(String expected, Object model) {
    String actual = json(model);
    try {
      Object want = PuffleJson.moshi().adapter(Object.class).fromJson(expected);
      Object got = PuffleJson.moshi().adapter(Object.class).fromJson(actual);
      assertEquals(want, got, () -> "expected " + expected + "\n but was " + actual);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  static final Lead ADA =
      Lead.builder()
          .firstName("Ada")
          .lastName("Lovelace")
          .fullName("Ada Lovelace")
          .company("Acme")
          .position("VP Sales")
          .headline("Builds teams")
          .linkedinUrl("https://www.linkedin.com/in/ada")
          .email("ada@acme.test")
          .customField("tier", "gold")
          .build();

  @Test
  void createSession() {
    assertJson(
        "{\"campaign_id\":\"" + CAMPAIGN + "\",\"node_id\":\"" + NODE + "\"}",
        RequestMapping.createSession(CAMPAIGN, NODE));
  }

  @Test
  void minimalTurnSendsOnlyTheMessage() {
    assertJson("{\"message\":\"Hello\"}", RequestMapping.toWire(TurnRequest.of("Hello")));
    TurnRequest emptyLists =
        TurnRequest.builder("Hello").availableVarNames(List.of()).sampleLeads(List.of()).build();
    assertNull(RequestMapping.toWire(emptyLists).getAvailableVarNames());
    assertNull(RequestMapping.toWire(emptyLists).getSampleLeads());
    assertJson("{\"message\":\"Hello\"}", RequestMapping.toWire(emptyLists));
  }

  @Test
  void fullTurnUsesCamelCaseContainersAndSnakeCaseLeads() {
    TurnRequest turn =
        TurnRequest.builder("Write an intro")
            .availableVarNames("first_name", "company")
            .sampleLeads(List.of(ADA))
            .sequenceContext(
                SequenceContext.builder()
                    .position(1)
                    .totalNodes(3)
                    .priorNodes(List.of(Map.of("subject", "Intro")))
                    .build())
            .build();

    assertJson(
        "{\"message\":\"Write an intro\","
            + "\"availableVarNames\":[\"first_name\",\"company\"],"
            + "\"sampleLeads\":[{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
            + "\"full_name\":\"Ada Lovelace\",\"company\":\"Acme\",\"position\":\"VP Sales\","
            + "\"headline\":\"Builds teams\",\"linkedin_url\":\"https://www.linkedin.com/in/ada\","
            + "\"custom_fields\":{\"tier\":\"gold\"}}],"
            + "\"sequenceContext\":{\"position\":1,\"total_nodes\":3,"
            + "\"prior_nodes\":[{\"subject\":\"Intro\"}]}}",
        RequestMapping.toWire(turn));
  }

  @Test
  void examplesAlwaysSendIsFirstBatch() {
    assertJson(
        "{\"leads\":[{\"first_name\":\"Grace\"}],\"isFirstBatch\":true}",
        RequestMapping.toWire(ExamplesRequest.of(List.of(Lead.of("Grace", null)))));
    assertJson(
        "{\"leads\":[{\"full_name\":\"Grace Hopper\"}],"
            + "\"sequenceContext\":{\"position\":0,\"total_nodes\":2},\"isFirstBatch\":false}",
        RequestMapping.toWire(
            ExamplesRequest.builder(List.of(Lead.builder().fullName("Grace Hopper").build()))
                .sequenceContext(SequenceContext.of(0, 2))
                .firstBatch(false)
                .build()));
  }

  @Test
  void contentUsesSnakeCaseContainersAndTheSampleLeadShape() {
    assertJson(
        "{\"node_id\":\"" + NODE + "\",\"message\":\"Hi\"}",
        RequestMapping.toWire(ContentRequest.of(NODE, "Hi")));
    ContentRequest full =
        ContentRequest.builder(NODE, "Hi")
            .sampleLeads(List.of(ADA, Lead.builder().fullName("Grace Brewster Hopper").build()))
            .sequenceContext(Map.of("position", 2))
            .build();

    assertJson(
        "{\"node_id\":\"" + NODE + "\",\"message\":\"Hi\","
            + "\"sample_leads\":[{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\","
            + "\"email\":\"ada@acme.test\",\"company\":\"Acme\",\"position\":\"VP Sales\","
            + "\"custom_fields\":{\"tier\":\"gold\"}},"
            + "{\"first_name\":\"Grace\",\"last_name\":\"Brewster Hopper\"}],"
            + "\"sequence_context\":{\"position\":2}}",
        RequestMapping.toWire(full));
  }

  @Test
  void sessionUpdateSendsOnlyWhatWasSet() {
    assertJson(
        "{\"title\":\"New title\"}",
        RequestMapping.toWire(SessionUpdate.builder().title("New title").build()));
    assertJson(
        "{\"draft_body\":null,\"task_status\":null}",
        RequestMapping.toWire(SessionUpdate.builder().draftBody(null).clearTaskStatus().build()));
  }

  @Test
  void sessionUpdateWithSkeletonAndTranscript() {
    SessionUpdate update =
        SessionUpdate.builder()
            .messages(List.of(ChatMessage.user("a"), ChatMessage.assistant("b")))
            .draftSubject("S")
            .skeleton(Map.of("hook", "h"))
            .build();

    assertJson(
        "{\"messages\":[{\"role\":\"user\",\"content\":\"a\"},"
            + "{\"role\":\"assistant\",\"content\":\"b\"}],"
            + "\"draft_subject\":\"S\",\"skeleton\":{\"hook\":\"h\"}}",
        RequestMapping.toWire(update));
    assertJson(
        "{\"messages\":null,\"skeleton\":null}",
        RequestMapping.toWire(
            SessionUpdate.builder().skeleton((Skeleton) null).messages(null).build()));
  }

  @Test
  void nodeUpdateSendsOnlyWhatWasSet() {
    assertJson(
        "{\"subject\":\"S %first_name%\",\"body\":\"B\"}",
        RequestMapping.toWire(NodeUpdate.draft("S %first_name%", "B")));
    assertJson(
        "{\"cc\":null,\"include_message\":true,\"is_reply\":false,\"delay_days\":2,"
            + "\"ai_node\":{\"purpose\":\"Book a call\"}}",
        RequestMapping.toWire(
            NodeUpdate.builder()
                .aiPurpose("Book a call")
                .delayDays(2)
                .cc(null)
                .isReply(false)
                .includeMessage(true)
                .build()));
    assertJson(
        "{\"ai_node\":{\"purpose\":null,\"output_type\":\"email\"}}",
        RequestMapping.toWire(NodeUpdate.builder().aiOutputType("email").aiPurpose(null).build()));
  }

  @Test
  void messageUpdate() {
    assertJson(
        "{\"message_id\":\"msg_1\",\"subject\":\"New\"}",
        RequestMapping.toWire(MessageUpdate.of("msg_1").subject("New").build()));
    assertJson(
        "{\"message_id\":\"msg_1\",\"subject\":\"New\",\"body_text\":\"Body\"}",
        RequestMapping.toWire(MessageUpdate.of("msg_1").bodyText("Body").subject("New").build()));
  }

  @Test
  void generateMessages() {
    assertJson("{\"action\":\"resolve\"}", RequestMapping.resolve());
    assertJson(
        "{\"action\":\"generate_ai\",\"node_id\":\"" + NODE + "\"}",
        RequestMapping.generateAi(NODE, null));
    assertJson(
        "{\"action\":\"generate_ai\",\"node_id\":\"" + NODE + "\"}",
        RequestMapping.generateAi(NODE, List.of()));
    assertJson(
        "{\"action\":\"generate_ai\",\"node_id\":\"" + NODE + "\",\"prospect_ids\":[\"p1\"]}",
        RequestMapping.generateAi(NODE, List.of("p1")));
  }

  @Test
  void messageFilter() {
    for (MessageFilter filter : MessageFilter.values()) {
      MessageStatusFilter wire = RequestMapping.toWire(filter);
      assertEquals(filter.wireValue(), wire.getValue());
    }
  }
}
