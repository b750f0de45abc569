package ai.puffle.sdk.reliability;

import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The faults of the feed matrix, on Trigger.dev's run endpoints while a wait follows its task's
 * run. Unless a row says otherwise, the fault is aimed at the first run request the watch sends
 * after it has heard from the run (so the wait's session polls are already a slow safety net):
 * it is armed at the first quiet point after the watch's first answer, which on the feed is when
 * the first live request is held (the fault then hits the next one, sent when the run is
 * dequeued half a second later), and on retrieve before the second poll.
 */
enum FeedFault {
  /** No fault: the baseline. */
  NONE("none", FeedRig.DEFAULT_MAX_LIVE_FEEDS),
  /** The feed request's connection is closed before it is answered. */
  FEED_DROP("feed: drop", Operation.SUBSCRIBE_TO_RUN, 1, Fault.disconnect()),
  /** 409 must-refetch: the run's shape was rotated; start again from offset -1. */
  FEED_MUST_REFETCH("feed: must-refetch", Operation.SUBSCRIBE_TO_RUN, 1, Fault.mustRefetch()),
  /** Trigger.dev's live-request limit, once. */
  FEED_429("feed: 429", Operation.SUBSCRIBE_TO_RUN, 1, FeedFault.tooMany()),
  /** The limit four times in a row: the feed gives up after three retries and polls retrieve. */
  FEED_429_GIVE_UP("feed: 429 x4", Operation.SUBSCRIBE_TO_RUN, 4, FeedFault.tooMany()),
  /** A live request that is never answered (the read timeout, 45 s of real time, never fires). */
  FEED_STALL("feed: stall", Operation.SUBSCRIBE_TO_RUN, 1, Fault.stall()),
  /** The first feed request is never answered: the watch never hears from the run. */
  FEED_STALL_FIRST("feed: stall first", FeedRig.DEFAULT_MAX_LIVE_FEEDS) {
    @Override
    void arm(FeedRig rig, FeedOp op, String session) {
      rig.fake.faults().next(Operation.SUBSCRIBE_TO_RUN, Fault.stall());
    }
  },
  /** The run's token expires: 401 from now on, on both endpoints. */
  FEED_TOKEN_EXPIRED("feed: token expired", Operation.SUBSCRIBE_TO_RUN, 1, Fault.tokenExpired()),
  /** A 200 whose body is not JSON, with Electric's headers. */
  FEED_GARBAGE("feed: garbage body", Operation.SUBSCRIBE_TO_RUN, 1, Fault.malformedJson()),
  /** No fault, on a client with {@code maxLiveRunFeeds(0)}: every watch polls retrieve. */
  RETRIEVE("retrieve: none", 0),
  RETRIEVE_DROP("retrieve: drop", Operation.RETRIEVE_RUN, 1, Fault.disconnect()),
  RETRIEVE_429("retrieve: 429", Operation.RETRIEVE_RUN, 1, FeedFault.tooMany()),
  /** Six in a row: retrieve polling gives up after five retries. */
  RETRIEVE_429_GIVE_UP("retrieve: 429 x6", Operation.RETRIEVE_RUN, 6, FeedFault.tooMany()),
  RETRIEVE_STALL("retrieve: stall", Operation.RETRIEVE_RUN, 1, Fault.stall()),
  RETRIEVE_TOKEN_EXPIRED("retrieve: token expired", Operation.RETRIEVE_RUN, 1, Fault.tokenExpired()),
  RETRIEVE_GARBAGE("retrieve: garbage body", Operation.RETRIEVE_RUN, 1, Fault.malformedJson()),
  /** {@code serveTriggerRuns(false)}: both endpoints answer 404 from the start. */
  ENDPOINTS_OFF("endpoints off", FeedRig.DEFAULT_MAX_LIVE_FEEDS) {
    @Override
    void arm(FeedRig rig, FeedOp op, String session) {
      rig.fake.serveTriggerRuns(false);
    }
  },
  /**
   * A client with {@code maxLiveRunFeeds(1)} whose one feed follows another session's turn, sent
   * 5 s earlier and waited for with {@code awaitIdle(session, run)}; the cell's task starts at
   * the same virtual instant as that wait (both through {@code client.async()}, started while the
   * driver is paused), so its watch gets no feed and polls retrieve; when the other task ends, 5
   * s before the cell's, the freed feed goes to the cell's watch.
   */
  OVER_THE_CAP("over the cap", 1) {
    @Override
    void prepare(FeedRig rig, FeedOp op, String session) {
      String other = rig.newSession();
      RunHandle run = rig.client.sessions().turn(other, TurnRequest.of("A follow-up for the other node"));
      rig.timing.moveTo(rig.now() + Duration.ofSeconds(5).toNanos());
      rig.background = () -> rig.client.async().sessions().awaitIdle(other, run);
    }

    @Override
    String run(FeedRig rig, FeedOp op, String session) throws Exception {
      VirtualDriver driver = rig.driver();
      driver.pause();
      CompletableFuture<Session> background;
      CompletableFuture<String> mine;
      try {
        background = rig.background.get();
        settle(rig, () -> rig.watcher.liveFeeds() == 1, "the other wait's watch takes the feed");
        mine = op.start(rig, session);
        settle(rig, () -> rig.watcher.activeWatches() == 2, "the cell's watch starts");
      } finally {
        driver.resume();
      }
      String outcome = mine.get(FeedCell.REAL_LIMIT.toSeconds(), TimeUnit.SECONDS);
      background.get(FeedCell.REAL_LIMIT.toSeconds(), TimeUnit.SECONDS);
      return outcome;
    }
  };

  final String label;
  /** The client's {@code maxLiveRunFeeds}. */
  final int maxLiveFeeds;
  private final Operation target;
  private final int count;
  private final Fault fault;

  FeedFault(String label, int maxLiveFeeds) {
    this(label, maxLiveFeeds, null, 0, null);
  }

  FeedFault(String label, Operation target, int count, Fault fault) {
    this(label, target == Operation.RETRIEVE_RUN ? 0 : FeedRig.DEFAULT_MAX_LIVE_FEEDS, target, count, fault);
  }

  FeedFault(String label, int maxLiveFeeds, Operation target, int count, Fault fault) {
    this.label = label;
    this.maxLiveFeeds = maxLiveFeeds;
    this.target = target;
    this.count = count;
    this.fault = fault;
  }

  /** Trigger.dev's answer when an environment has too many live requests. */
  private static Fault tooMany() {
    return Fault.status(429, "Too many concurrent requests");
  }

  /** Before the clock is aligned for the cell's task: what the row needs first. */
  void prepare(FeedRig rig, FeedOp op, String session) {}

  /** Arms the fault, right before the cell's task is sent. */
  void arm(FeedRig rig, FeedOp op, String session) {
    if (target == null) {
      return;
    }
    int before = rig.fake.requestCount(target);
    AtomicBoolean armed = new AtomicBoolean();
    rig.onQuiet(r -> {
      if (!armed.get() && r.fake.requestCount(target) > before) {
        armed.set(true);
        r.fake.faults().next(target, count, fault);
      }
    });
  }

  /** Runs the cell's task and wait; returns the outcome. */
  String run(FeedRig rig, FeedOp op, String session) throws Exception {
    return op.run(rig, session);
  }

  /** Whether the fault was armed and used up (a cell that did not exercise it is wrong). */
  boolean exercised(FeedRig rig) {
    return target == null || (rig.fake.faults().pending() == 0
        && rig.fake.injectedFaults().stream().filter(f -> f.operation() == target).count() == count);
  }

  /** Waits, with the driver paused, until the system is quiet and {@code condition} holds. */
  private static void settle(FeedRig rig, BooleanSupplier condition, String what) {
    long end = System.nanoTime() + VirtualDriver.QUIET_LIMIT_NANOS;
    while (!(rig.driver().awaitQuiet() && condition.getAsBoolean())) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting until " + what);
      }
      Thread.onSpinWait();
    }
  }
}
