package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.RunBodies.RUN;
import static ai.puffle.sdk.internal.run.RunBodies.SCHEMA;
import static ai.puffle.sdk.internal.run.RunBodies.UP_TO_DATE;
import static ai.puffle.sdk.internal.run.RunBodies.feedResponse;
import static ai.puffle.sdk.internal.run.RunBodies.insert;
import static ai.puffle.sdk.internal.run.RunBodies.json;
import static ai.puffle.sdk.internal.run.RunBodies.retrieve;
import static ai.puffle.sdk.internal.run.RunBodies.retrieveDone;
import static ai.puffle.sdk.internal.run.RunBodies.row;
import static ai.puffle.sdk.internal.run.RunBodies.snapshot;
import static ai.puffle.sdk.internal.run.WatchHarness.assertBetween;
import static ai.puffle.sdk.internal.run.WatchHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * When the feed fails: token problems end the watch; anything else falls back to retrieve
 * polling, which then ends the watch as usual.
 */
class FeedFallbackTest {
  final WatchHarness h = new WatchHarness(1);

  @AfterEach
  void close() {
    h.close();
  }

  static Stream<Arguments> unreadableFeedResponses() {
    Map<String, Object> badInt = row("PENDING");
    badInt.put("number", "forty-two");
    Map<String, Object> badBool = row("PENDING");
    badBool.put("isTest", "yes");
    Map<String, Object> badTime = row("PENDING");
    badTime.put("createdAt", "soon");
    Map<String, Object> badArray = row("PENDING");
    badArray.put("realtimeStreams", "{\"open");
    return Stream.of(
        Arguments.of("not JSON", feedResponse("h1", "0_0", null, SCHEMA).newBuilder().body("<html>oops</html>").build()),
        Arguments.of("an object", feedResponse("h1", "0_0", null, SCHEMA).newBuilder().body("{\"rows\":[]}").build()),
        Arguments.of("a message without headers", feedResponse("h1", "0_0", null, SCHEMA).newBuilder()
            .body("[{\"key\":\"k\",\"value\":{}}]").build()),
        Arguments.of("a change without a key", feedResponse("h1", "0_0", null, SCHEMA).newBuilder()
            .body("[{\"value\":{},\"headers\":{\"operation\":\"insert\"}}]").build()),
        Arguments.of("no handle", feedResponse(null, "0_0", null, SCHEMA, UP_TO_DATE)),
        Arguments.of("no offset", feedResponse("h1", null, null, SCHEMA, UP_TO_DATE)),
        Arguments.of("no schema", feedResponse("h1", "0_0", null, null, UP_TO_DATE)),
        Arguments.of("a schema that is not JSON", feedResponse("h1", "0_0", null, "{id:text", UP_TO_DATE)),
        Arguments.of("a schema without types", feedResponse("h1", "0_0", null, "{\"id\":{\"dims\":1}}", UP_TO_DATE)),
        Arguments.of("an int4 that is not a number", snapshot("h1", "0_0", insert(badInt), UP_TO_DATE)),
        Arguments.of("a bool that is not t or f", snapshot("h1", "0_0", insert(badBool), UP_TO_DATE)),
        Arguments.of("a timestamp that is not one", snapshot("h1", "0_0", insert(badTime), UP_TO_DATE)),
        Arguments.of("an unterminated array", snapshot("h1", "0_0", insert(badArray), UP_TO_DATE)),
        Arguments.of("400", json(400, "{\"message\":\"Invalid offset\"}")),
        Arguments.of("a redirect", new MockResponse.Builder().code(304).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableFeedResponses")
  void aFeedResponseItCannotFollowFallsBackToRetrieve(String what, MockResponse response) throws Exception {
    h.trigger.feed(RUN, response);
    h.trigger.retrieve(RUN, retrieveDone("COMPLETED"));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), what + ": " + o);
    assertEquals(List.of("fallback:UNREADABLE", "update:COMPLETED", "status:COMPLETED"), h.events.events);
    assertEquals(1, h.trigger.requests(true).size());
    assertEquals(1, h.trigger.requests(false).size());
    assertFalse(o.toString().contains("forty-two") || o.toString().contains("oops"), "no value is quoted");
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 403})
  void aTokenFailureOnTheFeedEndsTheWatchWithoutPolling(int code) throws Exception {
    h.trigger.feed(RUN, json(code, "{\"error\":\"Unauthorized\"}"));

    RunOutcome o = await(h.watch());

    assertEquals(code == 401 ? RunOutcome.Reason.TOKEN_REJECTED : RunOutcome.Reason.FORBIDDEN, o.reason());
    assertEquals(1, h.trigger.requests().size());
    assertEquals(0, h.watcher.liveFeeds());
  }

