package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.CallSpec;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.mapping.WireMapper;
import ai.puffle.sdk.internal.ops.TaskSender.Reconciled;
import java.time.Duration;
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
   * The synchronous turn. Finds the node's session first (the oldest, as Puffle does): it is the baseline that lets an unknown
   * outcome be reconciled from the transcript, and a busy session is waited out before sending.
   */
  public Flow<ContentTurn> generateContent(
      String campaignId, ContentRequest request, RequestOptions options, Flow<ContentTurn> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.notNull("contentRequest", request);
    RequestOptions o = ctx.effective(options);
    CallSpec spec = ctx.spec(o, CallSpec.Safety.IDEMPOTENT);
    CallSpec contentSpec = spec.with(ctx.contentTransport);
    String nodeId = request.nodeId();
    return flow.run(f -> nodeSession(campaignId, nodeId, spec, f).thenCompose(found -> {
      CompletableFuture<Optional<Session>> ready = found.isPresent() && found.get().isBusy()
          ? waiter.awaitIdle(found.get().id(), WaitOptions.builder().timeout(ctx.busyTimeout(o)).build(),
              ctx.busyTimeout(o), spec, f).thenApply(Optional::of)
          : CompletableFuture.completedFuture(found);
      return ready.thenCompose(before -> {
        int baseline = before.map(s -> s.messages().size()).orElse(0);
        return new TaskSender<>(
            ctx, waiter,
            ctx.campaignsApi.generateCampaignContent(campaignId, WireMapper.toWire(request))
                .map(WireMapper::toContentTurn),
            contentSpec, f, before.map(Session::id).orElse(null), ctx.busyTimeout(o),
            g -> reconcileContent(campaignId, request, before, baseline, spec, g))
            .send();
      });
    }));
  }

  private CompletableFuture<Reconciled<ContentTurn>> reconcileContent(
      String campaignId, ContentRequest request, Optional<Session> before, int baseline,
      CallSpec spec, Flow<?> f) {
    return nodeSession(campaignId, request.nodeId(), spec, f).thenCompose(now -> {
      if (now.isEmpty()) {
        return CompletableFuture.completedFuture(Reconciled.<ContentTurn>notTaken());
      }
      Session s = now.get();
      CompletableFuture<Session> idle = s.isBusy()
          ? waiter.awaitIdle(s.id(), WaitOptions.defaults(), WaitOptions.DEFAULT_TURN_TIMEOUT, spec, f)
          : CompletableFuture.completedFuture(s);
      return idle.thenApply(after -> {
        if (!TaskSender.hasUserMessageAfter(after, baseline, request.message())) {
          return Reconciled.<ContentTurn>notTaken();
        }
        String reply = after.messages().stream().skip(baseline)
            .filter(ChatMessage::isAssistant).map(ChatMessage::content)
            .reduce((a, b) -> b).orElse("");
        boolean updated = after.frameworkVersion().orElse(Long.MIN_VALUE)
            > before.flatMap(b -> b.frameworkVersion().isPresent()
                ? Optional.of(b.frameworkVersion().getAsLong()) : Optional.empty()).orElse(Long.MIN_VALUE);
        return Reconciled.taken(ContentTurn.of(after.id(), reply, after.skeleton().orElse(null), updated));
      });
    });
  }

  private CompletableFuture<Optional<Session>> nodeSession(
      String campaignId, String nodeId, CallSpec spec, Flow<?> f) {
    return ctx.runner.call(
            ctx.sessionsApi.listAiChatSessions(campaignId).map(WireMapper::toSessions), spec, f)
        .thenApply(list -> list.stream().filter(s -> nodeId.equals(s.nodeId())).findFirst());
  }

  /** Resolves messages (safe to repeat, so retried like a read). */
  public Flow<List<GeneratedMessage>> resolveMessages(
      String campaignId, RequestOptions options, Flow<List<GeneratedMessage>> flow) {
    Validate.uuid("campaignId", campaignId);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.generateCampaignMessages(campaignId, WireMapper.resolve())
                .map(WireMapper::toGeneratedMessages),
            spec, f));
  }

  /** Queues AI generation: charges credits, so sent at most once. */
  public Flow<List<GeneratedMessage>> generateAiMessages(
      String campaignId, String nodeId, List<String> prospectIds, RequestOptions options,
      Flow<List<GeneratedMessage>> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    Validate.notNull("prospectIds", prospectIds);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.SEND_ONCE);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.generateCampaignMessages(campaignId, WireMapper.generateAi(nodeId, prospectIds))
                .map(WireMapper::toGeneratedMessages),
            spec, f));
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
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.listCampaignGeneratedMessages(campaignId, WireMapper.toWire(filter), prospectId)
                .map(WireMapper::toGeneratedMessages),
            spec, f));
  }

  /** Edits one draft message (same body, same end state: retried like a read). */
  public Flow<GeneratedMessage> updateMessage(
      String campaignId, MessageUpdate update, RequestOptions options, Flow<GeneratedMessage> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.notNull("messageUpdate", update);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.updateCampaignGeneratedMessage(campaignId, WireMapper.toWire(update))
                .map(WireMapper::toGeneratedMessage),
            spec, f));
  }

  /** Reads a campaign. */
  public Flow<Campaign> get(String campaignId, RequestOptions options, Flow<Campaign> flow) {
    Validate.uuid("campaignId", campaignId);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> ctx.runner.call(
        ctx.campaignsApi.getCampaign(campaignId).map(WireMapper::toCampaign), spec, f));
  }

  /** Updates one node (PUT: same body, same end state). */
  public Flow<SequenceNode> updateNode(
      String campaignId, String nodeId, NodeUpdate update, RequestOptions options, Flow<SequenceNode> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    Validate.notNull("nodeUpdate", update);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> ctx.runner.call(
            ctx.campaignsApi.updateCampaignSequenceNode(campaignId, nodeId, WireMapper.toWire(update))
                .map(WireMapper::toSequenceNode),
            spec, f));
  }


}
