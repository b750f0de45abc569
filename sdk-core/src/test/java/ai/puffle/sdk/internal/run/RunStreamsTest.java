package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.StreamHarness.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.TestClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run's streams read as its watch reports them: keys opened once each, drained when the run
 * is over, ended when the watch is lost, stopped or the client closed; the token in nothing shown.
 */
class RunStreamsTest {
  static final String RUN = RunBodies.RUN;
  static final String TOKEN = StreamFake.TOKEN;

  final FakeTiming timing = new FakeTiming();
  final StreamFake server = new StreamFake();
  final Transport transport;
  final RunWatcher watcher;
  final StreamHarness.Recorder events = new StreamHarness.Recorder();
  final List<String> statuses = new ArrayList<>();
  final RunWatchListener alsoTell = new RunWatchListener() {
    @Override
    public void onStatus(RunStatus status, RunUpdate update) {
      statuses.add(status.name());
    }
  };

  RunStreamsTest() {
    Transport.Settings s = new Transport.Settings();
    s.apiKey = TestClients.API_KEY;
    s.userAgent = "test";
    s.maxLiveRunFeeds = 0;
    transport = new Transport(s);
    watcher = new RunWatcher(server.url(), transport.runHttp(), timing, 0); // polls retrieve
  }

  @AfterEach
  void close() {
    watcher.close();
    transport.close();
    timing.close();
    server.close();
  }

  /** A retrieve body with these stream keys ({@code realtimeStreams}). */
  @SuppressWarnings("unchecked")
  static MockResponse retrieve(String status, boolean done, String... keys) {
    Map<String, Object> run = new LinkedHashMap<>(
        (Map<String, Object>) RunFields.json(RunBodies.retrieveBody(status, done ? "2026-01-01T10:00:20.000Z" : null, done)));
    run.put("realtimeStreams", List.of(keys));
    return RunBodies.json(200, RunBodies.toJson(run));
  }

  RunStreams streams() {
    return watcher.streams(RunHandle.of(RUN, TOKEN), events, StreamHarness.NO_IDLE, alsoTell);
  }

  @Test
  void opensEachReportedKeyOnceAndDrainsThemWhenTheRunIsOver() throws Exception {
    StreamFake.Log chat = server.stream(RUN, "chat", true).chunk("\"Hel\"", "p1").chunk("\"lo\"", "p2");
    StreamFake.Log status = server.stream(RUN, "status", false).v1("1-0", "{\"step\":\"draft\"}");
    timing.holdDelayedTasks();
    server.retrieve(RUN, retrieve("EXECUTING", false, "chat"), retrieve("EXECUTING", false, "chat", "status"),
        retrieve("COMPLETED", true, "chat", "status"));

    RunStreams streams = streams();
    awaitTrue(() -> events.of("chat").size() == 2, "chat's chunks");
    assertEquals(List.of("chat"), streams.keys());
    timing.releaseDelayed();                               // the next poll: a second key
    awaitTrue(() -> events.of("status").size() == 1, "status's chunk");
    chat.chunk("\"!\"", "p3");                             // pushed on the open read
    awaitTrue(() -> events.of("chat").size() == 3, "the pushed chunk");
    timing.releaseDelayed();                               // the run is over: drain both

    awaitTrue(() -> timing.heldTasks() > 0, "the drain to wait for quiet");
    timing.releaseDelayed();
    Map<String, StreamOutcome> done = streams.done().get(10, TimeUnit.SECONDS);

    assertEquals(List.of("chat", "status"), new ArrayList<>(done.keySet()));
    assertTrue(done.values().stream().allMatch(StreamOutcome::isDrained), done.toString());
    assertEquals(List.of("\"Hel\"", "\"lo\"", "\"!\""), events.of("chat"));
    assertEquals(List.of("{\"step\":\"draft\"}"), events.of("status"));
    List<mockwebserver3.RecordedRequest> statusReads = server.reads("status");
    StreamHarness.assertRead(statusReads.get(statusReads.size() - 1), 1, "1-0");
    assertEquals("1", server.reads("chat").get(server.reads("chat").size() - 1).getHeaders().get("Timeout-Seconds"));
    assertEquals("2", server.reads("chat").get(server.reads("chat").size() - 1).getHeaders().get("Last-Event-ID"));
    assertEquals(RunOutcome.Reason.RUN_OVER, streams.watch().outcome().get(10, TimeUnit.SECONDS).reason());
    assertEquals(List.of("EXECUTING", "COMPLETED"), statuses, "the watch's events are passed on");
    assertEquals(4, streams.delivered());
    assertEquals(0, streams.coalesced() + streams.dropped());
    assertEquals(0, watcher.activeStreamReaders());
  }

  @Test
  void aRunAlreadyOverIsReadOnceToItsEnd() throws Exception {
    server.stream(RUN, "chat", false).v1("1-0", "\"a\"").v1("2-0", "\"b\"");
    server.retrieve(RUN, retrieve("COMPLETED", true, "chat"));

    RunStreams streams = streams();
    Map<String, StreamOutcome> done = streams.done().get(10, TimeUnit.SECONDS);

    assertEquals(StreamOutcome.Reason.DRAINED, done.get("chat").reason());
    assertEquals(List.of("\"a\"", "\"b\""), events.of("chat"));
    assertEquals(1, server.reads("chat").size(), "one read, a drain read");
    StreamHarness.assertRead(server.reads("chat").get(0), 1, null);
  }

