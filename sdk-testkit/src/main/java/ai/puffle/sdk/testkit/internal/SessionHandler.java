package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.CreateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.DeleteResult;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.SessionListEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Create, list, get, update and delete AI chat sessions. */
final class SessionHandler {
  private final Store store;
  private final WireJson json;
  private final SessionPatch patch;

  SessionHandler(Store store, WireJson json) {
    this.store = store;
    this.json = json;
    this.patch = new SessionPatch(json);
  }

  /**
   * A plain insert, as on the real service: a second create for the same node makes a second
   * session (generate-content keeps using the oldest one). The node must exist; like a foreign
   * key, it is not required to belong to the campaign.
   */
  WireResponse create(Call call) {
    Map<String, Object> body = json.parseObject(call.body);
    CreateAiChatSessionRequest request = json.decode(body, CreateAiChatSessionRequest.class);
    String campaignId = Uuids.require(request.getCampaignId(), "campaign_id");
    String nodeId = Uuids.require(request.getNodeId(), "node_id");
    synchronized (store) {
      store.ownedCampaign(campaignId);
      if (store.anyNode(nodeId).isEmpty()) {
        throw HttpError.notFound("Sequence node not found");
      }
      return envelope(store.insertSession(campaignId, nodeId));
    }
  }

  /** Every session of the caller for the campaign, oldest first (empty for unknown campaigns). */
  WireResponse list(Call call) {
    String campaignId = Uuids.require(call.query("campaign_id"), "campaign_id");
    synchronized (store) {
      SessionListEnvelope envelope = new SessionListEnvelope();
      List<ai.puffle.sdk.generated.model.AiChatSession> sessions = new ArrayList<>();
      for (SessionState s : store.sessionsOf(campaignId)) {
        sessions.add(WireMapper.session(s));
      }
      envelope.setSessions(sessions);
      return WireResponse.ok(envelope);
    }
  }

  WireResponse get(Call call) {
    String id = Uuids.require(call.route.id, "id");
    synchronized (store) {
      return envelope(store.ownedSession(id));
    }
  }

  /** Partial update: only present keys are written; an explicit null clears the field. */
  WireResponse update(Call call) {
    String id = Uuids.require(call.route.id, "id");
    Map<String, Object> body = json.parseObject(call.body);
    SessionPatch.Changes changes = patch.read(body);
    synchronized (store) {
      SessionState s = store.ownedSession(id);
      changes.applyTo(s);
      s.updatedAt = store.now();
      return envelope(s);
    }
  }

  /** Hard delete; a task running on the session is not cancelled (its result goes nowhere). */
  WireResponse delete(Call call) {
    String id = Uuids.require(call.route.id, "id");
    synchronized (store) {
      store.ownedSession(id);
      store.sessions.remove(id);
    }
    DeleteResult result = new DeleteResult();
    result.setSuccess(true);
    return WireResponse.ok(result);
  }

  private static WireResponse envelope(SessionState s) {
    SessionEnvelope envelope = new SessionEnvelope();
    envelope.setSession(WireMapper.session(s));
    return WireResponse.ok(envelope);
  }
}
