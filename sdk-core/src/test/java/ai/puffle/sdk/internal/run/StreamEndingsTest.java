package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.StreamHarness.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

/**
 * How a stream ends: final statuses, a stall, stopping and closing; each an outcome, none an
 * exception, and nothing sent after the end.
 */
class StreamEndingsTest {
  static MockResponse status(int code, String body) {
    return new MockResponse.Builder(RunBodies.json(code, body)).build();
  }

  @Test
  void authAndNotFoundAreFinalAfterOneRequest() throws Exception {
    try (StreamHarness h = new StreamHarness()) {
      h.server.stream(StreamHarness.RUN, "s401", false).next(status(401, "{\"error\":\"Invalid\"}"));
      h.server.stream(StreamHarness.RUN, "s403", false)
          .next(status(403, "{\"error\":\"Unauthorized\",\"code\":\"unauthorized\"}"));
      h.server.stream(StreamHarness.RUN, "s404", false).next(status(404, "{\"error\":\"Not found\"}"));
      h.server.stream(StreamHarness.RUN, "s400", false).next(status(400, "Invalid timeout seconds"));
      h.server.stream(StreamHarness.RUN, "html", false)
          .next(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html").body("<html>").build());

      for (String k : List.of("s401", "s403", "s404", "s400", "html")) {
        h.open(k, StreamHarness.NO_IDLE);
      }

      assertEquals(StreamOutcome.Reason.TOKEN_REJECTED, h.await("s401").reason());
      assertEquals(StreamOutcome.Reason.FORBIDDEN, h.await("s403").reason());
      assertEquals(StreamOutcome.Reason.NOT_FOUND, h.await("s404").reason());
      assertEquals(StreamOutcome.Reason.UNREADABLE, h.await("s400").reason());
      assertEquals("the stream answered 400", h.await("s400").detail());
      assertEquals(StreamOutcome.Reason.UNREADABLE, h.await("html").reason());
      for (String k : List.of("s401", "s403", "s404", "s400", "html")) {
        assertEquals(1, h.server.reads(k).size(), k + " is not retried");
      }
      assertTrue(h.fake().sleeps().isEmpty());
      assertEquals(0, h.limits.openStreams(), "every slot given back");
      assertEquals(0, h.readers.activeReaders());
    }
  }

  @Test
  void aStalledReadEndsAfterTheIdleTimeoutAndPingsKeepItOpen() throws Exception {
    ManualTiming time = new ManualTiming();
    try (StreamHarness h = new StreamHarness(time)) {
      StreamFake.Log log = h.server.stream(StreamHarness.RUN, "chat", false).v1("1-0", "\"a\"");
      StreamOptions idle30 = StreamOptions.builder().idleTimeout(Duration.ofSeconds(30)).build();
      StreamReader reader = h.open("chat", idle30);
      awaitTrue(() -> h.events.of("chat").size() == 1, "the first chunk");

      time.advance(Duration.ofSeconds(20));
      long seen = reader.activity();
      log.ping();                                         // a comment: no chunk, but activity
      awaitTrue(() -> reader.activity() > seen, "the ping to be read");
      time.advance(Duration.ofSeconds(20));               // 40 s since the chunk, 20 s since the ping
      assertFalse(h.events.ended("chat").isDone(), "the ping kept the read open");

      time.advance(Duration.ofSeconds(9));                // 29 s since the ping
      assertFalse(h.events.ended("chat").isDone());
      time.advance(Duration.ofSeconds(2));                // 31 s since the ping
      StreamOutcome o = h.await("chat");

      assertEquals(StreamOutcome.Reason.IDLE_TIMEOUT, o.reason());
      assertEquals("nothing received for 30 s, not even a ping", o.detail());
      assertEquals(1, o.delivered());
      assertEquals(1, h.server.reads("chat").size(), "a stall is not retried");
      awaitTrue(() -> h.transport.runHttp().streams().dispatcher().runningCallsCount() == 0, "the read to be closed");
      assertEquals(0, time.pending(), "no timer left");
    }
  }

  @Test
  void withoutPingsTheIdleTimeoutEndsTheReadOnTime() throws Exception {
    ManualTiming time = new ManualTiming();
    try (StreamHarness h = new StreamHarness(time)) {
      h.server.stream(StreamHarness.RUN, "chat", true);
      h.open("chat", StreamOptions.builder().idleTimeout(Duration.ofSeconds(30)).build());
      awaitTrue(() -> h.server.reads("chat").size() == 1 && time.pending() == 1, "the read to open");

      time.advance(Duration.ofSeconds(29));
      assertFalse(h.events.ended("chat").isDone());
      time.advance(Duration.ofSeconds(1));

      assertEquals(StreamOutcome.Reason.IDLE_TIMEOUT, h.await("chat").reason());
    }
  }

  @Test
  void stopSendsNothingMoreAndClosesTheRead() throws Exception {
    try (StreamHarness h = new StreamHarness()) {
      h.fake().holdDelayedTasks();
      StreamFake.Log log = h.server.stream(StreamHarness.RUN, "held", false).v1("1-0", "\"a\"");
      h.server.stream(StreamHarness.RUN, "waiting", false).next(status(503, "{}"));

      StreamReader held = h.open("held", StreamHarness.NO_IDLE);
      StreamReader waiting = h.open("waiting", StreamHarness.NO_IDLE);
      awaitTrue(() -> h.events.of("held").size() == 1, "the open read");
      awaitTrue(() -> h.fake().heldTasks() == 1, "the back-off after the 503");

      held.stop(StreamOutcome.Reason.STOPPED, "stopped");
      waiting.stop(StreamOutcome.Reason.STOPPED, "stopped");
      assertEquals(0, h.fake().releaseDelayed(), "the back-off was cancelled");
      log.v1("2-0", "\"b\"");                             // the server still has more

      assertEquals(StreamOutcome.Reason.STOPPED, h.await("held").reason());
      assertEquals(StreamOutcome.Reason.STOPPED, h.await("waiting").reason());
      awaitTrue(() -> h.transport.runHttp().streams().dispatcher().runningCallsCount() == 0, "the read to be closed");
      assertEquals(1, h.server.reads("held").size());
      assertEquals(1, h.server.reads("waiting").size(), "no read after stop, though its back-off ran out");
      assertEquals(List.of("\"a\""), h.events.of("held"));
      assertEquals(0, h.limits.openStreams());
    }
  }

  @Test
  void readersBeyondTheCapWaitForASlot() throws Exception {
    try (StreamHarness h = new StreamHarness()) {
      int n = RunLimits.STREAM_CONCURRENCY + 2;
      for (int i = 0; i < n; i++) {
        h.server.stream(StreamHarness.RUN, "k" + i, false).v1("1-0", "\"" + i + "\"");
        h.open("k" + i, StreamHarness.NO_IDLE);
      }
      awaitTrue(() -> h.events.chunks.size() == RunLimits.STREAM_CONCURRENCY, "the first reads");
      assertEquals(RunLimits.STREAM_CONCURRENCY, h.limits.openStreams());
      assertTrue(h.server.reads("k" + (n - 1)).isEmpty() && h.server.reads("k" + (n - 2)).isEmpty(),
          "the last readers wait");

      h.readers.close();                                  // the client closes
      for (int i = 0; i < n; i++) {
        assertEquals(StreamOutcome.Reason.CLIENT_CLOSED, h.await("k" + i).reason());
      }
      awaitTrue(() -> h.transport.runHttp().streams().dispatcher().runningCallsCount() == 0, "reads to be closed");
      int reads = h.server.requests().size();
      assertEquals(RunLimits.STREAM_CONCURRENCY, reads, "the waiting readers never read");
      assertEquals(0, h.limits.openStreams());
      StreamReader late = h.open("late", StreamHarness.NO_IDLE);
      assertEquals(StreamOutcome.Reason.CLIENT_CLOSED, h.await("late").reason());
      assertEquals(reads, h.server.requests().size());
      assertEquals("late", late.key());
    }
  }
}