  @Test
  void a404OnTheFeedLetsRetrieveDecide() throws Exception {
    h.trigger.feed(RUN, RunBodies.notFound(false));
    h.trigger.retrieve(RUN, RunBodies.notFound(true), retrieveDone("COMPLETED"));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), o.toString());
    assertEquals(List.of("fallback:NOT_FOUND", "update:COMPLETED", "status:COMPLETED"), h.events.events);
  }

  @Test
  void rateLimitedFeedBacksOffThenFallsBackAndFreesItsSlot() throws Exception {
    MockResponse tooMany = json(429, "{\"error\":\"Too many concurrent requests\"}");
    h.trigger.feed(RUN, snapshot("h1", "0_0", insert(row("EXECUTING")), UP_TO_DATE), tooMany, tooMany, tooMany, tooMany);
    h.trigger.retrieve(RUN, retrieve("EXECUTING"));
    h.trigger.otherwise(r -> retrieveDone("COMPLETED"));
    h.timing.holdDelayedTasks();

    RunWatch watch = h.watch();
    for (int i = 0; i < 3; i++) {
      awaitHeld();
      assertEquals(1, h.watcher.liveFeeds(), "backing off keeps the slot");
      h.timing.releaseDelayed();
    }
    awaitHeld(); // the first retrieve poll's successor: the feed is given up

    assertEquals(RunWatch.Mode.POLLING, watch.mode());
    assertEquals(0, h.watcher.liveFeeds(), "polling frees the feed slot");
    assertEquals(List.of("update:EXECUTING", "status:EXECUTING", "fallback:UNAVAILABLE", "update:EXECUTING"),
        h.events.events, "retrieve's EXECUTING is new data but not a new status");
    h.timing.releaseDelayed();
    assertTrue(await(watch).isRunOver());
    List<Duration> w = h.waits();
    assertBetween(Duration.ofMillis(800), Duration.ofMillis(1200), w.get(0));
    assertBetween(Duration.ofMillis(1600), Duration.ofMillis(2400), w.get(1));
    assertBetween(Duration.ofMillis(3200), Duration.ofMillis(4800), w.get(2));
    assertEquals(5, h.trigger.requests(true).size());
  }

  @Test
  void connectionFailuresOnTheFeedFallBackAfterThreeRetries() throws Exception {
    MockResponse cut = new MockResponse.Builder(snapshot("h1", "0_0", insert(row("EXECUTING")), UP_TO_DATE))
        .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    h.trigger.feed(RUN, cut, cut, cut, cut);
    h.trigger.retrieve(RUN, retrieveDone("COMPLETED"));

    RunOutcome o = await(h.watch());

    assertTrue(o.isRunOver(), o.toString());
    assertEquals("fallback:UNAVAILABLE", h.events.events.get(0));
    assertEquals(4, h.trigger.requests(true).size());
  }

  private void awaitHeld() throws InterruptedException {
    long end = System.nanoTime() + 5_000_000_000L;
    while (h.timing.heldTasks() == 0) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no wait was scheduled");
      }
      Thread.sleep(1);
    }
  }
}
