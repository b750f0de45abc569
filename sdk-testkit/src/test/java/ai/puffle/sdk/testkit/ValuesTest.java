package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuesTest {
  @Test
  void faultsAreValuesWithDocumentedDefaults() {
    assertEquals(Fault.status(500), Fault.status(500));
    assertNotEquals(Fault.status(500), Fault.status(500).afterProcessing());
    assertFalse(Fault.status(503).processed());
    assertFalse(Fault.disconnect().processed());
    assertTrue(Fault.disconnectAfterProcessing().processed());
    assertTrue(Fault.malformedJson().processed());
    assertTrue(Fault.delay(Duration.ofSeconds(1)).processed());
    assertEquals("Internal server error", Fault.status(500).errorMessage().orElseThrow());
    assertEquals(Map.of("Retry-After", "3"), Fault.rateLimited(Duration.ofSeconds(3)).headers());
    Fault base = Fault.status(503);
    Fault withHeader = base.withHeader("Retry-After", "1");
    assertTrue(base.headers().isEmpty(), "withHeader makes a copy");
    assertEquals(Map.of("Retry-After", "1"), withHeader.headers());
    assertEquals("Fault{STATUS 503, before processing}", base.toString());
    assertThrows(IllegalStateException.class, () -> Fault.delay(Duration.ZERO).beforeProcessing());
    assertThrows(IllegalArgumentException.class, () -> Fault.delay(Duration.ofSeconds(-1)));
    assertThrows(IllegalArgumentException.class, () -> Fault.htmlPage(302));
  }

  @Test
  void seedsEndWithAnEndNode() {
    CampaignSeed seed = CampaignSeed.builder().node(NodeSeed.ai("Purpose")).build();
    assertEquals(List.of("ai", "end"), seed.nodes().stream().map(NodeSeed::type)
        .collect(java.util.stream.Collectors.toList()));
    assertEquals(2, CampaignSeed.builder().node(NodeSeed.email("s", "b")).node(NodeSeed.end())
        .build().nodes().size());
    assertThrows(IllegalArgumentException.class, () -> CampaignSeed.builder().type("fax"));
    assertThrows(IllegalArgumentException.class, () -> CampaignSeed.builder().status("gone"));
    assertEquals("pending", LeadSeed.of("Ada", "Lovelace", "AE").status());
  }

  @Test
  void seededCampaignsFindNodesByType() {
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual())
        .defaultCampaign(false).start()) {
      assertThrows(IllegalStateException.class, fake::defaultCampaign);
      SeededCampaign seeded = fake.seedCampaign(CampaignSeed.builder().type("linkedin")
          .node(NodeSeed.connectionRequest("Hi %first_name%")).node(NodeSeed.message("Thanks"))
          .lead("Ada", "Lovelace", "AE").build());
      assertEquals(3, seeded.nodeIds().size());
      assertEquals(seeded.nodeId(1), seeded.firstOfType("message"));
      assertThrows(IllegalStateException.class, seeded::aiNodeId);
      assertEquals(1, seeded.prospectIds().size());
    }
  }

  @Test
  void aReplyWithASkeletonDraftsFromIt() {
    Reply reply = Reply.builder().message("ok")
        .skeleton(Map.of("subject", "Hi %first_name%", "body", "&&hook&&")).build();
    assertEquals("Hi %first_name%", reply.draftSubject().orElseThrow());
    assertEquals("&&hook&&", reply.draftBody().orElseThrow());
    assertTrue(Reply.text("question?").skeleton().isEmpty());
    assertTrue(Reply.text("question?").draftBody().isEmpty());
  }

  @Test
  void theStandardModelAsksFirstThenWritesASkeleton() {
    ReplyModel model = ReplyModel.standard(2);
    TurnContext.Builder turn = TurnContext.builder().sessionId("s").campaignId("c").nodeId("n")
        .message("Intro email for VPs");
    assertTrue(model.reply(turn.turnNumber(1).build()).skeleton().isEmpty());
    Reply second = model.reply(turn.turnNumber(2).build());
    assertTrue(second.skeleton().isPresent());
    assertTrue(second.draftBody().orElseThrow().contains("&&"));
    assertThrows(IllegalArgumentException.class, () -> ReplyModel.standard(0));
  }
}
