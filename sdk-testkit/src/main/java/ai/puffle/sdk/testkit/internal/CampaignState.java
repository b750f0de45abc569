package ai.puffle.sdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A campaign row with its nodes and leads. Mutable; guarded by the {@link Store} lock. */
final class CampaignState {
  final String id;
  final String userId;
  final String type;
  final Instant createdAt;
  String name;
  String status;
  Instant updatedAt;
  final List<NodeState> nodes = new ArrayList<>();
  final List<ProspectState> prospects = new ArrayList<>();

  CampaignState(String id, String userId, String type, String name, String status, Instant now) {
    this.id = id;
    this.userId = userId;
    this.type = type;
    this.name = name;
    this.status = status;
    this.createdAt = now;
    this.updatedAt = now;
  }

  boolean isDraft() {
    return "draft".equals(status);
  }

  Optional<NodeState> node(String nodeId) {
    return nodes.stream().filter(n -> n.id.equals(nodeId)).findFirst();
  }

  Optional<ProspectState> prospect(String prospectId) {
    return prospects.stream().filter(p -> p.id.equals(prospectId)).findFirst();
  }
}
