package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension, and the SDK client end to end against the emulator. */
class FakePuffleExtensionTest {
  private static final WaitOptions FAST = WaitOptions.builder()
      .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20))
      .timeout(Duration.ofSeconds(20))
      .build();

  private volatile String clientConfig;

  @RegisterExtension
  final FakePuffleExtension puffle = FakePuffleExtension.perTest()
      .withFake(b -> b.timeMode(TimeMode.scaled(0.001)))
      .withClient(b -> clientConfig = b.toString());

  @Test
  void injectsAnEmulatorAndAClientPointedAtIt(FakePuffle fake, PuffleClient client) {
    assertSame(fake, puffle.fake());
    assertSame(client, puffle.client());
    assertEquals(fake.url().toString(), client.baseUrl());
    assertTrue(clientConfig.contains("triggerApiUrl=" + fake.url()), clientConfig);
    assertEquals(fake.baseUrl(), fake.triggerApiUrl(), "the runs are served on the same URL");
    assertEquals(0, fake.requestCount(), "a fresh emulator for each test");
  }

  @Test
  void theClientDraftsAnEmailAgainstTheEmulator(FakePuffle fake, PuffleClient client) {
    SeededCampaign seeded = fake.defaultCampaign();
    Campaign campaign = client.campaigns().get(seeded.campaignId());
    assertTrue(campaign.isDraft());
    Session session = client.sessions().create(seeded.campaignId(), seeded.aiNodeId());

    TurnResult first =
        client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"), FAST);
    assertFalse(first.skeleton().isPresent(), "turn 1 asks a clarifying question");
    TurnResult second =
        client.sessions().turnAndWait(session.id(), TurnRequest.of("Enterprise VPs"), FAST);
    Skeleton skeleton = second.skeleton().orElseThrow();
    assertTrue(skeleton.variables().contains("first_name"), skeleton.variables().toString());
    assertFalse(skeleton.aiInstructions().isEmpty());
    assertEquals(1L, second.session().frameworkVersion().getAsLong());

    ExamplesResult examples = client.sessions().generateExamplesAndWait(
        session.id(), ExamplesRequest.of(List.of(Lead.of("Ada", "Lovelace"))), FAST);
    assertEquals(1, examples.examples().size());
    List<GeneratedMessage> messages = client.campaigns().resolveMessages(seeded.campaignId());
    assertEquals(4, messages.size(), "3 leads x email node + Ada's AI example");

    fake.assertTurnReceivedOnce(session.id(), "Write an intro email");
    fake.assertTurnReceivedOnce(session.id(), "Enterprise VPs");
  }

  /** The README's example, as written there. */
  @Test
  void aLostResponseDoesNotDuplicateTheTurn(FakePuffle fake, PuffleClient client) {
    SeededCampaign campaign = fake.defaultCampaign();
    Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
    fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
    client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"), FAST);
    fake.assertTurnReceivedOnce(session.id(), "Write an intro email");
  }

  @Test
  void theClientSeesInjectedFaultsAsTheRealServiceWouldSendThem(
      FakePuffle fake, PuffleClient client) {
    SeededCampaign seeded = fake.defaultCampaign();
    Session session = client.sessions().create(seeded.campaignId(), seeded.aiNodeId());
    fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
    client.sessions().turn(session.id(), TurnRequest.of("hello"));

    assertThrows(SessionBusyException.class, () -> client.sessions().turn(session.id(),
        TurnRequest.of("again"), ai.puffle.sdk.RequestOptions.builder()
            .busyTimeout(Duration.ZERO).build()));
  }
}
