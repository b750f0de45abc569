package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.GenerateContentRequest;
import ai.puffle.sdk.generated.model.GenerateContentResponse;
import ai.puffle.sdk.generated.model.Skeleton;
import ai.puffle.sdk.testkit.Reply;
import java.util.List;
import java.util.Map;

/**
 * The synchronous framework-chat turn, generate-content: finds or creates the node's session,
 * runs the turn inline and answers with the reply and the latest skeleton.
 */
final class ContentHandler {
  private final Store store;
  private final WireJson json;
  private final ChatEngine chat;
  private final TurnLedger ledger;

  ContentHandler(Store store, WireJson json, ChatEngine chat, TurnLedger ledger) {
    this.store = store;
    this.json = json;
    this.chat = chat;
    this.ledger = ledger;
  }

  /**
   * Rules: the campaign is the caller's (404) and a draft (400); the node belongs to it (404)
   * and has type {@code ai} (400); the session is idle (409).
   */
  WireResponse generate(Call call) {
    String campaignId = Uuids.require(call.route.id, "id");
    Map<String, Object> body = json.parseObject(call.body);
    GenerateContentRequest request = json.decode(body, GenerateContentRequest.class);
    String nodeId = Uuids.require(request.getNodeId(), "node_id");
    String message = Messages.require(body);
    List<Map<String, Object>> sampleLeads = Leads.maps(body.get("sample_leads"));
    synchronized (store) {
      CampaignState campaign = store.ownedCampaign(campaignId);
      if (!campaign.isDraft()) {
        throw HttpError.badRequest("Campaign must be in draft status");
      }
      NodeState node =
          campaign.node(nodeId).orElseThrow(() -> HttpError.notFound("Sequence node not found"));
      if (!node.isAi()) {
        throw HttpError.badRequest("Node must have type \"ai\"");
      }
      SessionState s =
          store.sessionFor(campaignId, nodeId)
              .orElseGet(() -> store.insertSession(campaignId, nodeId));
      ledger.received(s.id, message);
      if (s.taskStatus != null) {
        throw HttpError.busy(s.taskStatus);
      }
      Reply reply;
      try {
        reply = chat.ask(s, message, null, sampleLeads, true);
      } catch (RuntimeException modelFailed) {
        throw new HttpError(500, "Internal server error");
      }
      ledger.accepted(s.id, message);
      ChatEngine.Outcome outcome = chat.apply(s, message, reply);
      GenerateContentResponse response = new GenerateContentResponse();
      response.setSessionId(s.id);
      response.setAssistantMessage(outcome.assistantMessage);
      response.setSkeleton(s.skeleton == null ? null : new Skeleton(JsonTrees.deepCopy(s.skeleton)));
      response.setSkeletonUpdated(outcome.skeletonUpdated);
      return WireResponse.ok(response);
    }
  }
}
