package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.mapping.WireMapper;
import ai.puffle.sdk.internal.http.Safety;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The campaign-scoped operations, written once for blocking and async use. */
public final class CampaignOps {
  private final ClientContext ctx;
  private final Waiter waiter;


  /** Operations over {@code ctx}. */
  public CampaignOps(ClientContext ctx) {
    this.ctx = ctx;
    this.waiter = new Waiter(ctx);
  }

  /**
   * The synchronous turn. Finds the node's session first ({@link NodeSessions}): it is the
   * baseline that lets an unknown outcome be reconciled from the transcript, and a busy session
   * is waited out before sending.
   */
  public Flow<ContentTurn> generateContent(
      String campaignId, ContentRequest request, RequestOptions options, Flow<ContentTurn> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.notNull("contentRequest", request);
    CallScope scope = ctx.scope(options, flow, CampaignsApi.GENERATE_CAMPAIGN_CONTENT, null);
    String nodeId = request.nodeId();
    String operation = "generateCampaignContent";
    return flow.run(f -> nodeSession(campaignId, nodeId, scope).thenCompose(found -> {
      CompletableFuture<Optional<Session>> ready = found.isPresent() && found.get().isBusy()
          ? waiter.whileBusy(operation, found.get().id(), found.get().taskStatus(), scope).thenApply(Optional::of)
          : CompletableFuture.completedFuture(found);
      return ready.thenCompose(before -> new TaskSender<>(
              ctx, waiter,
              ctx.campaignsApi.generateCampaignContent(campaignId, WireMapper.toWire(request))
                  .map(WireMapper::toContentTurn),
              ctx.contentTransport, scope, before.map(Session::id).orElse(null),
              TakenEvidence.content(s -> nodeSession(campaignId, nodeId, s), before, request.message()))
          .send());
    }));
  }

  private CompletableFuture<Optional<Session>> nodeSession(String campaignId, String nodeId, CallScope scope) {
    return ctx.runner.call(
            ctx.sessionsApi.listAiChatSessions(campaignId).map(WireMapper::toSessions), ctx.transport, scope)
        .thenApply(list -> NodeSessions.pick(list, nodeId));
  }

  /** Resolves messages (safe to repeat, so retried like a read). */
  public Flow<List<GeneratedMessage>> resolveMessages(
      String campaignId, RequestOptions options, Flow<List<GeneratedMessage>> flow) {
    Validate.uuid("campaignId", campaignId);
    CallScope scope = ctx.scope(options, flow, CampaignsApi.GENERATE_CAMPAIGN_MESSAGES, null);
    return flow.run(f -> ctx.runner.call(
        ctx.campaignsApi.generateCampaignMessages(campaignId, WireMapper.resolve())
            .map(WireMapper::toGeneratedMessages)
            .withSafety(Safety.IDEMPOTENT),
        ctx.transport, scope));
  }

  /** Queues AI generation: charges credits, so sent at most once. */
  public Flow<List<GeneratedMessage>> generateAiMessages(
      String campaignId, String nodeId, List<String> prospectIds, RequestOptions options,
      Flow<List<GeneratedMessage>> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    Validate.notNull("prospectIds", prospectIds);
    CallScope scope = ctx.scope(options, flow, CampaignsApi.GENERATE_CAMPAIGN_MESSAGES, null);
    return flow.run(f -> ctx.runner.call(
        ctx.campaignsApi.generateCampaignMessages(campaignId, WireMapper.generateAi(nodeId, prospectIds))
            .map(WireMapper::toGeneratedMessages),
        ctx.transport, scope));
  }

  /** Lists generated messages. */
  public Flow<List<GeneratedMessage>> listMessages(
      String campaignId, MessageFilter filter, String prospectId, RequestOptions options,
      Flow<List<GeneratedMessage>> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.notNull("filter", filter);
    if (prospectId != null) {
      Validate.notBlank("prospectId", prospectId);
    }
    CallScope scope = ctx.scope(options, flow, CampaignsApi.LIST_CAMPAIGN_GENERATED_MESSAGES, null);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.listCampaignGeneratedMessages(campaignId, WireMapper.toWire(filter), prospectId)
                .map(WireMapper::toGeneratedMessages),
        ctx.transport, scope));
  }

  /** Edits one draft message (same body, same end state: retried like a read). */
  public Flow<GeneratedMessage> updateMessage(
      String campaignId, MessageUpdate update, RequestOptions options, Flow<GeneratedMessage> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.notNull("messageUpdate", update);
    CallScope scope = ctx.scope(options, flow, CampaignsApi.UPDATE_CAMPAIGN_GENERATED_MESSAGE, null);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.updateCampaignGeneratedMessage(campaignId, WireMapper.toWire(update))
                .map(WireMapper::toGeneratedMessage),
        ctx.transport, scope));
  }

  /** Reads a campaign. */
  public Flow<Campaign> get(String campaignId, RequestOptions options, Flow<Campaign> flow) {
    Validate.uuid("campaignId", campaignId);
    CallScope scope = ctx.scope(options, flow, CampaignsApi.GET_CAMPAIGN, null);
    return flow.run(f -> ctx.runner.call(
        ctx.campaignsApi.getCampaign(campaignId).map(WireMapper::toCampaign), ctx.transport, scope));
  }

  /** Updates one node (PUT: same body, same end state). */
  public Flow<SequenceNode> updateNode(
      String campaignId, String nodeId, NodeUpdate update, RequestOptions options, Flow<SequenceNode> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    Validate.notNull("nodeUpdate", update);
    CallScope scope = ctx.scope(options, flow, CampaignsApi.UPDATE_CAMPAIGN_SEQUENCE_NODE, null);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.updateCampaignSequenceNode(campaignId, nodeId, WireMapper.toWire(update))
                .map(WireMapper::toSequenceNode),
        ctx.transport, scope));
  }
}
