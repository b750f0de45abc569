package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.AsyncCampaigns;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.internal.exec.Flow;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link AsyncCampaigns}: each operation runs as an async flow; the flow is the future. */
public final class AsyncCampaignsImpl implements AsyncCampaigns {
  private final CampaignOps ops;

  /** Async campaigns over {@code ops}. */
  public AsyncCampaignsImpl(CampaignOps ops) {
    this.ops = ops;
  }

  @Override
  public CompletableFuture<ContentTurn> generateContent(String campaignId, ContentRequest request, RequestOptions options) {
    return ops.generateContent(campaignId, request, options, Flow.async());
  }

  @Override
  public CompletableFuture<List<GeneratedMessage>> resolveMessages(String campaignId, RequestOptions options) {
    return ops.resolveMessages(campaignId, options, Flow.async());
  }

  @Override
  public CompletableFuture<List<GeneratedMessage>> generateAiMessages(
      String campaignId, String nodeId, List<String> prospectIds, RequestOptions options) {
    return ops.generateAiMessages(campaignId, nodeId, prospectIds, options, Flow.async());
  }

  @Override
  public CompletableFuture<List<GeneratedMessage>> listMessages(String campaignId, MessageFilter filter, RequestOptions options) {
    return ops.listMessages(campaignId, filter, null, options, Flow.async());
  }

  @Override
  public CompletableFuture<List<GeneratedMessage>> listLeadMessages(
      String campaignId, String prospectId, MessageFilter filter, RequestOptions options) {
    ai.puffle.sdk.internal.mapping.Validate.notNull("prospectId", prospectId);
    return ops.listMessages(campaignId, filter, prospectId, options, Flow.async());
  }

  @Override
  public CompletableFuture<GeneratedMessage> updateMessage(String campaignId, MessageUpdate update, RequestOptions options) {
    return ops.updateMessage(campaignId, update, options, Flow.async());
  }

  @Override
  public CompletableFuture<Campaign> get(String campaignId, RequestOptions options) {
    return ops.get(campaignId, options, Flow.async());
  }

  @Override
  public CompletableFuture<SequenceNode> updateNode(String campaignId, String nodeId, NodeUpdate update, RequestOptions options) {
    return ops.updateNode(campaignId, nodeId, update, options, Flow.async());
  }
}
