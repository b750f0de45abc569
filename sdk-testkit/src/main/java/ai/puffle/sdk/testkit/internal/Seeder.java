package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.CampaignSeed;
import ai.puffle.sdk.testkit.LeadSeed;
import ai.puffle.sdk.testkit.NodeSeed;
import ai.puffle.sdk.testkit.SeededCampaign;
import java.util.ArrayList;
import java.util.List;

/** Plants seeded campaigns in the store. */
final class Seeder {
  private final Store store;

  Seeder(Store store) {
    this.store = store;
  }

  /** The campaign every FakePuffle starts with unless told otherwise. */
  static CampaignSeed defaultCampaign() {
    return CampaignSeed.builder()
        .name("Sales leaders outreach")
        .node(NodeSeed.email("Quick question, %first_name%",
            "Hi %first_name%,\n\nTeams like %company% use us to shorten time-to-ROI on new "
                + "sales hires. Worth a look?\n\n%sender_first%"))
        .node(NodeSeed.delay(3))
        .node(NodeSeed.ai("Follow-up that shows time-to-ROI for the lead's team"))
        .lead(LeadSeed.builder().firstName("Ada").lastName("Lovelace")
            .company("Analytical Engines").position("VP Sales").email("ada@example.com").build())
        .lead(LeadSeed.builder().firstName("Grace").lastName("Hopper")
            .company("Compiler Works").position("Head of Revenue").email("grace@example.com")
            .build())
        .lead(LeadSeed.builder().firstName("Alan").lastName("Turing")
            .company("Bletchley Labs").position("Sales Director").email("alan@example.com")
            .build())
        .build();
  }

  SeededCampaign seed(CampaignSeed seed) {
    synchronized (store) {
      String owner = seed.ownedByAnotherUser() ? store.otherUserId : store.userId;
      CampaignState campaign = new CampaignState(
          store.ids.uuid(), owner, seed.type(), seed.name(), seed.status(), store.now());
      List<String> nodeIds = new ArrayList<>();
      List<String> nodeTypes = new ArrayList<>();
      for (NodeSeed nodeSeed : seed.nodes()) {
        NodeState node =
            new NodeState(store.ids.uuid(), campaign.id, nodeSeed.type(), campaign.nodes.size());
        node.subject = nodeSeed.subject().orElse(null);
        node.body = nodeSeed.body().orElse(null);
        if (node.isAi()) {
          node.aiPurpose = nodeSeed.aiPurpose().orElse(null);
          node.aiOutputType = "email";
        }
        if ("delay".equals(node.type)) {
          node.delayDays = (long) nodeSeed.delayDays();
          node.delayHours = 0L;
          node.delayMinutes = 0L;
        }
        campaign.nodes.add(node);
        nodeIds.add(node.id);
        nodeTypes.add(node.type);
      }
      List<String> prospectIds = new ArrayList<>();
      for (LeadSeed lead : seed.leads()) {
        ProspectState prospect = new ProspectState(store.ids.uuid(), lead.firstName(),
            lead.lastName(), lead.company().orElse(null), lead.position().orElse(null),
            lead.email().orElse(null), lead.status());
        campaign.prospects.add(prospect);
        prospectIds.add(prospect.id);
      }
      store.campaigns.put(campaign.id, campaign);
      return new SeededCampaign(campaign.id, nodeIds, nodeTypes, prospectIds);
    }
  }
}
