package ai.puffle.sdk.examples.support;

import java.util.List;
import java.util.Objects;

/** A campaign id and the ids of the AI nodes a program drafts in it. Immutable. */
public final class CampaignNodes {
  private final String campaignId;
  private final List<String> nodeIds;

  /** The ids; at least one node. */
  public CampaignNodes(String campaignId, List<String> nodeIds) {
    this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
    this.nodeIds = List.copyOf(nodeIds);
    if (this.nodeIds.isEmpty()) {
      throw new IllegalArgumentException("no node ids");
    }
  }

  /** The campaign id. */
  public String campaignId() {
    return campaignId;
  }

  /** The AI node ids, in order. */
  public List<String> nodeIds() {
    return nodeIds;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CampaignNodes && ((CampaignNodes) o).campaignId.equals(campaignId)
        && ((CampaignNodes) o).nodeIds.equals(nodeIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(campaignId, nodeIds);
  }

  @Override
  public String toString() {
    return "CampaignNodes{" + campaignId + ", " + nodeIds + "}";
  }
}
