package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.testkit.CampaignSeed;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.LeadSeed;
import ai.puffle.sdk.testkit.NodeSeed;
import ai.puffle.sdk.testkit.SeededCampaign;
import java.util.List;

/** What a program drafts on the emulator: a campaign and its AI nodes, planted in a FakePuffle. */
@FunctionalInterface
public interface Seeding {
  /** Plants (or picks) the campaign and returns its id and the AI node ids to draft. */
  CampaignNodes seed(FakePuffle fake);

  /** The emulator's default campaign (three leads, one AI node). */
  static Seeding defaultCampaign() {
    return fake -> {
      SeededCampaign c = fake.defaultCampaign();
      return new CampaignNodes(c.campaignId(), List.of(c.aiNodeId()));
    };
  }

  /** A new draft campaign with {@code count} AI nodes and the three sample leads. */
  static Seeding aiNodes(int count) {
    return fake -> {
      CampaignSeed.Builder seed = CampaignSeed.builder().name("Follow-up sequence");
      for (int i = 1; i <= count; i++) {
        seed.node(NodeSeed.ai(Samples.purpose(i)));
      }
      Samples.LEADS.forEach(lead -> seed.lead(LeadSeed.builder()
          .firstName(lead.firstName().orElseThrow()).lastName(lead.lastName().orElseThrow())
          .company(lead.company().orElseThrow()).position(lead.position().orElseThrow())
          .build()));
      SeededCampaign c = fake.seedCampaign(seed.build());
      return new CampaignNodes(c.campaignId(), c.nodeIds().subList(0, count));
    };
  }
}
