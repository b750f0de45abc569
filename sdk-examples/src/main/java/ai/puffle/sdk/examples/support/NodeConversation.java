package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.Conversation;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.WaitOptions;
import java.util.Optional;

/**
 * Opens the drafting conversation of one AI node the way Puffle advises: it reads the campaign
 * for the node's place in the sequence and its purpose, finds or creates the node's session, and
 * sets the hints sent with every turn (sample leads, variables, sequence context).
 */
public final class NodeConversation {
  private final Conversation conversation;
  private final SequenceNode node;

  private NodeConversation(Conversation conversation, SequenceNode node) {
    this.conversation = conversation;
    this.node = node;
  }

  /**
   * Opens it (two or three requests).
   *
   * @throws ai.puffle.sdk.NotFoundException when the campaign is unknown
   * @throws UsageException when the campaign has no such node, or it is not an AI node
   */
  public static NodeConversation open(PuffleClient client, String campaignId, String nodeId, WaitOptions wait) {
    Campaign campaign = client.campaigns().get(campaignId);
    SequenceNode node = campaign.node(nodeId).orElseThrow(() -> new UsageException(
        "campaign " + campaignId + " has no node " + nodeId));
    if (!node.isAi()) {
      throw new UsageException("node " + nodeId + " has type \"" + node.type()
          + "\"; chat sessions draft AI nodes (type \"ai\")");
    }
    Conversation conversation = client.conversation(campaignId, nodeId)
        .setSampleLeads(Samples.LEADS)
        .setAvailableVarNames(Samples.VARIABLES)
        .setSequenceContext(SequenceContext.of(node.position(), campaign.sequenceNodes().size()))
        .setWaitOptions(wait);
    return new NodeConversation(conversation, node);
  }

  /** The conversation, with its hints and wait options set. */
  public Conversation conversation() {
    return conversation;
  }

  /** The node as read before the conversation was opened. */
  public SequenceNode node() {
    return node;
  }

  /** The node's AI purpose, if it has one. */
  public Optional<String> purpose() {
    return node.aiPurpose();
  }

  @Override
  public String toString() {
    return "NodeConversation{" + conversation + "}";
  }
}
