package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Run tokens are scoped per run: 401, 403 and 404 as Trigger.dev answers them. */
class RunTokensTest {
  private final RunFixture f = new RunFixture();
  private final RunFixture.Run run = f.startTurn();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void noTokenIs401WithAJsonBody() {
    for (Http.Res res : List.of(f.runs.retrieve(run.id, null), f.runs.feed(run.id, null,
        "offset=-1"))) {
      assertEquals(401, res.status);
      assertEquals("Invalid or Missing API Key", res.error());
      assertTrue(res.headers.get("Content-Type").startsWith("application/json"));
    }
  }

  @Test
  void anUnknownTokenOrThePuffleKeyIs401() {
    assertEquals(401, f.runs.retrieve(run.id, "tr_pat_unknown").status);
    assertEquals("Public Access Token is invalid.",
        f.runs.feed(run.id, "tr_pat_unknown", "offset=-1").error());
    assertEquals(401, f.runs.retrieve(run.id, f.fake.apiKey()).status,
        "the API key is not a run token");
  }

  @Test
  void anotherRunsTokenIs403() {
    RunFixture.Run other = f.startTurn();
    for (Http.Res res : List.of(f.runs.retrieve(run.id, other.token),
        f.runs.feed(run.id, other.token, "offset=-1"))) {
      assertEquals(403, res.status);
      assertEquals(Map.of("error", "Unauthorized", "code", "unauthorized",
          "param", "access_token", "type", "authorization"), res.json());
    }
    assertEquals(200, f.runs.retrieve(other.id, other.token).status);
  }

  @Test
  void anUnknownRunWithAValidTokenIs404WithShouldRetry() {
    Http.Res retrieve = f.runs.retrieve("run_doesnotexist", run.token);
    assertEquals(404, retrieve.status);
    assertEquals("Not found", retrieve.error());
    assertEquals("true", retrieve.headers.get("x-should-retry"), "retrieve retries not-found");
    Http.Res feed = f.runs.feed("run_doesnotexist", run.token, "offset=-1");
    assertEquals(404, feed.status);
    assertEquals("false", feed.headers.get("x-should-retry"));
  }

  @Test
  void tokensExpireAnHourAfterTheirRunWasCreated() {
    f.fake.clock().advance(Duration.ofMinutes(59));
    assertEquals(200, f.retrieve(run).status);
    f.fake.clock().advance(Duration.ofMinutes(1));
    Http.Res expired = f.retrieve(run);
    assertEquals(401, expired.status);
    assertEquals("Public Access Token has expired.", expired.error());
    assertEquals(401, f.snapshot(run).status);
    RunFixture.Run fresh = f.startTurn();
    assertEquals(200, f.retrieve(fresh).status, "a new run has a new token");
  }

  @Test
  void anExpiredTokenFaultRefusesThatTokenFromThenOnOnBothEndpoints() {
    RunFixture.Run other = f.startTurn();
    f.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.tokenExpired());

    Http.Res first = f.snapshot(run);
    assertEquals(401, first.status);
    assertEquals("Public Access Token has expired.", first.error());
    assertEquals(401, f.snapshot(run).status, "and it stays expired");
    assertEquals(401, f.retrieve(run).status);
    assertEquals(200, f.snapshot(other).status, "other runs' tokens are not affected");
    assertEquals(Fault.tokenExpired(), f.fake.injectedFaults().get(0).fault());

    f.fake.faults().next(Operation.RETRIEVE_RUN, Fault.tokenExpired());
    assertEquals(401, f.retrieve(other).status);
    assertEquals(401, f.snapshot(other).status);
  }

  @Test
  void theLogCountsRunRequestsAndNeverKeepsTheToken() {
    f.retrieve(run);
    f.snapshot(run);
    f.runs.retrieve(run.id, "tr_pat_unknown");

    assertEquals(2, f.fake.requestCount(Operation.RETRIEVE_RUN));
    assertEquals(1, f.fake.requestCount(Operation.SUBSCRIBE_TO_RUN));
    RecordedCall feed = f.fake.requests(Operation.SUBSCRIBE_TO_RUN).get(0);
    assertEquals("/realtime/v1/runs/" + run.id, feed.path());
    assertEquals("offset=-1", feed.query().orElseThrow());
    assertEquals(200, feed.status());
    assertEquals("Bearer tr_pat_…", feed.header("Authorization").orElseThrow());
    assertEquals(RunHttp.ELECTRIC_VERSION, feed.header("x-trigger-electric-version").orElseThrow());
    assertEquals(401, f.fake.requests(Operation.RETRIEVE_RUN).get(1).status());

    String everything = f.fake.requests().toString() + f.fake.requests().stream()
        .map(RecordedCall::headers).map(Object::toString).reduce("", String::concat)
        + f.fake.injectedFaults();
    assertFalse(everything.contains(run.token), "the run token is never kept");
    assertFalse(everything.contains(run.token.substring(7, 20)));
  }
}
