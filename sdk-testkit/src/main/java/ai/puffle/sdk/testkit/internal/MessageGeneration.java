package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.GenerateMessagesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * POST generate-messages: {@code resolve} (synchronous) and {@code generate_ai} (a task that
 * charges credits per lead). Both need a draft campaign.
 */
final class MessageGeneration {
  /** Credits per lead for AI message generation (Puffle's AI_MESSAGE_GENERATION). */
  static final long CREDITS_PER_LEAD = 2;

  private final Store store;
  private final WireJson json;
  private final Scheduler scheduler;
  private final Timings timings;

  MessageGeneration(Store store, WireJson json, Scheduler scheduler, Timings timings) {
    this.store = store;
    this.json = json;
    this.scheduler = scheduler;
    this.timings = timings;
  }

  /**
   * The caller's campaign for the generate-messages routes, whose id has no UUID pattern in the
   * reference: anything that is not a known campaign is a 404.
   */
  static CampaignState campaign(Store store, String id) {
    if (!Uuids.isUuid(id)) {
      throw HttpError.notFound("Campaign not found");
    }
    return store.ownedCampaign(id);
  }

  WireResponse generate(Call call) {
    Map<String, Object> body = json.parseObject(call.body);
    GenerateMessagesRequest request = json.decode(body, GenerateMessagesRequest.class);
    Object action = body.get("action");
    synchronized (store) {
      CampaignState campaign = campaign(store, call.route.id);
      if ("resolve".equals(action) || "generate_ai".equals(action)) {
        if (!campaign.isDraft()) {
          throw HttpError.badRequest("Campaign must be in draft status");
        }
        return "resolve".equals(action) ? resolve(campaign) : generateAi(campaign, request);
      }
      throw HttpError.badRequest("action must be \"resolve\" or \"generate_ai\"");
    }
  }

  /**
   * Resolves every sendable non-AI node for every lead, copies session examples onto leads with
   * the same first and last name (one row per matching lead; unmatched examples are skipped),
   * and answers with the campaign's draft messages. Manually edited rows are left alone.
   */
  private WireResponse resolve(CampaignState campaign) {
    for (NodeState node : campaign.nodes) {
      if (!node.isSendable()) {
        continue;
      }
      for (ProspectState p : campaign.prospects) {
        Map<String, String> values = Templates.values(p.asLeadMap());
        store.upsertDraft(campaign.id, p.id, node.id,
            Templates.render(node.subject, values), Templates.render(node.body, values));
      }
    }
    for (SessionState s : store.sessionsOf(campaign.id)) {
      Optional<NodeState> node = campaign.node(s.nodeId);
      if (node.isEmpty() || !node.get().isAi() || s.generatedExamples == null) {
        continue;
      }
      for (ExampleState example : s.generatedExamples) {
        String key = nameKey(campaign, example);
        for (ProspectState p : campaign.prospects) {
          if (p.nameKey().equals(key)) {
            store.upsertDraft(campaign.id, p.id, s.nodeId, example.subject, example.body);
          }
        }
      }
    }
    List<MessageState> drafts = new ArrayList<>();
    for (MessageState m : store.messagesOf(campaign.id)) {
      if ("draft".equals(m.status)) {
        drafts.add(m);
      }
    }
    return MessageHandler.list(drafts);
  }

  /** The example's name key; an example without names borrows its lead's by lead_id. */
  private static String nameKey(CampaignState campaign, ExampleState example) {
    if (example.firstName != null || example.lastName != null) {
      return ProspectState.nameKey(example.firstName, example.lastName);
    }
    return campaign.prospect(String.valueOf(example.leadId)).map(ProspectState::nameKey)
        .orElse("");
  }

  /**
   * Pre-flight credit check (402 without deleting or queueing), then: delete the drafts of the
   * named leads, queue the task, charge the credits. Answers {@code {"messages": []}}; the drafts
   * appear when the task completes.
   */
  private WireResponse generateAi(CampaignState campaign, GenerateMessagesRequest request) {
    String nodeId = Uuids.require(request.getNodeId(), "node_id");
    NodeState node =
        campaign.node(nodeId).orElseThrow(() -> HttpError.notFound("Sequence node not found"));
    if (!node.isAi()) {
      throw HttpError.badRequest("Node must have type \"ai\"");
    }
    List<ProspectState> leads = new ArrayList<>();
    List<String> ids = request.getProspectIds();
    for (ProspectState p : campaign.prospects) {
      if (ids == null || ids.contains(p.id)) {
        leads.add(p);
      }
    }
    long cost = CREDITS_PER_LEAD * leads.size();
    if (store.credits < cost) {
      throw new HttpError(402, "Insufficient credits");
    }
    if (ids != null) {
      for (ProspectState p : leads) {
        store.message(campaign.id, p.id, nodeId).ifPresent(m -> store.messages.remove(m.id));
      }
    }
    String campaignId = campaign.id;
    List<String> leadIds = new ArrayList<>();
    leads.forEach(p -> leadIds.add(p.id));
    scheduler.schedule(
        timings.examples(leads.size()), () -> writeAiMessages(campaignId, nodeId, leadIds));
    store.credits -= cost;
    return MessageHandler.list(List.of());
  }

  private void writeAiMessages(String campaignId, String nodeId, List<String> leadIds) {
    synchronized (store) {
      CampaignState campaign = store.campaigns.get(campaignId);
      NodeState node = campaign == null ? null : campaign.node(nodeId).orElse(null);
      if (node == null) {
        return;
      }
      Optional<SessionState> session = store.sessionFor(campaignId, nodeId);
      for (ProspectState p : campaign.prospects) {
        if (!leadIds.contains(p.id)) {
          continue;
        }
        ExampleState email =
            session.isPresent() && session.get().skeleton != null
                ? ExampleWriter.example(session.get(), p.asLeadMap(), p.id)
                : ExampleWriter.fromPurpose(node, p);
        store.upsertDraft(campaignId, p.id, nodeId, email.subject, email.body);
      }
    }
  }
}
