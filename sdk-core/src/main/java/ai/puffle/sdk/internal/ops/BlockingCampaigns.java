package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.Campaigns;
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

/** {@link Campaigns}: each operation runs as a blocking flow on the caller's thread. */
public final class BlockingCampaigns implements Campaigns {
  private final CampaignOps ops;

  /** Blocking campaigns over {@code ops}. */
  public BlockingCampaigns(CampaignOps ops) {
    this.ops = ops;
  }

  @Override
  public ContentTurn generateContent(String campaignId, ContentRequest request, RequestOptions options) {
    return ops.generateContent(campaignId, request, options, Flow.blocking()).await();
  }

  @Override
  public List<GeneratedMessage> resolveMessages(String campaignId, RequestOptions options) {
    return ops.resolveMessages(campaignId, options, Flow.blocking()).await();
  }

  @Override
  public List<GeneratedMessage> generateAiMessages(
      String campaignId, String nodeId, List<String> prospectIds, RequestOptions options) {
    return ops.generateAiMessages(campaignId, nodeId, prospectIds, options, Flow.blocking()).await();
  }

  @Override
  public List<GeneratedMessage> listMessages(String campaignId, MessageFilter filter, RequestOptions options) {
    return ops.listMessages(campaignId, filter, null, options, Flow.blocking()).await();
  }

  @Override
  public List<GeneratedMessage> listLeadMessages(
      String campaignId, String prospectId, MessageFilter filter, RequestOptions options) {
    ai.puffle.sdk.internal.mapping.Validate.notNull("prospectId", prospectId);
    return ops.listMessages(campaignId, filter, prospectId, options, Flow.blocking()).await();
  }

  @Override
  public GeneratedMessage updateMessage(String campaignId, MessageUpdate update, RequestOptions options) {
    return ops.updateMessage(campaignId, update, options, Flow.blocking()).await();
  }

  @Override
  public Campaign get(String campaignId, RequestOptions options) {
    return ops.get(campaignId, options, Flow.blocking()).await();
  }

  @Override
  public SequenceNode updateNode(String campaignId, String nodeId, NodeUpdate update, RequestOptions options) {
    return ops.updateNode(campaignId, nodeId, update, options, Flow.blocking()).await();
  }
}
