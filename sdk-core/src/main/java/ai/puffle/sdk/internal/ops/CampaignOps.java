package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.mapping.RequestMapping;
import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.mapping.WireMapper;
import ai.puffle.sdk.internal.http.Safety;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The campaign-scoped methods that do more than send one request and map its answer, written once
 * for blocking and async use. The generated {@code CampaignCalls} (openapi.yaml's {@code
 * x-puffle-sdk}) extends this class with the methods that send one request, and implements {@link
 * ai.puffle.sdk.Campaigns} and {@link ai.puffle.sdk.AsyncCampaigns} over both.
 */
public abstract class CampaignOps {
  private final ClientContext ctx;
  private final Waiter waiter;

  /** Operations over {@code ctx}. */
  protected CampaignOps(ClientContext ctx) {
    this.ctx = ctx;
    this.waiter = new Waiter(ctx);
  }

  /** The request builders of the campaign operations, for the generated calls. */
  protected final CampaignsApi api() {
    return ctx.campaignsApi;
  }

  /** Sends one request for the generated calls ({@link ClientContext#send}). */
  protected final <T> Flow<T> send(ApiRequest<T> request, String sessionId, RequestOptions options, Flow<T> flow) {
    return ctx.send(request, sessionId, options, flow);
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
              ctx.campaignsApi.generateCampaignContent(campaignId, RequestMapping.toWire(request))
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
        ctx.campaignsApi.generateCampaignMessages(campaignId, RequestMapping.resolve())
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
        ctx.campaignsApi.generateCampaignMessages(campaignId, RequestMapping.generateAi(nodeId, prospectIds))
            .map(WireMapper::toGeneratedMessages),
        ctx.transport, scope));
  }

  /** Lists generated messages. */
  public Flow<List<GeneratedMessage>> listMessages(
      String campaignId, MessageFilter filter, RequestOptions options, Flow<List<GeneratedMessage>> flow) {
    return listMessages(campaignId, filter, null, options, flow);
  }

  /** Lists one lead's generated messages. */
  public Flow<List<GeneratedMessage>> listLeadMessages(
      String campaignId, String prospectId, MessageFilter filter, RequestOptions options,
      Flow<List<GeneratedMessage>> flow) {
    Validate.notNull("prospectId", prospectId);
    return listMessages(campaignId, filter, prospectId, options, flow);
  }

  private Flow<List<GeneratedMessage>> listMessages(
      String campaignId, MessageFilter filter, String prospectId, RequestOptions options,
      Flow<List<GeneratedMessage>> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.notNull("filter", filter);
    if (prospectId != null) {
      Validate.notBlank("prospectId", prospectId);
    }
    CallScope scope = ctx.scope(options, flow, CampaignsApi.LIST_CAMPAIGN_GENERATED_MESSAGES, null);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.listCampaignGeneratedMessages(campaignId, RequestMapping.toWire(filter), prospectId)
                .map(WireMapper::toGeneratedMessages),
        ctx.transport, scope));
  }
}
