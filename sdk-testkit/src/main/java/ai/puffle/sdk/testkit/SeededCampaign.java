package ai.puffle.sdk.testkit;

import java.util.List;
import java.util.Objects;

/** The ids a {@link FakePuffle} gave a seeded campaign. Immutable. */
public final class SeededCampaign {
  private final String campaignId;
  private final List<String> nodeIds;
  private final List<String> nodeTypes;
  private final List<String> prospectIds;

  /**
   * Creates the record.
   *
   * @param campaignId the campaign id
   * @param nodeIds the node ids in sequence order
   * @param nodeTypes the node types, parallel to {@code nodeIds}
   * @param prospectIds the lead ids in seed order
   */
  public SeededCampaign(
      String campaignId, List<String> nodeIds, List<String> nodeTypes, List<String> prospectIds) {
    this.campaignId = Objects.requireNonNull(campaignId, "campaignId");
    this.nodeIds = List.copyOf(nodeIds);
    this.nodeTypes = List.copyOf(nodeTypes);
    this.prospectIds = List.copyOf(prospectIds);
    if (this.nodeIds.size() != this.nodeTypes.size()) {
      throw new IllegalArgumentException("nodeIds and nodeTypes differ in size");
    }
  }

  /** The campaign id. */
  public String campaignId() {
    return campaignId;
  }

  /** The node ids in sequence order. */
  public List<String> nodeIds() {
    return nodeIds;
  }

  /** The id of the node at a position (0-based). */
  public String nodeId(int position) {
    return nodeIds.get(position);
  }

  /**
   * The id of the first node of type {@code ai}.
   *
   * @throws IllegalStateException if the campaign has no AI node
   */
  public String aiNodeId() {
    return firstOfType("ai");
  }

  /**
   * The id of the first node of a type ({@code email}, {@code ai}, {@code end}, ...).
   *
   * @throws IllegalStateException if there is none
   */
  public String firstOfType(String type) {
    int index = nodeTypes.indexOf(type);
    if (index < 0) {
      throw new IllegalStateException("campaign " + campaignId + " has no " + type + " node");
    }
    return nodeIds.get(index);
  }

  /** The lead (prospect) ids in seed order. */
  public List<String> prospectIds() {
    return prospectIds;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SeededCampaign)) {
      return false;
    }
    SeededCampaign other = (SeededCampaign) o;
    return campaignId.equals(other.campaignId)
        && nodeIds.equals(other.nodeIds)
        && nodeTypes.equals(other.nodeTypes)
        && prospectIds.equals(other.prospectIds);
  }

  @Override
  public int hashCode() {
    return Objects.hash(campaignId, nodeIds, nodeTypes, prospectIds);
  }

  @Override
  public String toString() {
    return "SeededCampaign{" + campaignId + ", nodes=" + nodeTypes + ", "
        + prospectIds.size() + " leads}";
  }
}
