package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * With the contract check on, the extension fails exactly the tests whose requests or responses
 * broke the contract, per test and per class, and a test that says it sends bad input passes.
 * Runs the small classes below with JUnit's engine test kit.
 */
class FakePuffleExtensionContractTest {
  @Test
  void perTestTheTestThatBrokeTheContractFails() {
    assertOutcome(PerTest.class, List.of("sendsAnEmptyTurn"), "runAiChatTurn request");
  }

  @Test
  void perClassOnlyTheTestThatBrokeTheContractFailsAndAllowingBadRequestsEndsWithTheTest() {
    assertOutcome(PerClass.class, List.of("b_sendsAnEmptyTurn", "d_sendsAnEmptyTurnAgain"),
        "runAiChatTurn request");
  }

  private static void assertOutcome(Class<?> tests, List<String> failing, String message) {
    EngineExecutionResults results =
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(tests)).execute();
    List<Event> failed = results.testEvents().failed().list();
    assertEquals(failing, failed.stream()
        .map(e -> e.getTestDescriptor().getLegacyReportingName().replace("(FakePuffle)", ""))
        .sorted()
        .collect(Collectors.toList()));
    for (Event event : failed) {
      Throwable cause = event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
          .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
          .orElseThrow();
      assertTrue(cause instanceof AssertionError, String.valueOf(cause));
      assertTrue(cause.getMessage().contains(message), cause.getMessage());
      assertTrue(cause.getMessage().contains("at /message"), cause.getMessage());
    }
    assertEquals(0, results.containerEvents().failed().count(), "no class-level failure");
  }

  private static String session(FakePuffle fake) {
    Http http = new Http(fake);
    SeededCampaign campaign = fake.defaultCampaign();
    return (String) http.post(Fixture.SESSIONS, "{\"campaign_id\":\"" + campaign.campaignId()
        + "\",\"node_id\":\"" + campaign.aiNodeId() + "\"}").object("session").get("id");
  }

  private static int emptyTurn(FakePuffle fake, String sessionId) {
    return new Http(fake).post(Fixture.SESSIONS + "/" + sessionId + "/turn", "{\"message\":\"\"}")
        .status;
  }

  /** Run by the engine test kit only. */
  static class PerTest {
    @RegisterExtension
    final FakePuffleExtension puffle = FakePuffleExtension.perTest()
        .withFake(b -> b.timeMode(TimeMode.virtual()).validateContract(true));

    @Test
    void sendsAnEmptyTurn(FakePuffle fake) {
      assertEquals(400, emptyTurn(fake, session(fake)));
    }

    @Test
    void saysItSendsAnEmptyTurnOnPurpose(FakePuffle fake) {
      fake.allowBadRequests();
      assertEquals(400, emptyTurn(fake, session(fake)));
    }

    @Test
    void keepsTheContract(FakePuffle fake) {
      assertEquals(200, new Http(fake).get(Fixture.SESSIONS + "/" + session(fake)).status);
    }
  }

  /** Run by the engine test kit only. */
  @TestMethodOrder(MethodOrderer.MethodName.class)
  static class PerClass {
    @RegisterExtension
    static final FakePuffleExtension PUFFLE = FakePuffleExtension.perClass()
        .withFake(b -> b.timeMode(TimeMode.virtual()).validateContract(true));

    @Test
    void a_keepsTheContract(FakePuffle fake) {
      session(fake);
    }

    @Test
    void b_sendsAnEmptyTurn(FakePuffle fake) {
      assertEquals(400, emptyTurn(fake, session(fake)));
    }

    @Test
    void c_saysItSendsAnEmptyTurnOnPurpose(FakePuffle fake) {
      fake.allowBadRequests();
      assertEquals(400, emptyTurn(fake, session(fake)));
    }

    @Test
    void d_sendsAnEmptyTurnAgain(FakePuffle fake) {
      assertEquals(400, emptyTurn(fake, session(fake)));
    }

    @Test
    void e_keepsTheContractAgain(FakePuffle fake) {
      session(fake);
    }
  }
}
