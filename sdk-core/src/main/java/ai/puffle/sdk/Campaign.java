package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign as returned by "get campaign": its settings summary, its sequence nodes in order,
 * and lead counts. {@link #type()} and {@link #status()} are the API's text, e.g.
 * {@code "email"} and {@code "draft"}.
 */
public final class Campaign {
  /** The status of campaigns that can still be edited. */
  public static final String STATUS_DRAFT = "draft";

  private final String id;
  private final String name;
  private final String type;
  private final String status;
  private final List<SequenceNode> sequenceNodes;
  private final Map<String, Long> prospectsByStatus;
  private final Map<String, Map<String, Long>> prospectsByNode;

  private Campaign(Builder b) {
    this.id = Validate.notNull("campaign.id", b.id);
    this.name = Validate.notNull("campaign.name", b.name);
    this.type = Validate.notNull("campaign.type", b.type);
    this.status = Validate.notNull("campaign.status", b.status);
    this.sequenceNodes = Validate.list("campaign.sequenceNodes", b.sequenceNodes, Integer.MAX_VALUE);
    this.prospectsByStatus = Collections.unmodifiableMap(new LinkedHashMap<>(b.prospectsByStatus));
    Map<String, Map<String, Long>> byNode = new LinkedHashMap<>();
    b.prospectsByNode.forEach(
        (node, counts) ->
            byNode.put(
                node,
                counts == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(counts))));
    this.prospectsByNode = Collections.unmodifiableMap(byNode);
  }

  /** A builder, for tests and tools. Only the id is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The campaign id (a UUID). */
  public String id() {
    return id;
  }

  /** The campaign name (empty when the server did not send one). */
  public String name() {
    return name;
  }

  /**
   * The channel: {@code "email"} or {@code "linkedin"}; {@code "unknown"} when absent or not
   * known to this SDK version.
   */
  public String type() {
    return type;
  }

  /**
   * The lifecycle status: {@code draft}, {@code launching}, {@code active}, {@code paused} or
   * {@code completed}; {@code "unknown"} when absent or not known to this SDK version.
   */
  public String status() {
    return status;
  }

  /** Whether the campaign is a draft (content generation and node edits need this). */
  public boolean isDraft() {
    return STATUS_DRAFT.equals(status);
  }

  /** The sequence nodes, ordered by position. */
  public List<SequenceNode> sequenceNodes() {
    return sequenceNodes;
  }

  /** The node with this id, if the campaign has it. */
  public Optional<SequenceNode> node(String nodeId) {
    for (SequenceNode node : sequenceNodes) {
      if (node.id().equals(nodeId)) {
        return Optional.of(node);
      }
    }
    return Optional.empty();
  }

  /** The AI-written nodes (type {@code "ai"}), in sequence order. */
  public List<SequenceNode> aiNodes() {
    List<SequenceNode> ai = new ArrayList<>();
    for (SequenceNode node : sequenceNodes) {
      if (node.isAi()) {
        ai.add(node);
      }
    }
    return Collections.unmodifiableList(ai);
  }

  /** Lead counts per lead status, e.g. {@code {"active": 12}}. */
  public Map<String, Long> prospectsByStatus() {
    return prospectsByStatus;
  }

  /** Lead counts per node id (or {@code "__none__"}) and status. */
  public Map<String, Map<String, Long>> prospectsByNode() {
    return prospectsByNode;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Campaign)) {
      return false;
    }
    Campaign c = (Campaign) o;
    return id.equals(c.id)
        && name.equals(c.name)
        && type.equals(c.type)
        && status.equals(c.status)
        && sequenceNodes.equals(c.sequenceNodes)
        && prospectsByStatus.equals(c.prospectsByStatus)
        && prospectsByNode.equals(c.prospectsByNode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, type, status, sequenceNodes, prospectsByStatus, prospectsByNode);
  }

  @Override
  public String toString() {
    return "Campaign{id=" + id
        + ", name=" + name
        + ", type=" + type
        + ", status=" + status
        + ", sequenceNodes=" + sequenceNodes
        + ", prospectsByStatus=" + prospectsByStatus
        + "}";
  }

  /** Builds a {@link Campaign}. */
  public static final class Builder {
    private String id;
    private String name = "";
    private String type = "unknown";
    private String status = "unknown";
    private List<SequenceNode> sequenceNodes = List.of();
    private Map<String, Long> prospectsByStatus = Map.of();
    private Map<String, Map<String, Long>> prospectsByNode = Map.of();

    private Builder() {}

    /** Sets the id. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets the name ({@code null} is kept as empty). */
    public Builder name(String name) {
      this.name = name == null ? "" : name;
      return this;
    }

    /** Sets the type text ({@code null} is kept as {@code "unknown"}). */
    public Builder type(String type) {
      this.type = type == null ? "unknown" : type;
      return this;
    }

    /** Sets the status text ({@code null} is kept as {@code "unknown"}). */
    public Builder status(String status) {
      this.status = status == null ? "unknown" : status;
      return this;
    }

    /** Sets the nodes ({@code null} for none). */
    public Builder sequenceNodes(List<SequenceNode> sequenceNodes) {
      this.sequenceNodes = sequenceNodes == null ? List.of() : sequenceNodes;
      return this;
    }

    /** Sets the lead counts per status ({@code null} for none). */
    public Builder prospectsByStatus(Map<String, Long> prospectsByStatus) {
      this.prospectsByStatus = prospectsByStatus == null ? Map.of() : prospectsByStatus;
      return this;
    }

    /** Sets the lead counts per node and status ({@code null} for none). */
    public Builder prospectsByNode(Map<String, Map<String, Long>> prospectsByNode) {
      this.prospectsByNode = prospectsByNode == null ? Map.of() : prospectsByNode;
      return this;
    }

    /**
     * The campaign.
     *
     * @throws InvalidInputException when the id is missing
     */
    public Campaign build() {
      return new Campaign(this);
    }
  }
}
