package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract check: requests to the spec's operations and the emulator's responses to them are
 * validated against openapi.yaml, strictly, and a violation names the operation and the JSON
 * pointer; bad input on purpose is allowed only when a test says so.
 */
class ContractCheckTest {
  private final Fixture f =
      new Fixture(FakePuffle.builder().timeMode(TimeMode.virtual()).validateContract(true));

  @AfterEach
  void close() {
    f.close(); // fails a test that leaves a violation unreported
  }

  @Test
  void everyTestOfThisRepositoryRunsWithTheCheck() {
    try (FakePuffle fake = FakePuffle.start()) {
      assertTrue(fake.validatesContract(),
          "the build sets " + FakePuffle.Builder.VALIDATE_CONTRACT_PROPERTY);
    }
    try (FakePuffle off = FakePuffle.builder().validateContract(false).start()) {
      assertFalse(off.validatesContract());
    }
  }

  @Test
  void aBadRequestFailsWithTheOperationAndTheJsonPointer() {
    String id = f.createSession();
    f.fake.assertContractKept();

    assertEquals(400, f.turn(id, "").status);

    AssertionError e = assertThrows(AssertionError.class, f.fake::assertContractKept);
    assertTrue(e.getMessage().contains("runAiChatTurn request (POST " + SESSIONS + "/" + id
        + "/turn) at /message: String \"\" is too short"), e.getMessage());
    assertTrue(e.getMessage().contains("[validation.request.body.schema.minLength]"),
        e.getMessage());
    f.fake.assertContractKept(); // each violation is reported once
  }

  @Test
  void aRequestWithoutTheKeyBreaksTheContract() {
    assertEquals(401, f.http.withKey(null).get("/api/campaigns/" + f.campaign.campaignId()).status);

    AssertionError e = assertThrows(AssertionError.class, f.fake::assertContractKept);
    assertTrue(e.getMessage().contains("getCampaign request (GET /api/campaigns/"
        + f.campaign.campaignId() + ")"), e.getMessage());
    assertTrue(e.getMessage().contains("[validation.request.security.missing]"), e.getMessage());
  }

  @Test
  void aParameterViolationNamesTheParameter() {
    f.fake.assertContractKept();
    assertEquals(400, f.http.get(SESSIONS + "?campaign_id=42").status);

    List<String> violations = f.fake.contractViolations();
    assertTrue(violations.stream().anyMatch(v -> v.startsWith(
        "listAiChatSessions request (GET " + SESSIONS + ") at query parameter 'campaign_id':")),
        violations.toString());
    assertThrows(AssertionError.class, f.fake::assertContractKept);
  }

  @Test
  void aResponseThatBreaksTheContractFailsWithTheJsonPointer() {
    f.fake.setCampaignStatus(f.campaign.campaignId(), "archived");

    assertEquals(200, f.http.get("/api/campaigns/" + f.campaign.campaignId()).status);

    AssertionError e = assertThrows(AssertionError.class, f.fake::assertContractKept);
    assertTrue(e.getMessage().contains("getCampaign response 200 (GET /api/campaigns/"
        + f.campaign.campaignId() + ") at /campaign/status: Instance value ("), e.getMessage());
    assertTrue(e.getMessage().contains("[validation.response.body.schema.enum]"), e.getMessage());
  }

  @Test
  void idleSessionsAndClearingTheBusyFlagKeepTheContract() {
    String id = f.createSession();                       // every content field null
    assertEquals(200, f.turn(id, "Write an intro email").status);
    assertEquals(200,
        f.http.patch(SESSIONS + "/" + id, "{\"task_status\":null,\"title\":null}").status);
    f.fake.clock().advance(Fixture.TURN);
    assertEquals(200, f.http.get(SESSIONS + "/" + id).status);
    assertEquals(200, f.http.get("/api/campaigns/" + f.campaign.campaignId()).status);

    assertEquals(List.of(), f.fake.contractViolations());
  }

  @Test
  void allowedBadRequestsAreNotViolationsButTheirResponsesAreStillChecked() {
    String id = f.createSession();
    f.fake.allowBadRequests();
    assertEquals(400, f.turn(id, "").status);
    assertEquals(List.of(), f.fake.contractViolations());

    f.fake.setCampaignStatus(f.campaign.campaignId(), "archived");
    f.http.get("/api/campaigns/" + f.campaign.campaignId());
    assertEquals(1, f.fake.contractViolations().size(), f.fake.contractViolations().toString());
    assertThrows(AssertionError.class, f.fake::assertContractKept);
  }

  @Test
  void faultShapedResponsesAndPathsOutsideTheSpecAreLeftAlone() {
    String path = "/api/campaigns/" + f.campaign.campaignId();
    f.fake.faults().next(Operation.GET_CAMPAIGN, Fault.status(503));
    f.fake.faults().next(Operation.GET_CAMPAIGN, Fault.malformedJson());
    f.fake.faults().next(Operation.GET_CAMPAIGN, Fault.htmlPage(502));
    assertEquals(503, f.http.get(path).status);
    assertEquals(200, f.http.get(path).status);
    assertEquals(502, f.http.get(path).status);
    assertEquals(404, f.http.get("/api/nothing").status);
    assertEquals(405, f.http.delete(path).status);

    assertEquals(List.of(), f.fake.contractViolations());
  }

  @Test
  void closeFailsWhenViolationsWereNotReported() {
    FakePuffle fake = FakePuffle.builder().validateContract(true).start();
    new Http(fake).withKey(null).get("/api/campaigns/" + fake.defaultCampaign().campaignId());

    AssertionError e = assertThrows(AssertionError.class, fake::close);
    assertTrue(e.getMessage().contains("1 request(s) or response(s) broke the contract"),
        e.getMessage());
    fake.close(); // reported now: closing again is quiet
  }

  @Test
  void withTheCheckOffNothingIsValidated() {
    try (FakePuffle fake = FakePuffle.builder().validateContract(false).start()) {
      new Http(fake).withKey(null).get("/api/campaigns/" + fake.defaultCampaign().campaignId());
      assertEquals(List.of(), fake.contractViolations());
    }
  }
}
