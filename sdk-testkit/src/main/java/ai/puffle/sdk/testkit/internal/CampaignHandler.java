package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.AiNodeSettings;
import ai.puffle.sdk.generated.model.SequenceNodeEnvelope;
import ai.puffle.sdk.generated.model.UpdateSequenceNodeRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** GET a campaign, and PUT one sequence node (draft campaigns only). */
final class CampaignHandler {
  private final Store store;
  private final WireJson json;

  CampaignHandler(Store store, WireJson json) {
    this.store = store;
    this.json = json;
  }

  WireResponse get(Call call) {
    String id = Uuids.require(call.route.id, "id");
    synchronized (store) {
      return WireResponse.ok(WireMapper.campaignDetail(store.ownedCampaign(id)));
    }
  }

  /**
   * Applies only the keys present. 400 without writing unless the campaign is a draft; AI
   * settings apply only to a node of type {@code ai}; type and position never change.
   */
  WireResponse updateNode(Call call) {
    String id = Uuids.require(call.route.id, "id");
    String nodeId = Uuids.require(call.route.nodeId, "nodeId");
    Map<String, Object> body = json.parseObject(call.body);
    UpdateSequenceNodeRequest r = json.decode(body, UpdateSequenceNodeRequest.class);
    synchronized (store) {
      CampaignState campaign = store.ownedCampaign(id);
      NodeState n =
          campaign.node(nodeId).orElseThrow(() -> HttpError.notFound("Sequence node not found"));
      if (!campaign.isDraft()) {
        throw HttpError.badRequest("Sequence nodes can only be edited on draft campaigns");
      }
      if (body.containsKey("subject")) {
        n.subject = r.getSubject();
      }
      if (body.containsKey("body")) {
        n.body = r.getBody();
      }
      if (body.containsKey("body_html")) {
        n.bodyHtml = r.getBodyHtml();
      }
      if (body.containsKey("signature")) {
        n.signature = r.getSignature();
      }
      if (body.containsKey("from_name")) {
        n.fromName = r.getFromName();
      }
      if (body.containsKey("reply_to")) {
        n.replyTo = r.getReplyTo();
      }
      if (body.containsKey("cc")) {
        n.cc = r.getCc();
      }
      if (body.containsKey("bcc")) {
        n.bcc = r.getBcc();
      }
      if (body.containsKey("attachments")) {
        n.attachments = r.getAttachments() == null ? null : copy(r.getAttachments());
      }
      if (body.containsKey("include_message")) {
        n.includeMessage = r.getIncludeMessage();
      }
      if (body.containsKey("is_reply")) {
        n.isReply = r.getIsReply();
      }
      if (body.containsKey("delay_days")) {
        n.delayDays = r.getDelayDays();
      }
      if (body.containsKey("delay_hours")) {
        n.delayHours = r.getDelayHours();
      }
      if (body.containsKey("delay_minutes")) {
        n.delayMinutes = r.getDelayMinutes();
      }
      AiNodeSettings ai = r.getAiNode();
      if (n.isAi() && ai != null && body.get("ai_node") instanceof Map) {
        Map<?, ?> raw = (Map<?, ?>) body.get("ai_node");
        if (raw.containsKey("purpose")) {
          n.aiPurpose = ai.getPurpose();
        }
        if (raw.containsKey("output_type")) {
          n.aiOutputType = ai.getOutputType();
        }
      }
      campaign.updatedAt = store.now();
      SequenceNodeEnvelope envelope = new SequenceNodeEnvelope();
      envelope.setNode(WireMapper.node(n));
      return WireResponse.ok(envelope);
    }
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> maps) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> map : maps) {
      result.add(map == null ? null : JsonTrees.deepCopy(map));
    }
    return result;
  }
}
