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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AsyncDraftsTest {
  @Test
  void draftsEveryNodeConcurrently() {
    AtomicReference<FakePuffle> fake = new AtomicReference<>();
    Runs.Result r = Runs.run(new AsyncDrafts(fake::set)::run);

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertEquals("", r.err, r::toString);
    assertTrue(r.out.startsWith(Target.EMULATOR_BANNER + "\nDrafting 5 AI nodes of campaign "), r.out);
    for (int node = 1; node <= 5; node++) {
      assertTrue(r.out.contains("  node " + node + ": turn 1 answered in "), r.out);
      assertTrue(r.out.contains("  node " + node + ": turn 2 answered in "), r.out);
      assertTrue(Pattern.compile("\n  node " + node + " [0-9a-f-]{36}: skeleton v1, subject \"%first_name%")
          .matcher(r.out).find(), r.out);
    }
    assertTrue(Pattern.compile("Live threads: \\d+ before, at most \\d+ while 5 drafts waited, \\d+ after")
        .matcher(r.out).find(), r.out);
    assertEquals(10, fake.get().requestCount(Operation.RUN_TURN));
    assertEquals(5, fake.get().requestCount(Operation.CREATE_SESSION));
  }

  @Test
  void nodesSetsHowManyNodesAreDrafted() {
    Runs.Result r = Runs.run(new AsyncDrafts()::run, "--nodes", "2");

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertTrue(r.out.contains("Drafting 2 AI nodes"), r.out);
    assertTrue(r.out.contains("while 2 drafts waited"), r.out);
  }

  @Test
  void aFailedNodeIsReportedAndSetsTheExitCode() {
    Runs.Result r = Runs.run(new AsyncDrafts(
        fake -> fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes()))::run,
        "--nodes", "2", "--timeout", "0.5");

    assertEquals(ExitCodes.TIMEOUT, r.exitCode, r::toString);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.startsWith("error: timed out: "), r.err);
    assertTrue(r.out.contains(": failed\n"), r.out);
    assertTrue(r.out.contains(": skeleton v1"), r.out);
  }

  @Test
  void aKeyWithoutNodesIsAConfigErrorAndSendsNothing() {
    try (FakePuffle fake = FakePuffle.start()) {
      Runs.Result r = Runs.run(new AsyncDrafts()::run,
          Map.of("PUFFLE_API_KEY", fake.apiKey(), "PUFFLE_API_BASE_URL", fake.baseUrl(),
              "PUFFLE_CAMPAIGN_ID", fake.defaultCampaign().campaignId()), "");

      assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString);
      assertTrue(r.err.contains("which needs the node id"), r.err);
      assertEquals(0, fake.requestCount());
    }
  }
}
