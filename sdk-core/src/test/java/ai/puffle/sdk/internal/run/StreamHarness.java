package ai.puffle.sdk.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import mockwebserver3.RecordedRequest;

/**
 * Stream readers on virtual time, over the run client a real {@link Transport} builds, aimed at a
 * {@link StreamFake}, with a listener that records what it is told.
 */
final class StreamHarness implements AutoCloseable {
  static final String RUN = RunBodies.RUN;
  /** No idle timeout: its check would fire at once on {@link FakeTiming}, which runs timers at once. */
  static final StreamOptions NO_IDLE = StreamOptions.builder().idleTimeout(Duration.ZERO).build();

  final Timing timing;
  final StreamFake server = new StreamFake();
  final Transport transport;
  final RunLimits limits = new RunLimits(1);
  final StreamReaders readers;
  final Recorder events = new Recorder();

  StreamHarness() {
    this(new FakeTiming());
  }

  StreamHarness(Timing timing) {
    this.timing = timing;
    Transport.Settings s = new Transport.Settings();
    s.apiKey = TestClients.API_KEY;
    s.userAgent = "test";
    s.maxLiveRunFeeds = 1;
    transport = new Transport(s);
    readers = new StreamReaders(new TriggerApi(server.url()), transport.runHttp(), timing, limits);
  }

  FakeTiming fake() {
    return (FakeTiming) timing;
  }

  /** A reader of {@code key} of {@link #RUN}, started. */
  StreamReader open(String key, StreamOptions options) {
    return readers.open(RUN, StreamFake.TOKEN, key, options, null, events, o -> {});
  }

  /** A reader of a run that is already over: every read is a drain read. */
  StreamReader drain(String key) {
    return readers.open(RUN, StreamFake.TOKEN, key, NO_IDLE, StreamOutcome.Reason.DRAINED, events, o -> {});
  }

  StreamOutcome await(String key) throws Exception {
    return events.ended(key).get(10, TimeUnit.SECONDS);
  }

  static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(1);
    }
  }

  /** Asserts the headers of a stream read: token, SSE, API version, Timeout-Seconds, Last-Event-ID. */
  static void assertRead(RecordedRequest r, int timeoutSeconds, String lastEventId) {
    assertEquals("GET", r.getMethod());
    assertEquals("Bearer " + StreamFake.TOKEN, r.getHeaders().get("Authorization"));
    assertEquals("text/event-stream", r.getHeaders().get("Accept"));
    assertEquals("2025-07-16", r.getHeaders().get("x-trigger-api-version"));
    assertEquals(Integer.toString(timeoutSeconds), r.getHeaders().get("Timeout-Seconds"));
    assertEquals(lastEventId, r.getHeaders().get("Last-Event-ID"));
  }

  @Override
  public void close() {
    readers.close();
    transport.close();
    timing.close();
    server.close();
  }

  /** Records chunks ({@code key:json} and text deltas) and each stream's end. */
  static class Recorder implements StreamListener {
    final List<String> chunks = new CopyOnWriteArrayList<>();
    final List<Object> jsons = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<StreamOutcome> outcomes = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<StreamOutcome>> ends = new ConcurrentHashMap<>();

    @Override
    public void chunk(String streamKey, Object json, String textDelta) {
      chunks.add(streamKey + ":" + RunBodies.toJson(json));
      jsons.add(json);
      texts.add(textDelta);
    }

    @Override
    public void ended(String streamKey, StreamOutcome outcome) {
      outcomes.add(outcome);
      if (!ended(streamKey).complete(outcome)) {
        throw new AssertionError("ended twice: " + streamKey);
      }
    }

    CompletableFuture<StreamOutcome> ended(String key) {
      return ends.computeIfAbsent(key, k -> new CompletableFuture<>());
    }

    /** The chunks of {@code key}, as JSON text. */
    List<String> of(String key) {
      List<String> out = new ArrayList<>();
      for (String c : chunks) {
        if (c.startsWith(key + ":")) {
          out.add(c.substring(key.length() + 1));
        }
      }
      return out;
    }
  }
}
