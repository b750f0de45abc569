package ai.puffle.sdk.generated;

import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static ai.puffle.sdk.generated.WireHarness.assertCall;
import static ai.puffle.sdk.generated.WireHarness.assertKeys;
import static ai.puffle.sdk.generated.WireHarness.jsonBody;
import static ai.puffle.sdk.generated.WireHarness.jsonText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.model.AiChatLead;
import ai.puffle.sdk.generated.model.GenerateAiChatExamplesRequest;
import ai.puffle.sdk.generated.model.GenerateMessagesAction;
import ai.puffle.sdk.generated.model.GenerateMessagesRequest;
import ai.puffle.sdk.generated.model.RunAiChatTurnRequest;
import ai.puffle.sdk.generated.model.UpdateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.UpdateSequenceNodeRequest;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.json.PuffleJson;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cross-cutting wire rules of the generated layer: absent versus explicit null, unset lists,
 * base URL prefixes, path encoding, and requests that carry no credentials of their own.
 */
class WireSemanticsContractTest {
  @StartStop final MockWebServer server = MockServers.create();

  @Test
  void patchWithOnlyAClearedTaskStatusSendsExactlyThatNull() throws Exception {
    UpdateAiChatSessionRequest patch = new UpdateAiChatSessionRequest();
    patch.setTaskStatus(null);

    assertEquals("{\"task_status\":null}", sendPatch(patch));
  }

  @Test
  void patchOfAnUntouchedRequestIsAnEmptyObject() throws Exception {
    assertEquals("{}", sendPatch(new UpdateAiChatSessionRequest()));
  }

  @Test
  void settingAValueAfterNullReplacesTheNullAndNullAfterAValueIsSent() throws Exception {
    UpdateAiChatSessionRequest patch = new UpdateAiChatSessionRequest();
    patch.setTitle(null);
    patch.setTitle("Renamed");
    patch.setDraftBody("Hi %first_name%");
    patch.setDraftBody(null);

    Map<String, Object> body = WireHarness.parseObject(sendPatch(patch));

    assertKeys(body, "title", "draft_body");
    assertEquals("Renamed", body.get("title"));
    assertTrue(body.containsKey("draft_body"));
    assertNull(body.get("draft_body"));
  }

  @Test
  void unsetOptionalListsAreNotSentAsEmptyArrays() throws Exception {
    try (WireHarness wire = new WireHarness(server)) {
      for (int i = 0; i < 4; i++) {
        server.enqueue(MockServers.json(200, "run-handle.json"));
      }
      wire.execute(
          wire.sessions.runAiChatTurn(SESSION_ID, new RunAiChatTurnRequest().message("hi")));
      wire.execute(
          wire.campaigns.generateCampaignMessages(
              CAMPAIGN_ID, new GenerateMessagesRequest().action(GenerateMessagesAction.RESOLVE)));
      wire.execute(
          wire.campaigns.updateCampaignSequenceNode(
              CAMPAIGN_ID, Fixtures.EMAIL_NODE_ID, new UpdateSequenceNodeRequest().subject("s")));
      // A list the caller did set is sent, even when empty.
      wire.execute(
          wire.sessions.generateAiChatExamples(
              SESSION_ID, new GenerateAiChatExamplesRequest().leads(List.of())));

      assertEquals("{\"message\":\"hi\"}", jsonText(wire.take()));
      assertEquals("{\"action\":\"resolve\"}", jsonText(wire.take()));
      assertEquals("{\"subject\":\"s\"}", jsonText(wire.take()));
      assertEquals("{\"leads\":[]}", jsonText(wire.take()));
    }
  }

  @Test
  void nestedModelsOnlyCarryTheirSetFields() throws Exception {
    try (WireHarness wire = new WireHarness(server)) {
      server.enqueue(MockServers.json(200, "run-handle.json"));
      AiChatLead lead = new AiChatLead().firstName("Luis");
      lead.setCompany(null);
      RunAiChatTurnRequest turn =
          new RunAiChatTurnRequest().message("hi").sampleLeads(List.of(lead));

      wire.execute(wire.sessions.runAiChatTurn(SESSION_ID, turn));

      Map<String, Object> body = jsonBody(wire.take());
      Object sent = ((List<?>) body.get("sampleLeads")).get(0);
      assertKeys(sent, "first_name", "company");
      assertNull(((Map<?, ?>) sent).get("company"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/proxy/puffle/", "/proxy/puffle"})
  void aBaseUrlPathPrefixIsKept(String prefix) throws Exception {
    try (WireHarness wire = new WireHarness(server, server.url(prefix))) {
      server.enqueue(MockServers.json(200, "session-with-skeleton.json"));
      server.enqueue(MockServers.json(200, "session-list.json"));

      wire.execute(wire.sessions.getAiChatSession(SESSION_ID));
      wire.execute(wire.sessions.listAiChatSessions(CAMPAIGN_ID));

      assertCall(wire.take(), "GET", "/proxy/puffle/api/campaigns/ai-chat-sessions/" + SESSION_ID);
      RecordedRequest list = wire.take();
      assertCall(list, "GET", "/proxy/puffle/api/campaigns/ai-chat-sessions");
      assertEquals(CAMPAIGN_ID, list.getUrl().queryParameter("campaign_id"));
    }
  }

  @Test
  void pathParametersStayOneEncodedSegment() throws Exception {
    try (WireHarness wire = new WireHarness(server)) {
      server.enqueue(MockServers.json(200, "session-with-skeleton.json"));

      wire.execute(wire.sessions.getAiChatSession("../a/b c?d#e"));

      assertEquals(
          "/api/campaigns/ai-chat-sessions/..%2Fa%2Fb%20c%3Fd%23e",
          wire.take().getUrl().encodedPath());
    }
  }

  @Test
  void preparedRequestsCarryNoCredentials() {
    AiChatSessionsApi api =
        new AiChatSessionsApi(
            new RequestFactory(HttpUrl.get("https://app.puffle.ai"), PuffleJson.moshi()));

    ApiRequest<?> request = api.getAiChatSession(SESSION_ID);

    assertNull(request.httpRequest().header("Authorization"));
    assertEquals(
        "https://app.puffle.ai/api/campaigns/ai-chat-sessions/" + SESSION_ID,
        request.httpRequest().url().toString());
  }

  private String sendPatch(UpdateAiChatSessionRequest patch) throws Exception {
    try (WireHarness wire = new WireHarness(server)) {
      server.enqueue(MockServers.json(200, "session-with-skeleton.json"));
      wire.execute(wire.sessions.updateAiChatSession(SESSION_ID, patch));
      RecordedRequest recorded = wire.take();
      assertCall(recorded, "PATCH", "/api/campaigns/ai-chat-sessions/" + SESSION_ID);
      return jsonText(recorded);
    }
  }
}
