package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.CreateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.DeleteResult;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.SessionListEnvelope;
import ai.puffle.sdk.generated.model.TaskStatus;
import ai.puffle.sdk.generated.model.UpdateAiChatSessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Create, list, get, update and delete AI chat sessions. */
final class SessionHandler {
  private final Store store;
  private final WireJson json;

  SessionHandler(Store store, WireJson json) {
    this.store = store;
    this.json = json;
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
        sessions.add(WireRows.session(s));
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

  /**
   * Partial update: only the keys present are written; an explicit null clears the field.
   * Replacing the skeleton drops the examples written from the old one (unless the same body
   * sets them). The body is checked whole before anything is written.
   */
  WireResponse update(Call call) {
    String id = Uuids.require(call.route.id, "id");
    UpdateAiChatSessionRequest patch =
        json.decode(json.parseObject(call.body), UpdateAiChatSessionRequest.class);
    List<ChatLine> messages = WireRows.chatLines(patch.getMessages());
    List<ExampleState> examples = WireRows.exampleStates(patch.getGeneratedExamples());
    TaskStatus status = patch.getTaskStatus();
    if (status == TaskStatus.UNKNOWN_DEFAULT_OPEN_API) {
      throw HttpError.badRequest("task_status must be null, chat_processing or generating_examples");
    }
    synchronized (store) {
      SessionState s = store.ownedSession(id);
      if (patch.isSet("title")) {
        s.title = patch.getTitle();
      }
      if (patch.isSet("draft_subject")) {
        s.draftSubject = patch.getDraftSubject();
      }
      if (patch.isSet("draft_body")) {
        s.draftBody = patch.getDraftBody();
      }
      if (patch.isSet("messages")) {
        s.messages = messages;
      }
      if (patch.isSet("skeleton_history")) {
        s.skeletonHistory = WireRows.rowMaps(patch.getSkeletonHistory());
      }
      if (patch.isSet("draft_history")) {
        s.draftHistory = WireRows.rowMaps(patch.getDraftHistory());
      }
      if (patch.isSet("framework_version")) {
        s.frameworkVersion = patch.getFrameworkVersion();
      }
      if (patch.isSet("skeleton")) {
        s.skeleton = patch.getSkeleton() == null ? null : JsonTrees.deepCopy(patch.getSkeleton());
        s.generatedExamples = null;
      }
      if (patch.isSet("generated_examples")) {
        s.generatedExamples = examples;
      }
      if (patch.isSet("task_status")) {
        s.taskStatus = status == null ? null : status.getValue();
      }
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
    envelope.setSession(WireRows.session(s));
    return WireResponse.ok(envelope);
  }
}
