package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthAndRoutingTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void theDefaultKeyHasPuffleShape() {
    assertTrue(f.fake.apiKey().matches("pk_live_[0-9a-f]{64}"), f.fake.apiKey());
    assertTrue(f.fake.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), f.fake.baseUrl());
    assertEquals(f.fake.port(), f.fake.url().port());
  }

  @Test
  void everyOperationNeedsTheBearerKey() {
    String path = "/api/campaigns/" + f.campaign.campaignId();
    f.fake.allowBadRequests(); // bad input on purpose
    Http.Res missing = f.http.withKey(null).get(path);
    assertEquals(401, missing.status);
    assertEquals("{\"error\":\"Unauthorized\"}", missing.body);
    assertEquals(401, f.http.withKey("pk_live_" + "0".repeat(64)).get(path).status);
    assertEquals(401, f.http.withKey(null).post(SESSIONS, "{}").status);
    assertEquals(200, f.http.get(path).status);
  }

  @Test
  void aConfiguredKeyReplacesTheDefault() {
    try (FakePuffle fake = FakePuffle.builder().apiKey("pk_live_custom").start()) {
      Http http = new Http(fake);
      assertEquals("pk_live_custom", fake.apiKey());
      assertEquals(200, http.get("/api/campaigns/" + fake.defaultCampaign().campaignId()).status);
    }
  }

  @Test
  void unknownRoutesAre404AndWrongMethods405() {
    Http.Res unknown = f.http.get("/api/nothing");
    assertEquals(404, unknown.status);
    assertEquals("Not found", unknown.error());
    Http.Res wrongMethod = f.http.delete("/api/campaigns/" + f.campaign.campaignId());
    assertEquals(405, wrongMethod.status);
    assertEquals(2, f.fake.requestCount(Operation.UNKNOWN));
  }

  @Test
  void campaignIdsAreCheckedWhereTheReferenceHasAPattern() {
    f.fake.allowBadRequests(); // bad input on purpose
    assertEquals(400, f.http.get("/api/campaigns/123").status);
    // generate-messages pages give no pattern: a bad id is simply not found.
    assertEquals(404, f.http.get("/api/campaigns/123/generate-messages").status);
  }
}
