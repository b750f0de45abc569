package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.AiNodeSettings;
import ai.puffle.sdk.generated.model.Campaign;
import ai.puffle.sdk.generated.model.CampaignDetail;
import ai.puffle.sdk.generated.model.CampaignStats;
import ai.puffle.sdk.generated.model.CampaignStatus;
import ai.puffle.sdk.generated.model.CampaignType;
import ai.puffle.sdk.generated.model.SequenceNode;
import ai.puffle.sdk.generated.model.SequenceNodeEnvelope;
import ai.puffle.sdk.generated.model.UpdateSequenceNodeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** GET a campaign (its row as the response model), and PUT one sequence node (draft campaigns only). */
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
      return WireResponse.ok(detail(store.ownedCampaign(id)));
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
      if (r.isSet("subject")) {
        n.subject = r.getSubject();
      }
      if (r.isSet("body")) {
        n.body = r.getBody();
      }
      if (r.isSet("body_html")) {
        n.bodyHtml = r.getBodyHtml();
      }
      if (r.isSet("signature")) {
        n.signature = r.getSignature();
      }
      if (r.isSet("from_name")) {
        n.fromName = r.getFromName();
      }
      if (r.isSet("reply_to")) {
        n.replyTo = r.getReplyTo();
      }
      if (r.isSet("cc")) {
        n.cc = r.getCc();
      }
      if (r.isSet("bcc")) {
        n.bcc = r.getBcc();
      }
      if (r.isSet("attachments")) {
        n.attachments = r.getAttachments() == null ? null : copy(r.getAttachments());
      }
      if (r.isSet("include_message")) {
        n.includeMessage = r.getIncludeMessage();
      }
      if (r.isSet("is_reply")) {
        n.isReply = r.getIsReply();
      }
      if (r.isSet("delay_days")) {
        n.delayDays = r.getDelayDays();
      }
      if (r.isSet("delay_hours")) {
        n.delayHours = r.getDelayHours();
      }
      if (r.isSet("delay_minutes")) {
        n.delayMinutes = r.getDelayMinutes();
      }
      AiNodeSettings ai = aiSettings(body);
      if (n.isAi() && ai != null) {
        if (ai.isSet("purpose")) {
          n.aiPurpose = ai.getPurpose();
        }
        if (ai.isSet("output_type")) {
          n.aiOutputType = ai.getOutputType();
        }
      }
      campaign.updatedAt = store.now();
      SequenceNodeEnvelope envelope = new SequenceNodeEnvelope();
      envelope.setNode(WireRows.node(n));
      return WireResponse.ok(envelope);
    }
  }

  /**
   * The body's {@code ai_node} object, decoded as its own model so that the keys it carried are
   * marked on it, as on the request's top level; null when absent or null.
   */
  private AiNodeSettings aiSettings(Map<String, Object> body) {
    Object ai = body.get("ai_node");
    if (!(ai instanceof Map)) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) ai;
    return json.decode(tree, AiNodeSettings.class);
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> maps) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> map : maps) {
      result.add(map == null ? null : JsonTrees.deepCopy(map));
    }
    return result;
  }

  /** The campaign row as the get-campaign response: its nodes and its leads counted by status. */
  private static CampaignDetail detail(CampaignState c) {
    CampaignDetail detail = new CampaignDetail();
    detail.setCampaign(campaign(c));
    List<SequenceNode> nodes = new ArrayList<>();
    for (NodeState node : c.nodes) {
      nodes.add(WireRows.node(node));
    }
    detail.setSequenceNodes(nodes);
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Map<String, Long>> byNode = new LinkedHashMap<>();
    for (ProspectState p : c.prospects) {
      byStatus.merge(p.status, 1L, Long::sum);
      String nodeKey = p.currentNodeId == null ? "__none__" : p.currentNodeId;
      byNode.computeIfAbsent(nodeKey, k -> new TreeMap<>()).merge(p.status, 1L, Long::sum);
    }
    detail.setProspectsByStatus(byStatus);
    detail.setProspectsByNode(byNode);
    return detail;
  }

  private static Campaign campaign(CampaignState c) {
    Campaign wire = new Campaign();
    wire.setId(c.id);
    wire.setUserId(c.userId);
    wire.setType(CampaignType.fromValue(c.type));
    wire.setName(c.name);
    wire.setStatus(CampaignStatus.fromValue(c.status));
    wire.setDailyLimit(null);
    wire.setStopOnReply(null);
    wire.setOpenTracking(null);
    wire.setSignature(null);
    wire.setSkipOtherCampaigns(null);
    wire.setOperatingHours(null);
    CampaignStats stats = new CampaignStats();
    stats.setTotal((long) c.prospects.size());
    stats.setSent(0L);
    stats.setReplied(0L);
    stats.setBounced(0L);
    stats.setCompleted(0L);
    wire.setStats(stats);
    wire.setSenderAccounts(new ArrayList<>());
    wire.setCreatedAt(WireRows.time(c.createdAt));
    wire.setUpdatedAt(WireRows.time(c.updatedAt));
    return wire;
  }
}
