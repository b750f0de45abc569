package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {
  private final Fixture f = new Fixture();
  private final String id = f.createSession();

  @AfterEach
  void close() {
    f.close();
  }

  private String turnPath() {
    return SESSIONS + "/" + id + "/turn";
  }

  private IOException turnFails(Http http, String message) {
    return assertThrows(IOException.class,
        () -> http.sendOrThrow("POST", turnPath(), "{\"message\":\"" + message + "\"}"));
  }

  @Test
  void a500OnDispatchReleasesTheClaimAndRecordsNoTurn() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.status(500));

    Http.Res failed = f.turn(id, "hello");

    assertEquals(500, failed.status);
    assertEquals("{\"error\":\"Internal server error\"}", failed.body);
    assertNull(f.session(id).get("task_status"));
    assertEquals(List.of("hello"), f.fake.turnMessagesReceived(id));
    assertEquals(List.of(), f.fake.turnMessagesAccepted(id));
    assertEquals(0, f.fake.clock().pendingTasks());

    assertEquals(200, f.turn(id, "hello").status, "immediately retryable");
    f.fake.assertTurnReceivedOnce(id, "hello");
    List<InjectedFault> injected = f.fake.injectedFaults();
    assertEquals(1, injected.size());
    assertEquals(Operation.RUN_TURN, injected.get(0).operation());
    assertEquals(Fault.status(500), injected.get(0).fault());
    assertEquals(turnPath(), injected.get(0).path());
  }

  @Test
  void a500AfterProcessingHidesAnAcceptedTurn() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.status(500).afterProcessing());
    assertEquals(500, f.turn(id, "hello").status);
    assertEquals("chat_processing", f.session(id).get("task_status"));
    assertEquals(List.of("hello"), f.fake.turnMessagesAccepted(id));
  }

  @ParameterizedTest
  @ValueSource(ints = {502, 503, 504})
  void gatewayErrorsCarryJsonErrorBodies(int status) {
    f.fake.faults().next(Operation.GET_SESSION, Fault.status(status));
    Http.Res res = f.http.get(SESSIONS + "/" + id);
    assertEquals(status, res.status);
    assertTrue(res.error().length() > 0);
    assertEquals(200, f.http.get(SESSIONS + "/" + id).status, "only the next request");
  }

  @Test
  void rateLimitsComeWithAndWithoutRetryAfter() {
    f.fake.faults()
        .next(Operation.RUN_TURN, Fault.rateLimited())
        .next(Operation.RUN_TURN, Fault.rateLimited(Duration.ofMillis(1500)))
        .next(Operation.RUN_TURN,
            Fault.rateLimited().withHeader("Retry-After", "Wed, 22 Apr 2026 10:00:05 GMT"));

    Http.Res plain = f.turn(id, "a");
    Http.Res seconds = f.turn(id, "a");
    Http.Res date = f.turn(id, "a");

    assertEquals(429, plain.status);
    assertNull(plain.headers.get("Retry-After"));
    assertEquals("Too many requests", plain.error());
    assertEquals("2", seconds.headers.get("Retry-After"));
    assertEquals("Wed, 22 Apr 2026 10:00:05 GMT", date.headers.get("Retry-After"));
    assertEquals(List.of(), f.fake.turnMessagesAccepted(id));
  }

  @Test
  void anHtmlErrorPage() {
    f.fake.faults().next(Operation.GET_SESSION, Fault.htmlPage(502));
    Http.Res res = f.http.get(SESSIONS + "/" + id);
    assertEquals(502, res.status);
    assertEquals("text/html", res.headers.get("Content-Type"));
    assertTrue(res.body.contains("<title>502 Bad gateway</title>"), res.body);
  }

  @Test
  void malformedJsonAfterTheTurnWasAccepted() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.malformedJson());
    Http.Res res = f.turn(id, "hello");
    assertEquals(200, res.status);
    assertThrows(RuntimeException.class, res::json);
    assertEquals(List.of("hello"), f.fake.turnMessagesAccepted(id));
  }

  @Test
  void truncatedJsonEndsCleanlyButDoesNotParse() {
    String full = f.http.get(SESSIONS + "/" + id).body;
    f.fake.faults().next(Operation.GET_SESSION, Fault.truncatedJson());
    Http.Res res = f.http.get(SESSIONS + "/" + id);
    assertEquals(200, res.status);
    assertEquals(full.substring(0, full.length() / 2), res.body);
    assertThrows(RuntimeException.class, res::json);
  }

  @Test
  void aDisconnectBeforeProcessingChangesNothing() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.disconnect());
    turnFails(f.http, "hello");
    assertNull(f.session(id).get("task_status"));
    assertEquals(List.of("hello"), f.fake.turnMessagesReceived(id));
    assertEquals(List.of(), f.fake.turnMessagesAccepted(id));
    assertEquals(0, f.fake.requests(Operation.RUN_TURN).get(0).status(), "no status line sent");
  }

  @Test
  void aDisconnectAfterProcessingLosesTheResponseOfAnAcceptedTurn() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
    turnFails(f.http, "hello");
    assertEquals("chat_processing", f.session(id).get("task_status"));
    f.fake.assertTurnReceivedOnce(id, "hello");
    f.fake.clock().advanceUntilIdle();
    assertEquals(2, f.messages(id).size());
  }

  @Test
  void aDisconnectMidBody() {
    f.fake.faults().next(Operation.GET_SESSION, Fault.disconnectMidBody());
    UncheckedIOException e =
        assertThrows(UncheckedIOException.class, () -> f.http.get(SESSIONS + "/" + id));
    assertFalse(e.getCause() instanceof SocketTimeoutException);
    assertEquals(200, f.fake.requests(Operation.GET_SESSION).get(0).status());
  }

  @Test
  void aStallBeforeProcessingTimesTheClientOut() {
    Http impatient = new Http(f.fake, Duration.ofMillis(150));
    f.fake.faults().next(Operation.RUN_TURN, Fault.stall());
    assertTrue(turnFails(impatient, "hello") instanceof SocketTimeoutException);
    assertEquals(List.of(), f.fake.turnMessagesAccepted(id));
    assertNull(f.session(id).get("task_status"));
  }

  @Test
  void aStallAfterProcessingHoldsTheBodyOfAnAcceptedTurn() {
    Http impatient = new Http(f.fake, Duration.ofMillis(150));
    f.fake.faults().next(Operation.RUN_TURN, Fault.stall().afterProcessing());
    assertTrue(turnFails(impatient, "hello") instanceof SocketTimeoutException);
    assertEquals(List.of("hello"), f.fake.turnMessagesAccepted(id));
    assertEquals(200, f.fake.requests(Operation.RUN_TURN).get(0).status());
  }

  @Test
  void aDelayedResponseArrivesLate() {
    f.fake.faults().next(Operation.GET_SESSION, Fault.delay(Duration.ofMillis(60)));
    long start = System.nanoTime();
    assertEquals(200, f.http.get(SESSIONS + "/" + id).status);
    assertTrue(System.nanoTime() - start >= Duration.ofMillis(60).toNanos());
  }

  @Test
  void aTurnTaskThatEndsWithoutAReply() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.taskWithoutReply());
    assertEquals(200, f.turn(id, "hello").status);
    f.fake.clock().advance(Fixture.TURN);
    Map<String, Object> session = f.session(id);
    assertNull(session.get("task_status"));
    assertEquals(List.of(Map.of("role", "user", "content", "hello")), f.messages(id));
  }

  @Test
  void aTaskThatNeverFinishesHoldsTheSessionUntilPatched() {
    f.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
    f.turn(id, "hello");
    f.fake.clock().advance(Duration.ofHours(1));
    assertEquals("chat_processing", f.session(id).get("task_status"));
    assertEquals(0, f.fake.clock().pendingTasks());
    assertEquals(409, f.turn(id, "again").status);

    f.http.patch(SESSIONS + "/" + id, "{\"task_status\":null}");
    assertEquals(200, f.turn(id, "again").status);
  }

  @Test
  void anExamplesTaskThatEndsWithoutExamples() {
    f.chatToSkeleton(id);
    f.fake.faults().next(Operation.GENERATE_EXAMPLES, Fault.taskWithoutReply());
    f.examples(id, Fixture.THREE_LEADS);
    f.fake.clock().advanceUntilIdle();
    assertNull(f.session(id).get("task_status"));
    assertNull(f.session(id).get("generated_examples"));
  }

  @Test
  void countedAndAnyOperationFaults() {
    f.fake.faults().next(Operation.GET_SESSION, 2, Fault.status(503));
    assertEquals(2, f.fake.faults().pending());
    assertEquals(503, f.http.get(SESSIONS + "/" + id).status);
    assertEquals(503, f.http.get(SESSIONS + "/" + id).status);
    assertEquals(200, f.http.get(SESSIONS + "/" + id).status);

    f.fake.faults().nextRequest(Fault.status(502));
    assertEquals(502, f.http.get("/api/campaigns/" + f.campaign.campaignId()).status);
    assertEquals(0, f.fake.faults().pending());
    assertEquals(3, f.fake.injectedFaults().size());
  }

  @Test
  void aSeededRateInjectsTheSameFaultsEveryRun() {
    List<Integer> first = statusesWithRate(7L);
    List<Integer> second = statusesWithRate(7L);
    assertEquals(first, second);
    assertTrue(first.stream().anyMatch(s -> s != 200), first.toString());
    assertTrue(first.stream().anyMatch(s -> s == 200), first.toString());
  }

  private static List<Integer> statusesWithRate(long seed) {
    try (Fixture other = new Fixture()) {
      other.fake.faults().rate(0.3, seed, Fault.status(503), Fault.rateLimited());
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        statuses.add(other.http.get("/api/campaigns/" + other.campaign.campaignId()).status);
      }
      assertEquals(statuses.stream().filter(s -> s != 200).count(),
          other.fake.injectedFaults().size());
      return statuses;
    }
  }

  @Test
  void theDefaultRateUsesTransientFaults() {
    f.fake.faults().rate(1.0, 3L);
    for (int i = 0; i < 20; i++) {
      try {
        int status = f.http.get(SESSIONS + "/" + id).status;
        assertTrue(status == 429 || status >= 500, "status " + status);
      } catch (UncheckedIOException dropped) {
        // A dropped connection is one of the transient faults.
      }
    }
    f.fake.faults().clear();
    assertEquals(200, f.http.get(SESSIONS + "/" + id).status);
  }

  @Test
  void taskFaultsOnlyAimAtTaskOperations() {
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().next(Operation.GET_SESSION, Fault.taskNeverFinishes()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().nextRequest(Fault.taskWithoutReply()));
    assertThrows(IllegalArgumentException.class,
        () -> f.fake.faults().rate(0.5, 1L, Fault.taskWithoutReply()));
    assertThrows(IllegalStateException.class, () -> Fault.taskWithoutReply().beforeProcessing());
    assertThrows(IllegalArgumentException.class, () -> Fault.status(200));
  }
}
