package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A stream's request is checked like the other run endpoints' (token, run, scope), is logged
 * without its token, and is left alone by the contract check, which covers Puffle's own paths.
 */
class StreamTokensTest {
  private final StreamFixture f = new StreamFixture(StreamVersion.V2, FakePuffle.builder()
      .timeMode(TimeMode.virtual()).validateContract(true));
  private final RunFixture.Run run = f.startTurn();

  @AfterEach
  void close() {
    f.close(); // fails if any request or response was taken for a contract violation
  }

  @Test
  void aMissingOrUnknownTokenIs401() {
    assertEquals(Map.of("error", "Invalid or Missing API Key"),
        error(f.streams.open(run.id, StreamFixture.CHAT, null), 401));
    assertEquals(Map.of("error", "Public Access Token is invalid."),
        error(f.streams.open(run.id, StreamFixture.CHAT, "tr_pat_unknown"), 401));
    assertEquals(Map.of("error", "Public Access Token is invalid."),
        error(f.streams.open(run.id, StreamFixture.CHAT, f.fake.apiKey()), 401));
  }

  @Test
  void anotherRunsTokenIs403AndAnUnknownRunIs404WithoutRetry() {
    RunFixture.Run other = f.startTurn();
    assertEquals(Map.of("error", "Unauthorized", "code", "unauthorized",
            "param", "access_token", "type", "authorization"),
        error(f.streams.open(run.id, StreamFixture.CHAT, other.token), 403));
    try (StreamHttp.Connection unknown =
        f.streams.open("run_unknown0000000000000000", StreamFixture.CHAT, run.token)) {
      assertEquals(404, unknown.status);
      assertEquals("false", unknown.headers.get("x-should-retry"));
      assertEquals("{\"error\":\"Not found\"}", unknown.body());
    }
  }

  @Test
  void tokensExpireAnHourAfterTheRunWasCreated() {
    f.fake.clock().advance(Duration.ofMinutes(59));
    try (StreamHttp.Connection stream = f.open(run)) {
      assertEquals(200, stream.status);
    }
    f.fake.clock().advance(Duration.ofMinutes(1));
    assertEquals(Map.of("error", "Public Access Token has expired."),
        error(f.open(run), 401));
  }

  @Test
  void anExpiredTokenFaultRefusesTheNextConnectAndLaterOnesButNotAnOpenStream()
      throws IOException {
    try (StreamHttp.Connection open = f.connect(run)) {
      f.fake.faults().next(Operation.READ_STREAM, Fault.tokenExpired());
      assertEquals(Map.of("error", "Public Access Token has expired."), error(f.open(run), 401));
      assertEquals(401, f.retrieve(run).status, "on every endpoint, from then on");
      assertEquals(401, f.open(run).status);
      f.fake.clock().advance(Fixture.TURN);
      List<StreamFixture.Chunk> chunks = f.chunks(open.rest());
      assertEquals("finish", chunks.get(chunks.size() - 1).type(), "the open stream goes on");
    }
  }

  @Test
  void withoutTriggerRunsServedItIs404AndAnotherMethodIs405() throws IOException {
    f.fake.serveTriggerRuns(false);
    try (StreamHttp.Connection off = f.open(run)) {
      assertEquals(404, off.status);
      assertEquals(null, off.headers.get("x-should-retry"));
    }
    f.fake.serveTriggerRuns(true);
    Request post = new Request.Builder()
        .url(f.fake.triggerApiUrl() + "/realtime/v1/streams/" + run.id + "/chat")
        .header("Authorization", "Bearer " + run.token)
        .post(RequestBody.create(new byte[0]))
        .build();
    try (Response response = new OkHttpClient().newCall(post).execute()) {
      assertEquals(405, response.code());
    }
    assertEquals(1, f.fake.requestCount(Operation.READ_STREAM), "the POST is no stream read");
    assertEquals(1, f.fake.requestCount(Operation.UNKNOWN));
  }

  @Test
  void theLogKeepsStreamRequestsWithoutTheTokenAndTheContractCheckLeavesThemAlone()
      throws IOException {
    f.fake.clock().advance(Fixture.TURN);
    try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", "2")) {
      stream.rest();
    }
    f.fake.faults().next(Operation.READ_STREAM, Fault.malformedJson());
    try (StreamHttp.Connection stream = f.open(run)) {
      stream.rest();
    }
    RecordedCall call = f.fake.requests(Operation.READ_STREAM).get(0);
    assertEquals("/realtime/v1/streams/" + run.id + "/chat", call.path());
    assertEquals(200, call.status());
    assertEquals("Bearer tr_pat_…", call.header("Authorization").orElseThrow());
    assertEquals("2", call.header("Last-Event-ID").orElseThrow());
    assertFalse(f.fake.requests().toString().contains(run.token), "the token is never kept");
    assertTrue(f.fake.validatesContract());
    assertEquals(List.of(), f.fake.contractViolations());
  }

  private static Map<String, Object> error(StreamHttp.Connection connection, int status) {
    try (connection) {
      assertEquals(status, connection.status);
      assertTrue(connection.headers.get("Content-Type").startsWith("application/json"));
      return StreamFixture.parse(connection.body());
    }
  }
}
