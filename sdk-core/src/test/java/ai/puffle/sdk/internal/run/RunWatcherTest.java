package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.RunBodies.UP_TO_DATE;
import static ai.puffle.sdk.internal.run.RunBodies.insert;
import static ai.puffle.sdk.internal.run.RunBodies.retrieve;
import static ai.puffle.sdk.internal.run.RunBodies.retrieveDone;
import static ai.puffle.sdk.internal.run.RunBodies.row;
import static ai.puffle.sdk.internal.run.RunBodies.snapshot;
import static ai.puffle.sdk.internal.run.WatchHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.RunHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The feed cap, cancellation, close, and what a watch accepts. */
class RunWatcherTest {
  static final MockResponse HELD = new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();

  WatchHarness h = new WatchHarness(1);

  @AfterEach
  void close() {
    h.close();
  }

  /** A feed that sends its snapshot, then holds its live request until cancelled. */
  void heldFeed(String run) {
    h.trigger.feed(run, snapshot("h-" + run, "0_0", insert(row("EXECUTING")), UP_TO_DATE), HELD);
  }

  void awaitRequests(int n) throws InterruptedException {
    awaitTrue(() -> h.trigger.requests().size() >= n, n + " requests");
  }

  static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(1);
    }
  }

  @Test
  void watchesBeyondTheCapPollRetrieveAndAFreedSlotIsReused() throws Exception {
    heldFeed("run_a");
    h.trigger.retrieve("run_b", retrieve("QUEUED"), retrieveDone("COMPLETED"));
    heldFeed("run_c");

    // b's polls wait for the test, so b is seen between two of them, whatever the speed.
    h.timing.holdDelayedTasks();
    RunWatch a = h.watch("run_a");
    RunWatch b = h.watch("run_b");
    awaitTrue(() -> h.timing.heldTasks() > 0, "b's second poll to be due");
    assertEquals(RunWatch.Mode.FEED, a.mode());
    assertEquals(RunWatch.Mode.POLLING, b.mode());
    while (!b.outcome().isDone()) {
      awaitTrue(() -> h.timing.heldTasks() > 0 || b.outcome().isDone(), "b's next poll");
      h.timing.releaseDelayed();
    }
    assertTrue(await(b).isRunOver());
    assertEquals(List.of("/api/v3/runs/run_b", "/api/v3/runs/run_b"), pathsOf("run_b"));
    awaitRequests(4); // a's snapshot and held live request, b's two polls
    assertEquals(1, h.watcher.liveFeeds());

    a.cancel();
    assertEquals(0, h.watcher.liveFeeds());
    RunWatch c = h.watch("run_c");
    assertEquals(RunWatch.Mode.FEED, c.mode(), "the freed slot is taken by the next watch");
    assertTrue(pathsOf("run_a").stream().allMatch(p -> p.startsWith("/realtime/")));
  }

  @Test
  void aWatchPollingBeyondTheCapTakesTheFeedWhenASlotFrees() throws Exception {
    h.timing.holdDelayedTasks();
    heldFeed("run_a");
    h.trigger.retrieve("run_b", retrieve("EXECUTING"));
    h.trigger.feed("run_b", snapshot("h-b", "0_0", insert(row("COMPLETED_SUCCESSFULLY")), UP_TO_DATE));

    RunWatch a = h.watch("run_a");
    RunWatch b = h.watch("run_b");
    assertEquals(RunWatch.Mode.POLLING, b.mode(), "beyond the cap, retrieve is polled");
    awaitTrue(() -> h.timing.heldTasks() == 1, "b's next poll to be scheduled");
    assertEquals(List.of("/api/v3/runs/run_b"), pathsOf("run_b"));

    a.cancel();
    assertTrue(await(b).isRunOver(), "the feed took over and saw the run end");
    assertEquals(List.of("/api/v3/runs/run_b", "/realtime/v1/runs/run_b"), pathsOf("run_b"));
    h.timing.releaseDelayed(); // the poll b had scheduled before the feed took over
    Thread.sleep(50);
    assertEquals(2, pathsOf("run_b").size(), "the dropped poll sends nothing");
    assertEquals(0, h.watcher.liveFeeds());
  }

  List<String> pathsOf(String run) {
    List<String> out = new ArrayList<>();
    h.trigger.requests().forEach(r -> {
      if (r.getUrl().encodedPath().endsWith("/" + run)) {
        out.add(r.getUrl().encodedPath());
      }
    });
    return out;
  }

  @Test
  void cancelStopsTheCallInFlightAndSendsNothingAfter() throws Exception {
    heldFeed(RunBodies.RUN);
    RunWatch watch = h.watch();
    awaitRequests(2);
    OkHttpClient http = h.transport.runHttp().feeds();
    assertEquals(1, http.dispatcher().runningCallsCount(), "the live request is in flight");

    watch.cancel();

    RunOutcome o = watch.outcome().getNow(null);
    assertEquals(RunOutcome.Reason.CANCELLED, o.reason());
    awaitTrue(() -> http.dispatcher().runningCallsCount() == 0, "the call to be cancelled");
    assertEquals(2, h.trigger.requests().size());
    assertEquals(RunWatch.Mode.ENDED, watch.mode());
    assertEquals(0, h.watcher.activeWatches());
    assertEquals(0, h.watcher.liveFeeds());
  }

  @Test
  void cancelDropsTheScheduledPoll() throws Exception {
    h.close();
    h = new WatchHarness(0);
    h.timing.holdDelayedTasks();
    h.trigger.otherwise(r -> retrieve("QUEUED"));
    RunWatch watch = h.watch();
    awaitTrue(() -> h.timing.heldTasks() == 1, "the next poll to be scheduled");

    watch.cancel();

    assertEquals(RunOutcome.Reason.CANCELLED, await(watch).reason());
    assertEquals(0, h.timing.releaseDelayed(), "the scheduled poll was cancelled");
    assertEquals(1, h.trigger.requests().size());
  }

  @Test
  void cancellingTheOutcomeFutureStopsTheWatch() throws Exception {
    h.close();
    h = new WatchHarness(0);
    h.timing.holdDelayedTasks();
    h.trigger.otherwise(r -> retrieve("QUEUED"));
    RunWatch watch = h.watch();
    awaitTrue(() -> h.timing.heldTasks() == 1, "the next poll to be scheduled");

    watch.outcome().cancel(true);

    assertEquals(RunWatch.Mode.ENDED, watch.mode());
    assertEquals(0, h.timing.releaseDelayed());
    assertEquals(1, h.trigger.requests().size());
    assertEquals(0, h.watcher.activeWatches());
  }

  @Test
  void closeEndsEveryWatchAndLaterWatchesEndAtOnce() throws Exception {
    heldFeed("run_a");
    h.trigger.otherwise(r -> retrieve("QUEUED"));
    h.timing.holdDelayedTasks();
    RunWatch feed = h.watch("run_a");
    RunWatch polling = h.watch("run_b");
    awaitRequests(3);
    awaitTrue(() -> h.timing.heldTasks() == 1, "run_b's next poll to be scheduled");

    h.watcher.close();

    assertEquals(RunOutcome.Reason.CLIENT_CLOSED, await(feed).reason());
    assertEquals(RunOutcome.Reason.CLIENT_CLOSED, await(polling).reason());
    assertEquals(0, h.timing.releaseDelayed());
    RunWatch late = h.watch("run_c");
    assertEquals(RunOutcome.Reason.CLIENT_CLOSED, late.outcome().getNow(null).reason());
    awaitTrue(() -> h.transport.runHttp().runningCalls() == 0, "calls to end");
    assertEquals(3, h.trigger.requests().size());
  }

  @Test
  void aHandleWithoutARunOrAWatcherThatIsOffSendsNothing() {
    RunWatch unknown = h.watcher.watch(RunHandle.unknown(), RunWatchListener.NONE);
    assertEquals(RunOutcome.Reason.NO_RUN, unknown.outcome().getNow(null).reason());
    RunWatch off = RunWatcher.disabled().watch(RunHandle.of("run_1", TriggerFake.TOKEN), RunWatchListener.NONE);
    assertEquals(RunOutcome.Reason.DISABLED, off.outcome().getNow(null).reason());
    assertEquals(RunWatch.Mode.ENDED, off.mode());
    assertTrue(h.trigger.requests().isEmpty());
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> h.watcher.watch(RunHandle.of("run_1", "abc\r\nX-Injected: " + TriggerFake.TOKEN), RunWatchListener.NONE));
    assertEquals("run.publicAccessToken", e.field());
    assertFalse(e.getMessage().contains(TriggerFake.TOKEN), e.getMessage());
    assertEquals("run", assertThrows(InvalidInputException.class,
        () -> h.watcher.watch(null, RunWatchListener.NONE)).field());
    assertEquals("listener", assertThrows(InvalidInputException.class,
        () -> h.watcher.watch(RunHandle.of("run_1", TriggerFake.TOKEN), null)).field());
    assertTrue(h.trigger.requests().isEmpty());
  }

  @Test
  void aListenerThatThrowsDoesNotChangeTheWatch() throws Exception {
    h.trigger.feed(RunBodies.RUN, snapshot("h1", "0_0", insert(row("COMPLETED_SUCCESSFULLY")), UP_TO_DATE));
    RunWatch watch = h.watcher.watch(RunHandle.of(RunBodies.RUN, TriggerFake.TOKEN), new RunWatchListener() {
      @Override
      public void onUpdate(RunUpdate update) {
        throw new IllegalStateException("listener bug");
      }
    });
    assertEquals(RunStatus.COMPLETED, await(watch).finalStatus().get());
  }

  @Test
  void thousandsOfWatchesRunOnAFewThreadsWithinTheLimits() throws Exception {
    h.close();
    h = new WatchHarness(2);
    Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
    AtomicInteger retrieves = new AtomicInteger();
    AtomicInteger maxFeeds = new AtomicInteger();
    AtomicInteger maxRetrieves = new AtomicInteger();
    h.trigger.otherwise(r -> {
      String run = r.getUrl().pathSegments().get(r.getUrl().pathSegments().size() - 1);
      int n = polls.computeIfAbsent(run, k -> new AtomicInteger()).incrementAndGet();
      if (r.getUrl().encodedPath().startsWith("/realtime/")) {
        return snapshot("h", "0_0", insert(row("COMPLETED_SUCCESSFULLY")), UP_TO_DATE);
      }
      return n == 1 ? retrieve("EXECUTING") : retrieveDone("COMPLETED");
    });
    List<long[]> feedSpans = new java.util.concurrent.CopyOnWriteArrayList<>();
    okhttp3.Interceptor counter = chain -> {
      boolean feed = chain.request().url().encodedPath().startsWith("/realtime/");
      if (feed) {
        // A feed whose watch ended as it began is cancelled at once: count the ones that ran.
        long start = System.nanoTime();
        try {
          return chain.proceed(chain.request());
        } finally {
          if (!chain.call().isCanceled()) {
            feedSpans.add(new long[] {start, System.nanoTime()});
          }
        }
      }
      maxRetrieves.accumulateAndGet(retrieves.incrementAndGet(), Math::max);
      try {
        return chain.proceed(chain.request());
      } finally {
        retrieves.decrementAndGet();
      }
    };
    RunHttp counting = h.transport.runHttp().map(c -> c.newBuilder().addInterceptor(counter).build());
    RunWatcher watcher = new RunWatcher(h.trigger.url(), counting, h.timing, 2);
    int n = 1000;
    List<CompletableFuture<RunOutcome>> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(watcher.watch(RunHandle.of("run_" + i, TriggerFake.TOKEN), RunWatchListener.NONE).outcome());
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);

    for (CompletableFuture<RunOutcome> f : all) {
      assertTrue(f.get().isRunOver(), f.get().toString());
    }
    for (long[] span : feedSpans) {
      long overlapping = feedSpans.stream().filter(o -> o[0] <= span[0] && o[1] > span[0]).count();
      maxFeeds.accumulateAndGet((int) overlapping, Math::max);
    }
    assertTrue(maxFeeds.get() <= 2, "feeds in flight: " + maxFeeds);
    assertEquals(RunLimits.RETRIEVE_CONCURRENCY, maxRetrieves.get(), "retrieves in flight");
    // Feeds hold threads of their own, at most the cap; retrieves run on Puffle's HTTP threads.
    assertTrue(threadsNamed("puffle-run-feed-") <= 2, threadsNamed("puffle-run-feed-") + " feed threads");
    assertEquals(0, threadsNamed("puffle-run-read-"), "stream threads");
    assertEquals(0, watcher.activeWatches());
    watcher.close();
  }

  private static long threadsNamed(String prefix) {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
  }
}