  @Test
  void aLostWatchDrainsTheStreamsAsIfTheRunWereOver() throws Exception {
    server.stream(RUN, "chat", false).v1("1-0", "\"a\"");
    server.retrieve(RUN, retrieve("EXECUTING", false, "chat"), RunBodies.json(403, "{\"error\":\"Unauthorized\"}"));

    RunStreams streams = streams();
    Map<String, StreamOutcome> done = streams.done().get(10, TimeUnit.SECONDS);

    assertEquals(RunOutcome.Reason.FORBIDDEN, streams.watch().outcome().get().reason());
    assertEquals(StreamOutcome.Reason.WATCH_ENDED, done.get("chat").reason());
    assertEquals(List.of("\"a\""), events.of("chat"));
  }

  @Test
  void stopEndsReadersAndTheWatchAndSendsNothingMore() throws Exception {
    server.stream(RUN, "chat", false).v1("1-0", "\"a\"");
    timing.holdDelayedTasks();
    server.retrieve(RUN, retrieve("EXECUTING", false, "chat"));

    RunStreams streams = streams();
    awaitTrue(() -> events.of("chat").size() == 1, "the chunk");
    streams.stop();
    Map<String, StreamOutcome> done = streams.done().get(10, TimeUnit.SECONDS);
    int requests = server.requests().size();
    timing.releaseDelayed();

    assertEquals(StreamOutcome.Reason.STOPPED, done.get("chat").reason());
    assertEquals(RunOutcome.Reason.CANCELLED, streams.watch().outcome().get().reason());
    awaitTrue(() -> transport.runHttp().streams().dispatcher().runningCallsCount() == 0, "the read to be closed");
    assertEquals(requests, server.requests().size(), "no poll or read after stop");
    streams.open("later");
    assertEquals(List.of("chat"), streams.keys());
  }

  @Test
  void closingTheClientEndsEveryReader() throws Exception {
    server.stream(RUN, "chat", false).v1("1-0", "\"a\"");
    timing.holdDelayedTasks();
    server.retrieve(RUN, retrieve("EXECUTING", false, "chat"));

    RunStreams streams = streams();
    awaitTrue(() -> events.of("chat").size() == 1, "the chunk");
    watcher.close();
    Map<String, StreamOutcome> done = streams.done().get(10, TimeUnit.SECONDS);

    assertEquals(StreamOutcome.Reason.CLIENT_CLOSED, done.get("chat").reason());
    awaitTrue(() -> transport.runHttp().streams().dispatcher().runningCallsCount() == 0, "the read to be closed");
    assertEquals(0, watcher.activeStreamReaders());
  }

  @Test
  void aDisabledWatcherReadsNothing() throws Exception {
    RunStreams streams = RunWatcher.disabled().streams(RunHandle.of(RUN, TOKEN), events,
        StreamOptions.defaults(), RunWatchListener.NONE);
    assertEquals(Map.of(), streams.done().get(1, TimeUnit.SECONDS));
    assertEquals(RunOutcome.Reason.DISABLED, streams.watch().outcome().get().reason());
    assertTrue(server.requests().isEmpty());
  }

  @Test
  void theTokenAppearsInNothingShown() throws Exception {
    String echo = "{\"error\":\"bad token " + TOKEN + "\"}";
    MockResponse.Builder b = new MockResponse.Builder().setHeader("x-echo", TOKEN)
        .setHeader("Content-Type", "application/json").body(echo);
    String[] keys = {"s401", "s403", "s404", "s400", "s500", "html", "ok"};
    server.stream(RUN, "s401", false).next(b.code(401).build());
    server.stream(RUN, "s403", false).next(b.code(403).build());
    server.stream(RUN, "s404", false).next(b.code(404).build());
    server.stream(RUN, "s400", false).next(b.code(400).build());
    StreamFake.Log down = server.stream(RUN, "s500", false);
    for (int i = 0; i < StreamReader.MAX_FAILURES; i++) {
      down.next(b.code(500).build());
    }
    server.stream(RUN, "html", false).next(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "text/" + TOKEN.substring(0, 20)).body(TOKEN).build());
    server.stream(RUN, "ok", false).header("x-echo: " + TOKEN).v1(TOKEN.substring(0, 30), "\"" + TOKEN + "\"");
    server.retrieve(RUN, retrieve("COMPLETED", true, keys));

    RunStreams streams = streams();
    Map<String, StreamOutcome> done = streams.done().get(10, TimeUnit.SECONDS);

    assertEquals(keys.length, done.size());
    List<Object> shown = new ArrayList<>();
    shown.add(streams);
    shown.add(streams.watch());
    shown.add(watcher);
    shown.add(StreamOptions.defaults());
    for (StreamOutcome o : done.values()) {
      shown.add(o);
      shown.add(o.detail());
    }
    for (Object o : shown) {
      for (String secret : RunSecretsTest.SECRETS) {
        assertFalse(String.valueOf(o).contains(secret), o.getClass().getSimpleName() + " leaks the token: " + o);
      }
    }
    assertEquals(StreamOutcome.Reason.TOKEN_REJECTED, done.get("s401").reason());
    assertEquals(StreamOutcome.Reason.UNAVAILABLE, done.get("s500").reason());
    assertEquals(StreamOutcome.Reason.UNREADABLE, done.get("html").reason());
    assertEquals(StreamOutcome.Reason.DRAINED, done.get("ok").reason());
  }
}
