package ai.puffle.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.examples.support.ExitCodes;
import ai.puffle.sdk.examples.support.Target;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Operation;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CreateTurnExamplesTest {
  @Test
  void runsTheFlowOnTheEmulatorAndAppliesTheDraft() {
    AtomicReference<FakePuffle> fake = new AtomicReference<>();
    Runs.Result r = Runs.run(new CreateTurnExamples(fake::set)::run);

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertEquals("", r.err, r::toString);
    String out = r.out;
    assertTrue(out.startsWith(Target.EMULATOR_BANNER + "\n"), out);
    assertTrue(out.contains("Puffle: Happy to help."), out);
    assertTrue(out.contains("Puffle: Here is a first framework"), out);
    assertTrue(out.contains("Skeleton (framework version 1)"), out);
    assertTrue(out.contains("  variables: first_name, company, position, sender_first"), out);
    assertTrue(out.contains("  AI instructions:\n    1. Open with one specific observation"), out);
    assertTrue(out.contains("Draft\n  subject: %first_name%, a faster path to ROI at %company%"), out);
    assertTrue(out.contains("Examples (3)\n  Ada Lovelace (Analytical Engines)\n"
        + "    subject: Ada, a faster path to ROI at Analytical Engines"), out);
    assertTrue(out.contains("  Alan Turing (Bletchley Labs)"), out);
    assertTrue(out.contains("Resolved messages: 6 draft message(s), 3 for this node"), out);
    assertTrue(out.contains("Applied the draft to node " + fake.get().defaultCampaign().aiNodeId()), out);
    assertTrue(out.contains("  done in "), "plain progress lines: " + out);
    assertTrue(out.contains("\nDone in "), out);

    assertEquals(2, fake.get().requestCount(Operation.RUN_TURN));
    assertEquals(1, fake.get().requestCount(Operation.GENERATE_EXAMPLES));
    assertEquals(1, fake.get().requestCount(Operation.UPDATE_NODE));
  }

  @Test
  void tracePrintsEverySpanAndTheMetricsOnStandardError() {
    AtomicReference<FakePuffle> fake = new AtomicReference<>();
    Runs.Result r = Runs.run(new CreateTurnExamples(fake::set)::run, "--trace");

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertTrue(r.out.contains("Applied the draft to node "), r.out);
    assertTrue(r.err.lines().allMatch(l -> l.startsWith("[otel] ")), r.err);
    assertTrue(r.err.contains("[otel] 'startTurn' : "), r.err);
    assertTrue(r.err.contains("[otel] 'POST /api/campaigns/ai-chat-sessions/{id}/turn' : "), r.err);
    assertTrue(r.err.contains("url.template=/api/campaigns/ai-chat-sessions/{id}/turn"), r.err);
    assertTrue(r.err.contains("name=http.client.request.duration"), r.err);
    assertTrue(r.err.contains("name=puffle.client.wait.duration"), r.err);
    long turns = r.err.lines().filter(l -> l.startsWith("[otel] 'startTurn' : ")).count();
    assertEquals(fake.get().requestCount(Operation.RUN_TURN), turns, "a span per turn");
    assertTrue(fake.get().requests().stream()
        .filter(c -> c.operation() != Operation.RETRIEVE_RUN && c.operation() != Operation.SUBSCRIBE_TO_RUN
            && c.operation() != Operation.READ_STREAM) // Trigger.dev's, not Puffle's
        .allMatch(c -> c.traceparent().isPresent()), "every request to Puffle carries its trace");
  }

  @Test
  void aRejectedKeyEndsWithOneLineAndTheApiExitCode() {
    Runs.Result r = Runs.run(new CreateTurnExamples(
        fake -> fake.faults().nextRequest(Fault.status(401, "Unauthorized")))::run);

    assertEquals(ExitCodes.API, r.exitCode, r::toString);
    assertTrue(r.err.startsWith("error: Puffle API error 401: "), r.err);
    assertTrue(r.err.contains("Unauthorized"), r.err);
    assertEquals(1, r.err.lines().count(), r.err);
  }

  @Test
  void aTurnThatNeverFinishesEndsWithTheTimeoutExitCode() {
    Runs.Result r = Runs.run(new CreateTurnExamples(
        fake -> fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes()))::run,
        "--timeout", "0.3");

    assertEquals(ExitCodes.TIMEOUT, r.exitCode, r::toString);
    assertTrue(r.err.startsWith("error: timed out: "), r.err);
    assertTrue(r.err.contains("session "), r.err);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.out.contains("  run: executing"), "the run's status was shown: " + r.out);
  }

  @Test
  void aKeyWithoutCampaignAndNodeIsAConfigErrorAndSendsNothing() {
    try (FakePuffle fake = FakePuffle.start()) {
      Runs.Result r = Runs.run(new CreateTurnExamples()::run,
          Map.of("PUFFLE_API_KEY", fake.apiKey(), "PUFFLE_API_BASE_URL", fake.baseUrl()), "");

      assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString);
      assertTrue(r.err.startsWith("error: configuration: PUFFLE_API_KEY is set"), r.err);
      assertTrue(r.err.contains("--campaign <uuid> --node <uuid>"), r.err);
      assertEquals(1, r.err.lines().count(), r.err);
      assertEquals("", r.out);
      assertEquals(0, fake.requestCount());
    }
  }

  @Test
  void aKeyWithoutTheNodeNamesWhatIsMissing() {
    Runs.Result r = Runs.run(new CreateTurnExamples()::run,
        Map.of("PUFFLE_API_KEY", "pk_live_x", "PUFFLE_CAMPAIGN_ID", "0f8fad5b-d9cb-469f-a165-70867728950e"), "");

    assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString);
    assertTrue(r.err.contains("which needs the node id"), r.err);
  }

  @Test
  void aMalformedCampaignIdIsAConfigErrorAndSendsNothing() {
    try (FakePuffle fake = FakePuffle.start()) {
      Runs.Result r = Runs.run(new CreateTurnExamples()::run,
          Map.of("PUFFLE_API_KEY", fake.apiKey(), "PUFFLE_API_BASE_URL", fake.baseUrl()), "",
          "--campaign", "not-a-uuid", "--node", fake.defaultCampaign().aiNodeId());

      assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString);
      assertTrue(r.err.startsWith("error: configuration: "), r.err);
      assertEquals(0, fake.requestCount());
    }
  }

  @Test
  void withAKeyItUsesTheServerAndTheGivenIds() {
    try (FakePuffle fake = FakePuffle.start()) {
      String campaign = fake.defaultCampaign().campaignId();
      String emailNode = fake.defaultCampaign().firstOfType("email");
      Runs.Result r = Runs.run(new CreateTurnExamples()::run,
          Map.of("PUFFLE_API_KEY", fake.apiKey(), "PUFFLE_API_BASE_URL", fake.baseUrl(),
              "PUFFLE_CAMPAIGN_ID", campaign),
          "", "--node=" + emailNode);

      assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString);
      assertTrue(r.out.startsWith("Running against " + fake.baseUrl()), r.out);
      assertTrue(r.err.contains("has type \"email\"; chat sessions draft AI nodes"), r.err);
      assertEquals(1, fake.requestCount(Operation.GET_CAMPAIGN));
      assertEquals(0, fake.requestCount(Operation.CREATE_SESSION));
    }
  }

  @Test
  void anUnknownCampaignOnTheServerIsAnApiError() {
    try (FakePuffle fake = FakePuffle.start()) {
      Runs.Result r = Runs.run(new CreateTurnExamples()::run,
          Map.of("PUFFLE_API_KEY", fake.apiKey(), "PUFFLE_API_BASE_URL", fake.baseUrl()), "",
          "--campaign", "0f8fad5b-d9cb-469f-a165-70867728950e", "--node", "7c9e6679-7425-40de-944b-e07fc1f90ae7");

      assertEquals(ExitCodes.API, r.exitCode, r::toString);
      assertTrue(r.err.startsWith("error: Puffle API error 404: "), r.err);
    }
  }

  @Test
  void badFlagsAndHelp() {
    Runs.Result bad = Runs.run(new CreateTurnExamples()::run, "--bogus");
    assertEquals(ExitCodes.CONFIG, bad.exitCode, bad::toString);
    assertEquals("error: configuration: unknown option --bogus (try --help)\n", bad.err);

    Runs.Result nodes = Runs.run(new CreateTurnExamples()::run, "--nodes", "3");
    assertEquals(ExitCodes.CONFIG, nodes.exitCode, nodes::toString);

    Runs.Result help = Runs.run(new CreateTurnExamples()::run, "--help");
    assertEquals(ExitCodes.OK, help.exitCode);
    assertTrue(help.out.startsWith("usage: CreateTurnExamples [--campaign <uuid> --node <uuid>]"), help.out);
    assertTrue(help.out.contains("Exit codes: 0 ok, 1 unexpected error, 2 configuration, 3 Puffle API error, 4 timeout."), help.out);
  }
}
