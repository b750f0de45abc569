package ai.puffle.sdk.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;

/**
 * A watcher on virtual time aimed at a {@link TriggerFake}, over the run client a real {@link
 * Transport} builds, and a listener that records what it is told.
 */
final class WatchHarness implements AutoCloseable {
  final FakeTiming timing = new FakeTiming();
  final TriggerFake trigger = new TriggerFake();
  final Transport transport;
  final RunWatcher watcher;
  final Recorder events = new Recorder();

  WatchHarness(int maxLiveFeeds) {
    Transport.Settings s = new Transport.Settings();
    s.apiKey = TestClients.API_KEY;
    s.userAgent = "test";
    s.maxLiveRunFeeds = maxLiveFeeds;
    transport = new Transport(s);
    watcher = new RunWatcher(trigger.url(), transport.runHttp(), timing, maxLiveFeeds);
  }

  RunWatch watch() {
    return watch(RunBodies.RUN);
  }

  RunWatch watch(String runId) {
    return watcher.watch(RunHandle.of(runId, TriggerFake.TOKEN), events);
  }

  static RunOutcome await(RunWatch watch) throws Exception {
    return watch.outcome().get(10, TimeUnit.SECONDS);
  }

  /** Every wait the watcher scheduled so far, rounded to ms. */
  List<Duration> waits() {
    return timing.sleeps();
  }

  /** Asserts that {@code r} carries the run token and the API version, and the feed header when {@code feed}. */
  static void assertTriggerHeaders(RecordedRequest r, boolean feed) {
    assertEquals("Bearer " + TriggerFake.TOKEN, r.getHeaders().get("Authorization"));
    assertEquals("2025-07-16", r.getHeaders().get("x-trigger-api-version"));
    assertEquals(feed ? "1.0.0-beta.1" : null, r.getHeaders().get("x-trigger-electric-version"));
    assertEquals("GET", r.getMethod());
  }

  static void assertBetween(Duration min, Duration max, Duration actual) {
    if (actual.compareTo(min) < 0 || actual.compareTo(max) > 0) {
      throw new AssertionError("expected a wait between " + min + " and " + max + ", was " + actual);
    }
  }

  @Override
  public void close() {
    watcher.close();
    transport.close();
    timing.close();
    trigger.close();
  }

  /** Records events as short strings: {@code update:EXECUTING}, {@code status:COMPLETED}, {@code fallback:UNREADABLE}. */
  static final class Recorder implements RunWatchListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<RunUpdate> updates = new CopyOnWriteArrayList<>();
    final List<String> details = new CopyOnWriteArrayList<>();

    @Override
    public void onUpdate(RunUpdate update) {
      updates.add(update);
      events.add("update:" + update.status());
    }

    @Override
    public void onStatus(RunStatus status, RunUpdate update) {
      events.add("status:" + status);
    }

    @Override
    public void onFallback(RunOutcome.Reason reason, String detail) {
      events.add("fallback:" + reason);
      details.add(detail);
    }

    List<String> statuses() {
      List<String> out = new CopyOnWriteArrayList<>();
      for (String e : events) {
        if (e.startsWith("status:")) {
          out.add(e.substring(7));
        }
      }
      return out;
    }
  }
}
