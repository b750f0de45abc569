package ai.puffle.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.generated.model.GenerateContentRequest;
import ai.puffle.sdk.generated.model.CreateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.GenerateAiChatExamplesRequest;
import ai.puffle.sdk.generated.model.GenerateMessagesRequest;
import ai.puffle.sdk.generated.model.MessageStatusFilter;
import ai.puffle.sdk.generated.model.UpdateSequenceNodeRequest;
import ai.puffle.sdk.generated.model.UpdateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.RunAiChatTurnRequest;
import ai.puffle.sdk.generated.model.UpdateGeneratedMessageRequest;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.http.Safety;
import ai.puffle.sdk.internal.json.PuffleJson;
import java.util.LinkedHashMap;
import java.util.Map;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** Every generated request carries the {@code x-puffle-safety} its operation states in the spec. */
class SafetyContractTest {
  private static final String ID = "9cd21d83-0b81-4840-add2-283a4fb68066";

  @Test
  void everyOperationCarriesTheSafetyTheSpecStates() {
    RequestFactory factory = new RequestFactory(HttpUrl.get("https://app.puffle.ai"), PuffleJson.moshi());
    AiChatSessionsApi s = new AiChatSessionsApi(factory);
    CampaignsApi c = new CampaignsApi(factory);
    Map<ApiRequest<?>, Safety> expected = new LinkedHashMap<>();
    expected.put(s.createAiChatSession(new CreateAiChatSessionRequest()), Safety.SEND_ONCE);
    expected.put(s.listAiChatSessions(ID), Safety.IDEMPOTENT);
    expected.put(s.getAiChatSession(ID), Safety.IDEMPOTENT);
    expected.put(s.updateAiChatSession(ID, new UpdateAiChatSessionRequest()), Safety.IDEMPOTENT);
    expected.put(s.deleteAiChatSession(ID), Safety.IDEMPOTENT);
    expected.put(s.runAiChatTurn(ID, new RunAiChatTurnRequest()), Safety.SEND_ONCE);
    expected.put(s.generateAiChatExamples(ID, new GenerateAiChatExamplesRequest()), Safety.SEND_ONCE);
    expected.put(c.generateCampaignContent(ID, new GenerateContentRequest()), Safety.SEND_ONCE);
    expected.put(c.generateCampaignMessages(ID, new GenerateMessagesRequest()), Safety.SEND_ONCE);
    expected.put(c.listCampaignGeneratedMessages(ID, MessageStatusFilter.DRAFT, null), Safety.IDEMPOTENT);
    expected.put(c.updateCampaignGeneratedMessage(ID, new UpdateGeneratedMessageRequest()), Safety.IDEMPOTENT);
    expected.put(c.getCampaign(ID), Safety.IDEMPOTENT);
    expected.put(c.updateCampaignSequenceNode(ID, ID, new UpdateSequenceNodeRequest()), Safety.IDEMPOTENT);
    expected.forEach((request, safety) -> assertEquals(safety, request.safety(), request.operationId()));
    assertEquals(13, expected.size());
  }

  @Test
  void aRequestCanBeNarrowedToIdempotentAndKeepsEverythingElse() {
    RequestFactory factory = new RequestFactory(HttpUrl.get("https://app.puffle.ai"), PuffleJson.moshi());
    ApiRequest<?> send = new CampaignsApi(factory).generateCampaignMessages(ID, new GenerateMessagesRequest());
    ApiRequest<?> resolve = send.withSafety(Safety.IDEMPOTENT);
    assertEquals(Safety.IDEMPOTENT, resolve.safety());
    assertEquals(send.operationId(), resolve.operationId());
    assertEquals(send.httpRequest(), resolve.httpRequest());
  }

  @Test
  void anUnknownSafetyValueIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Safety.fromSpec("at-most-once"));
    assertEquals("x-puffle-safety must be 'idempotent' or 'send-once' (was 'at-most-once')", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Safety.fromSpec(""));
  }
}
