package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client on the emulator's virtual clock ({@link FakePuffle#clientClock()}): the default wait
 * options finish a turn in virtual time, the same way every run, blocking or asynchronous.
 */
class ClientClockTest {
  private static final List<Lead> LEADS = List.of(Lead.of("Ada", "Lovelace"), Lead.of("Alan", "Turing"));

  @RegisterExtension
  final FakePuffleExtension puffle =
      FakePuffleExtension.perTest().withFake(b -> b.timeMode(TimeMode.virtual()));

  @Test
  void turnAndWaitWithTheDefaultOptionsRunsOnTheEmulatorsClock(FakePuffle fake, PuffleClient client) {
    SeededCampaign campaign = fake.defaultCampaign();
    Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
    Instant before = fake.clock().now();

    TurnResult first = client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"));
    TurnResult second = client.sessions().turnAndWait(session.id(), TurnRequest.of("Warm and short"));

    assertFalse(first.skeleton().isPresent(), "turn 1 asks a clarifying question");
    assertTrue(second.skeleton().isPresent(), "turn 2 writes the skeleton");
    Duration waited = Duration.between(before, fake.clock().now());
    assertTrue(waited.compareTo(Duration.ofSeconds(30)) >= 0,
        "two 15 s turns passed on the emulator's clock: " + waited);
    assertTrue(waited.compareTo(Duration.ofSeconds(40)) < 0,
        "the default polls noticed each end within a poll interval: " + waited);
    assertEquals(0, fake.clock().pendingTasks());
    fake.assertTurnReceivedOnce(session.id(), "Write an intro email");
  }

  /** The example of the testkit README, as it stands there. */
  @Test
  void aLostResponseDoesNotDuplicateTheTurn(FakePuffle fake, PuffleClient client) {
    SeededCampaign campaign = fake.defaultCampaign();            // draft email campaign, ai node, 3 leads
    Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
    fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
    client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"));  // default WaitOptions
    fake.assertTurnReceivedOnce(session.id(), "Write an intro email");
  }

  @Test
  void aTurnSentWhileTheSessionIsBusyWaitsOnTheSameClock(FakePuffle fake, PuffleClient client) {
    SeededCampaign campaign = fake.defaultCampaign();
    Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
    Instant before = fake.clock().now();
    client.sessions().turn(session.id(), TurnRequest.of("Write an intro email"));

    client.sessions().turnAndWait(session.id(), TurnRequest.of("Warm and short"));

    assertEquals(List.of("Write an intro email", "Warm and short"),
        fake.turnMessagesAccepted(session.id()));
    Duration waited = Duration.between(before, fake.clock().now());
    assertTrue(waited.compareTo(Duration.ofSeconds(30)) >= 0,
        "the second turn waited out the first on the emulator's clock, then took its own: " + waited);
    assertEquals(2, fake.requests(Operation.RUN_TURN).stream().filter(c -> c.status() == 200).count());
  }

  @Test
  void anAsynchronousWaitRunsOnTheEmulatorsClockToo(FakePuffle fake, PuffleClient client)
      throws Exception {
    SeededCampaign campaign = fake.defaultCampaign();
    Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
    client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"));
    client.sessions().turnAndWait(session.id(), TurnRequest.of("Warm and short"));
    Instant before = fake.clock().now();

    ExamplesResult examples = client.async().sessions()
        .generateExamplesAndWait(session.id(), ExamplesRequest.of(LEADS))
        .get(30, TimeUnit.SECONDS); // a guard against a hang, not a timing

    assertEquals(LEADS.size(), examples.examples().size());
    assertTrue(Duration.between(before, fake.clock().now())
        .compareTo(Duration.ofSeconds(10 + 3 * LEADS.size())) >= 0);
  }

  @Test
  void theSameTestTakesTheSameStepsEveryRun() {
    List<String> first = draftOnAFreshEmulator();
    List<String> second = draftOnAFreshEmulator();
    assertEquals(first, second);
  }

  @Test
  void onlyAVirtualEmulatorHandsOutItsClock() {
    try (FakePuffle scaled = FakePuffle.builder().timeMode(TimeMode.scaled(0.01)).start()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, scaled::clientClock);
      assertTrue(e.getMessage().contains("TimeMode.virtual()"), e.getMessage());
    }
  }

  /** The requests and the emulator's final time of a turn, a busy turn and examples. */
  private static List<String> draftOnAFreshEmulator() {
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start();
        PuffleClient client = PuffleClient.builder()
            .apiKey(fake.apiKey())
            .baseUrl(fake.baseUrl())
            .clock(fake.clientClock())
            .watchRuns(false)
            .build()) {
      SeededCampaign campaign = fake.defaultCampaign();
      Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
      client.sessions().turn(session.id(), TurnRequest.of("Write an intro email"));
      client.sessions().turnAndWait(session.id(), TurnRequest.of("Warm and short"));
      client.sessions().generateExamplesAndWait(session.id(), ExamplesRequest.of(LEADS));
      List<String> steps = new ArrayList<>(fake.requests().stream()
          .map(c -> c.method() + " " + c.path() + " " + c.status())
          .collect(Collectors.toList()));
      steps.add("ended at " + fake.clock().now());
      return steps;
    }
  }
}
