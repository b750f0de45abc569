package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.RunBodies.RUN;
import static ai.puffle.sdk.internal.run.RunBodies.json;
import static ai.puffle.sdk.internal.run.RunBodies.notFound;
import static ai.puffle.sdk.internal.run.RunBodies.retrieve;
import static ai.puffle.sdk.internal.run.RunBodies.retrieveBody;
import static ai.puffle.sdk.internal.run.RunBodies.retrieveDone;
import static ai.puffle.sdk.internal.run.WatchHarness.assertBetween;
import static ai.puffle.sdk.internal.run.WatchHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Watches beyond the feed cap (here 0) poll retrieve; how each answer is read. */
class RetrievePollingTest {
  final WatchHarness h = new WatchHarness(0);

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void followsQueuedExecutingCompletedAndEndsWhenTheRunIsOver() throws Exception {
    h.trigger.retrieve(RUN, retrieve("QUEUED"), retrieve("EXECUTING"), retrieveDone("COMPLETED"));

    // The polls wait for the test, so the watch is seen between two of them, whatever the speed.
    h.timing.holdDelayedTasks();
    RunWatch watch = h.watch();
    RunWatcherTest.awaitTrue(() -> h.timing.heldTasks() > 0, "the second poll to be due");
    assertEquals(RunWatch.Mode.POLLING, watch.mode());
    releaseUntilOver(watch);
    RunOutcome o = await(watch);

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(RunStatus.COMPLETED, o.finalStatus().get());
    RunUpdate last = o.lastUpdate().get();
    assertEquals(Instant.parse("2026-01-01T10:00:20Z"), last.finishedAt().get());
    assertEquals(Map.of("reply", "done"), last.fields().get("output"));
    assertEquals(List.of("QUEUED", "EXECUTING", "COMPLETED"), h.events.statuses());
    assertEquals(List.of("update:QUEUED", "status:QUEUED", "update:EXECUTING", "status:EXECUTING",
        "update:COMPLETED", "status:COMPLETED"), h.events.events);
    List<RecordedRequest> sent = h.trigger.requests();
    assertEquals(3, sent.size(), "no poll after the run is over");
    for (RecordedRequest r : sent) {
      assertEquals("/api/v3/runs/" + RUN, r.getUrl().encodedPath());
      WatchHarness.assertTriggerHeaders(r, false);
    }
    // about 1 s, then half as long again, with 20% jitter
    assertEquals(2, h.waits().size(), h.waits().toString());
    assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), h.waits().get(0));
    assertBetween(Duration.ofMillis(1200), Duration.ofMillis(1800), h.waits().get(1));
    assertEquals(RunWatch.Mode.ENDED, watch.mode());
    assertEquals(0, h.watcher.activeWatches());
  }

  @ParameterizedTest
  @ValueSource(strings = {"EXPIRED", "TIMED_OUT", "CANCELED", "CRASHED", "SYSTEM_FAILURE", "FAILED"})
  void aFinalStatusEndsTheWatchEvenWhenIsCompletedIsFalseAndNoFinishedAt(String status) throws Exception {
    h.trigger.retrieve(RUN, json(200, retrieveBody(status, null, false)));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(RunStatus.valueOf(status), o.finalStatus().get());
    assertEquals(1, h.trigger.requests().size());
  }

  @Test
  void anUnknownStatusIsToleratedAndFinishedAtEndsTheWatch() throws Exception {
    h.trigger.retrieve(RUN, retrieve("BRAND_NEW_STATE"), retrieve("BRAND_NEW_STATE"),
        json(200, retrieveBody("ANOTHER_STATE", "2026-01-01T10:00:20.000Z", false)));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(RunStatus.UNKNOWN, o.finalStatus().get());
    assertEquals("ANOTHER_STATE", o.lastUpdate().get().rawStatus());
    assertEquals(3, h.trigger.requests().size());
    assertEquals(List.of("UNKNOWN", "UNKNOWN"), h.events.statuses(), "each new raw status is a change");
  }

  @Test
  void a404WithoutShouldRetryEndsTheWatchAtOnce() throws Exception {
    h.trigger.retrieve(RUN, notFound(false));

    RunOutcome o = await(h.watch());

    assertEquals(RunOutcome.Reason.NOT_FOUND, o.reason());
    assertEquals(1, h.trigger.requests().size());
  }

  @Test
  void a404WithShouldRetryIsRetriedUntilTheRunShowsUp() throws Exception {
    h.trigger.retrieve(RUN, notFound(true), notFound(true), retrieve("QUEUED"), retrieveDone("COMPLETED"));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(4, h.trigger.requests().size());
  }

  @Test
  void a404WithShouldRetryEndsTheWatchAfterTenSeconds() throws Exception {
    h.trigger.otherwise(r -> notFound(true));

    RunOutcome o = await(h.watch());

    assertEquals(RunOutcome.Reason.NOT_FOUND, o.reason());
    assertTrue(o.detail().contains("after 10 s"), o.detail());
    Duration waited = h.waits().stream().reduce(Duration.ZERO, Duration::plus);
    assertBetween(Duration.ofSeconds(10), Duration.ofSeconds(14), waited);
    assertEquals(h.waits().size() + 1, h.trigger.requests().size());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void anAuthFailureEndsTheWatchWithNothingSentAfter(int code) throws Exception {
    h.trigger.retrieve(RUN, json(code, "{\"error\":\"Unauthorized\",\"code\":\"unauthorized\"}"));

    RunOutcome o = await(h.watch());

    assertEquals(code == 401 ? RunOutcome.Reason.TOKEN_REJECTED : RunOutcome.Reason.FORBIDDEN, o.reason());
    assertEquals(1, h.trigger.requests().size());
    assertTrue(h.waits().isEmpty());
  }

  @Test
  void a429IsRetriedAfterTheRequestedWait() throws Exception {
    h.trigger.retrieve(RUN,
        new MockResponse.Builder().code(429).setHeader("Retry-After", "7").body("{}").build(),
        new MockResponse.Builder().code(429).setHeader("Date", "Thu, 01 Jan 2026 10:00:00 GMT")
            .setHeader("x-ratelimit-reset", String.valueOf(Instant.parse("2026-01-01T10:00:12Z").toEpochMilli()))
            .body("{}").build(),
        retrieveDone("COMPLETED"));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(Duration.ofSeconds(7), h.waits().get(0));
    assertEquals(Duration.ofSeconds(12), h.waits().get(1));
  }

  @Test
  void serverErrorsAndDropsAreRetriedWithBackoffThenTheWatchGivesUp() throws Exception {
    MockResponse cutMidBody = new MockResponse.Builder(retrieve("EXECUTING"))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    h.trigger.retrieve(RUN, json(503, "{}"), cutMidBody, json(500, "{}"), retrieve("EXECUTING"));
    h.trigger.otherwise(r -> json(502, "<html>bad gateway</html>"));

    RunOutcome o = await(h.watch());

    assertEquals(RunOutcome.Reason.UNAVAILABLE, o.reason());
    assertTrue(o.detail().contains("6 times in a row (last: 502)"), o.detail());
    assertEquals(4 + 6, h.trigger.requests().size(), "a success starts the count again");
    List<Duration> w = h.waits();
    assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), w.get(0));
    assertBetween(Duration.ofMillis(1600), Duration.ofMillis(2400), w.get(1));
    assertBetween(Duration.ofMillis(3200), Duration.ofMillis(4800), w.get(2));
    assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), w.get(3)); // the poll after EXECUTING
    assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), w.get(4)); // the back-off started over
  }

  @ParameterizedTest
  @ValueSource(strings = {"<html>502</html>", "{\"id\":\"run_1\"}", "[1,2]", "{\"status\":\"QUEUED\""})
  void aBodyThatIsNotARunEndsTheWatchAsUnreadable(String body) throws Exception {
    h.trigger.retrieve(RUN, json(200, body));

    RunOutcome o = await(h.watch());

    assertEquals(RunOutcome.Reason.UNREADABLE, o.reason());
    assertEquals(1, h.trigger.requests().size());
    assertFalse(o.detail().contains(body), "the body is not quoted");
  }

  @Test
  void anUnexpectedStatusCodeEndsTheWatchAsUnreadable() throws Exception {
    h.trigger.retrieve(RUN, json(400, "{\"error\":\"bad\"}"));

    RunOutcome o = await(h.watch());

    assertEquals(RunOutcome.Reason.UNREADABLE, o.reason());
    assertEquals("retrieve answered 400", o.detail());
  }

  /** Runs each poll as it falls due, until the watch is over. */
  private void releaseUntilOver(RunWatch watch) throws Exception {
    while (!watch.outcome().isDone()) {
      RunWatcherTest.awaitTrue(() -> h.timing.heldTasks() > 0 || watch.outcome().isDone(), "the next poll");
      h.timing.releaseDelayed();
    }
  }
}
