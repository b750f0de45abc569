package ai.puffle.sdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A campaign to plant in a {@link FakePuffle} with {@link FakePuffle#seedCampaign}: its nodes
 * (an {@code end} node is appended when the last one is not {@code end}) and its leads. Immutable.
 *
 * <pre>{@code
 * SeededCampaign c = fake.seedCampaign(CampaignSeed.builder()
 *     .name("Follow-ups").node(NodeSeed.ai("Follow up on ROI"))
 *     .lead(LeadSeed.of("Ada", "Lovelace", "Analytical Engines")).build());
 * }</pre>
 */
public final class CampaignSeed {
  private static final Set<String> STATUSES =
      Set.of("draft", "launching", "active", "paused", "completed");

  private final String name;
  private final String type;
  private final String status;
  private final boolean ownedByAnotherUser;
  private final List<NodeSeed> nodes;
  private final List<LeadSeed> leads;

  private CampaignSeed(Builder b) {
    this.name = Objects.requireNonNull(b.name, "name");
    this.type = b.type;
    this.status = b.status;
    this.ownedByAnotherUser = b.ownedByAnotherUser;
    List<NodeSeed> nodeList = new ArrayList<>(b.nodes);
    if (nodeList.isEmpty() || !nodeList.get(nodeList.size() - 1).type().equals("end")) {
      nodeList.add(NodeSeed.end());
    }
    this.nodes = List.copyOf(nodeList);
    this.leads = List.copyOf(b.leads);
  }

  /** A builder: an email campaign in {@code draft} status named "Seeded campaign". */
  public static Builder builder() {
    return new Builder();
  }

  /** The campaign name. */
  public String name() {
    return name;
  }

  /** The campaign type, {@code email} or {@code linkedin}. */
  public String type() {
    return type;
  }

  /** The campaign status ({@code draft}, {@code active}, ...). */
  public String status() {
    return status;
  }

  /** Whether the campaign belongs to another account (the API key's owner gets 404 for it). */
  public boolean ownedByAnotherUser() {
    return ownedByAnotherUser;
  }

  /** The nodes in sequence order, ending with {@code end}. */
  public List<NodeSeed> nodes() {
    return nodes;
  }

  /** The leads. */
  public List<LeadSeed> leads() {
    return leads;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof CampaignSeed)) {
      return false;
    }
    CampaignSeed other = (CampaignSeed) o;
    return ownedByAnotherUser == other.ownedByAnotherUser
        && name.equals(other.name)
        && type.equals(other.type)
        && status.equals(other.status)
        && nodes.equals(other.nodes)
        && leads.equals(other.leads);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, status, ownedByAnotherUser, nodes, leads);
  }

  @Override
  public String toString() {
    return "CampaignSeed{" + name + ", " + type + ", " + status + ", " + nodes.size() + " nodes, "
        + leads.size() + " leads}";
  }

  /** Builds a {@link CampaignSeed}. */
  public static final class Builder {
    private String name = "Seeded campaign";
    private String type = "email";
    private String status = "draft";
    private boolean ownedByAnotherUser;
    private final List<NodeSeed> nodes = new ArrayList<>();
    private final List<LeadSeed> leads = new ArrayList<>();

    private Builder() {}

    /** Sets the name. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets the type.
     *
     * @throws IllegalArgumentException unless {@code email} or {@code linkedin}
     */
    public Builder type(String type) {
      if (!"email".equals(type) && !"linkedin".equals(type)) {
        throw new IllegalArgumentException("type is email or linkedin: " + type);
      }
      this.type = type;
      return this;
    }

    /**
     * Sets the status.
     *
     * @throws IllegalArgumentException for a status Puffle does not have
     */
    public Builder status(String status) {
      if (!STATUSES.contains(status)) {
        throw new IllegalArgumentException("unknown campaign status: " + status);
      }
      this.status = status;
      return this;
    }

    /** Makes the campaign belong to another account: every call on it answers 404. */
    public Builder ownedByAnotherUser(boolean ownedByAnotherUser) {
      this.ownedByAnotherUser = ownedByAnotherUser;
      return this;
    }

    /** Appends a sequence node. */
    public Builder node(NodeSeed node) {
      nodes.add(Objects.requireNonNull(node, "node"));
      return this;
    }

    /** Appends a lead. */
    public Builder lead(LeadSeed lead) {
      leads.add(Objects.requireNonNull(lead, "lead"));
      return this;
    }

    /** Appends a lead with a name and a company. */
    public Builder lead(String firstName, String lastName, String company) {
      return lead(LeadSeed.of(firstName, lastName, company));
    }

    /** Builds the seed. */
    public CampaignSeed build() {
      return new CampaignSeed(this);
    }
  }
}
