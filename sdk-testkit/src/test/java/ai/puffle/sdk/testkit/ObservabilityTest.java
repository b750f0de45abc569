package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ObservabilityTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void theRequestLogKeepsMethodPathBodyAndRedactedHeaders() {
    String id = f.createSession();
    f.turn(id, "hello");
    f.http.get(SESSIONS + "?campaign_id=" + f.campaign.campaignId());

    List<RecordedCall> calls = f.fake.requests();
    assertEquals(3, calls.size());
    RecordedCall turn = calls.get(1);
    assertEquals(2, turn.sequence());
    assertEquals(Operation.RUN_TURN, turn.operation());
    assertEquals("POST", turn.method());
    assertEquals(SESSIONS + "/" + id + "/turn", turn.path());
    assertEquals("{\"message\":\"hello\"}", turn.body());
    assertEquals(200, turn.status());
    assertEquals("Bearer pk_live_…", turn.header("authorization").orElseThrow());
    assertEquals("campaign_id=" + f.campaign.campaignId(), calls.get(2).query().orElseThrow());

    String everything = calls.toString() + calls.get(1).headers();
    assertFalse(everything.contains(f.fake.apiKey()), "the key is never kept");
    assertFalse(everything.contains(f.fake.apiKey().substring(8, 20)));
  }

  @Test
  void theLogKeepsTheTraceContextARequestCarried() throws java.io.IOException {
    String id = f.createSession();
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    okhttp3.OkHttpClient plain = new okhttp3.OkHttpClient();
    okhttp3.Request get = new okhttp3.Request.Builder().url(f.fake.baseUrl() + SESSIONS + "/" + id)
        .header("Authorization", "Bearer " + f.fake.apiKey())
        .header("traceparent", traceparent)
        .header("tracestate", "puffle=1")
        .build();
    try (okhttp3.Response response = plain.newCall(get).execute()) {
      assertEquals(200, response.code());
    } finally {
      plain.connectionPool().evictAll();
    }
    RecordedCall logged = f.fake.requests(Operation.GET_SESSION).get(0);
    assertEquals(traceparent, logged.traceparent().orElseThrow());
    assertEquals("puffle=1", logged.tracestate().orElseThrow());
    RecordedCall create = f.fake.requests(Operation.CREATE_SESSION).get(0);
    assertEquals(java.util.Optional.empty(), create.traceparent(), "none was sent");
    assertEquals(java.util.Optional.empty(), create.tracestate());
  }

  @Test
  void otherCredentialsAreRedactedToo() {
    f.http.withKey("sk_other_secret").get(SESSIONS + "/" + f.createSession());
    RecordedCall call = f.fake.requests(Operation.GET_SESSION).get(0);
    assertEquals(401, call.status());
    assertEquals("Bearer …", call.header("Authorization").orElseThrow());
  }

  @Test
  void countersArePerOperationWhateverTheOutcome() {
    String id = f.createSession();
    f.turn(id, "one");
    f.turn(id, "two");
    f.fake.faults().next(Operation.GET_SESSION, Fault.status(503));
    f.http.get(SESSIONS + "/" + id);
    f.http.get(SESSIONS + "/" + id);

    assertEquals(1, f.fake.requestCount(Operation.CREATE_SESSION));
    assertEquals(2, f.fake.requestCount(Operation.RUN_TURN));
    assertEquals(2, f.fake.requestCount(Operation.GET_SESSION));
    assertEquals(0, f.fake.requestCount(Operation.DELETE_SESSION));
    assertEquals(5, f.fake.requestCount());
    assertEquals(2, f.fake.requests(Operation.GET_SESSION).size());
    assertTrue(f.fake.requests(Operation.GET_SESSION).get(0).fault().isPresent());
  }

  @Test
  void assertTurnReceivedOnceCountsAcceptedTurns() {
    String id = f.createSession();
    f.fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
    assertThrows(Exception.class, () -> f.turn(id, "hello"));
    f.fake.clock().advanceUntilIdle();
    f.fake.assertTurnReceivedOnce(id, "hello");

    f.completeTurn(id, "hello");
    AssertionError twice =
        assertThrows(AssertionError.class, () -> f.fake.assertTurnReceivedOnce(id, "hello"));
    assertTrue(twice.getMessage().contains("accepted 2 time(s) and received 2 time(s)"),
        twice.getMessage());
    assertThrows(AssertionError.class, () -> f.fake.assertTurnReceivedOnce(id, "never sent"));
  }

  @Test
  void sessionSnapshotsMatchWhatGetReturns() {
    String id = f.createSession();
    f.completeTurn(id, "hello");
    Map<String, Object> snapshot = f.fake.session(id).orElseThrow();
    assertEquals(f.session(id), snapshot);
    assertTrue(f.fake.session("3c90c3cc-0d44-4b50-8888-8dd25736052a").isEmpty());
  }
}
