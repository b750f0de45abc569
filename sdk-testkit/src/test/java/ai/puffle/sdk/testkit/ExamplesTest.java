package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExamplesTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void examplesNeedASkeleton() {
    String id = f.createSession();
    f.completeTurn(id, "brief");

    Http.Res res = f.examples(id, Fixture.THREE_LEADS);

    assertEquals(400, res.status);
    assertEquals("{\"error\":\"Session has no framework yet. Chat first to create one.\"}",
        res.body);
    assertNull(f.session(id).get("task_status"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void oneExamplePerLeadAfterTenSecondsPlusThreePerLead() {
    String id = f.createSession();
    f.chatToSkeleton(id);

    Http.Res res = f.examples(id, Fixture.THREE_LEADS);
    assertEquals(200, res.status);
    assertTrue(((String) res.json().get("runId")).startsWith("run_"));
    assertEquals("generating_examples", f.session(id).get("task_status"));

    f.fake.clock().advance(Duration.ofSeconds(18));
    assertEquals("generating_examples", f.session(id).get("task_status"), "10 s + 3 x 3 s = 19 s");
    f.fake.clock().advance(Duration.ofSeconds(1));

    Map<String, Object> session = f.session(id);
    assertNull(session.get("task_status"));
    List<Map<String, Object>> examples = (List<Map<String, Object>>) session.get("generated_examples");
    assertEquals(3, examples.size());
    assertEquals(f.campaign.prospectIds().get(0), examples.get(0).get("lead_id"),
        "a lead with a campaign lead's name gets that lead's id");
    assertTrue(((String) examples.get(1).get("body")).startsWith("Hi Grace,"));
    assertTrue(((String) examples.get(2).get("subject")).contains("Bletchley Labs"));
    assertFalse(((String) examples.get(0).get("body")).contains("&&"));
  }

  @Test
  void aTurnWhileExamplesRunIs409WithTheExamplesStatus() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.examples(id, Fixture.THREE_LEADS);

    Http.Res busy = f.turn(id, "tweak");
    assertEquals(409, busy.status);
    assertEquals("Session is busy (generating_examples)", busy.error());
    assertEquals("Session is busy (generating_examples)", f.examples(id, "[]").error());
  }

  @Test
  @SuppressWarnings("unchecked")
  void isFirstBatchFalseAppendsAndTrueOverwrites() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.examples(id, Fixture.THREE_LEADS);
    f.fake.clock().advanceUntilIdle();

    f.http.post(SESSIONS + "/" + id + "/generate-examples",
        "{\"leads\":[{\"first_name\":\"Linus\",\"last_name\":\"T\"}],\"isFirstBatch\":false}");
    f.fake.clock().advanceUntilIdle();
    List<Map<String, Object>> examples =
        (List<Map<String, Object>>) f.session(id).get("generated_examples");
    assertEquals(4, examples.size());
    assertEquals("lead-1", examples.get(3).get("lead_id"), "no campaign lead of that name");

    f.http.post(SESSIONS + "/" + id + "/generate-examples",
        "{\"leads\":[{\"first_name\":\"Ada\",\"last_name\":\"Lovelace\"}],\"isFirstBatch\":true}");
    f.fake.clock().advanceUntilIdle();
    assertEquals(1, ((List<?>) f.session(id).get("generated_examples")).size());
  }

  @Test
  void leadsAreRequired() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.fake.allowBadRequests(); // bad input on purpose
    Http.Res res = f.http.post(SESSIONS + "/" + id + "/generate-examples", "{}");
    assertEquals(400, res.status);
    assertEquals("leads is required and must be an array", res.error());
  }
}
