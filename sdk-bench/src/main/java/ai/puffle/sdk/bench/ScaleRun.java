package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.CampaignSeed;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.NodeSeed;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;

/**
 * One scale run in this JVM: N turn-and-wait flows, each on its own session, against a
 * FakePuffle whose turns take a fixed time in real time. Measures completions, wall time,
 * threads, heap after GC, requests per turn and wake-up latency (see {@link WakeupClock}).
 */
public final class ScaleRun {
  /** How the flows wait. */
  public enum Mode {
    /** {@code client.async().sessions().turnAndWait}, the SDK's own HTTP client, polling only. */
    SDK("sdk"),
    /** The same, following each turn's run on the emulator, with a live feed per wait. */
    WATCH("watch"),
    /** The same, with the client's default cap of live feeds (the rest poll the run). */
    WATCH_CAPPED("watch-capped"),
    /** The same, on an OkHttpClient that differs only by a non-rejecting executor. */
    SDK_NON_REJECTING("sdk-nonrejecting"),
    /** A platform thread per flow: blocking {@code turn}, then {@code get} every 2 s. */
    NAIVE("naive");

    final String label;

    Mode(String label) {
      this.label = label;
    }

    /** The mode with this label. */
    public static Mode of(String label) {
      for (Mode m : values()) {
        if (m.label.equals(label)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown mode " + label);
    }
  }

  /** What to run. */
  public static final class Config {
    /** Label for the report. */ public String scenario = "run";
    /** How flows wait. */ public Mode mode = Mode.SDK;
    /** Concurrent flows. */ public int n = 100;
    /** Emulator task time (real time). */ public Duration task = Duration.ofSeconds(2);
    /** The SDK's wait policy. */ public WaitOptions wait = WaitOptions.defaults();
    /** Label of the wait policy. */ public String waitLabel = "defaults (2 s to 5 s, x1.5, 20% jitter)";
    /** The naive poller's sleep. */ public Duration naivePoll = Duration.ofSeconds(2);
    /** Spread flow starts evenly over this time (zero: all at once). */ public Duration stagger = Duration.ZERO;
    /** Give up waiting for flows after this. */ public Duration deadline = Duration.ofMinutes(8);
    /** Force a full GC once all turns were sent, for a heap checkpoint. */ public boolean heapCheckpoint = true;
    /** Progress lines go here (null: none). */ public java.io.PrintStream log = System.err;
    /** Gets a partial result at the start and every 0.5 s during the run (null: none). */
    public java.util.function.Consumer<ScaleResult> progress;
  }

  private static final int NODES_PER_CAMPAIGN = 50;
  private static final int SEEDING_THREADS = 4;

  private ScaleRun() {}

  /** Runs {@code cfg} and returns its figures. */
  public static ScaleResult run(Config cfg) throws Exception {
    ScaleResult r = new ScaleResult();
    r.scenario = cfg.scenario;
    r.mode = cfg.mode.label;
    r.n = cfg.n;
    r.taskMs = cfg.task.toMillis();
    r.staggerMs = cfg.stagger.toMillis();
    r.waitPolicy = cfg.mode == Mode.NAIVE ? "fixed " + cfg.naivePoll.toMillis() + " ms sleep" : cfg.waitLabel;
    r.maxHeapMb = mb(HeapWatcher.maxHeap());
    WakeupClock clock = new WakeupClock();
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.realTime()).turnDuration(cfg.task)
            .replyModel(clock).defaultCampaign(false).start();
        ThreadWatcher threads = new ThreadWatcher();
        HeapWatcher heap = new HeapWatcher()) {
      List<String[]> nodes = seedNodes(fake, cfg.n);
      RetryCounter retries = new RetryCounter();
      OkHttpClient own = cfg.mode == Mode.SDK_NON_REJECTING ? NonRejectingHttp.client(10) : null;
      PuffleClient.Builder builder = PuffleClient.builder()
          .apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).eventListener(retries)
          .triggerApiUrl(fake.triggerApiUrl())
          .watchRuns(cfg.mode == Mode.WATCH || cfg.mode == Mode.WATCH_CAPPED);
      if (cfg.mode == Mode.WATCH) {
        builder.maxLiveRunFeeds(Math.min(1024, cfg.n));
      }
      if (own != null) {
        builder.okHttpClient(own);
      }
      PuffleClient client = builder.build();
      List<String> sessions = createSessions(client, nodes);
      log(cfg, "%s: %d sessions seeded; running", cfg.scenario, sessions.size());
      Map<Operation, Integer> before = counts(fake);
      int totalBefore = fake.requestCount();
      r.heapBeforeMb = mb(heap.checkpoint());
      heap.reset();
      retries.reset();
      threads.resetPeak();

      long[] startAt = new long[cfg.n];
      long[] doneAt = new long[cfg.n];
      boolean[] ok = new boolean[cfg.n];
      Map<String, Integer> failures = new TreeMap<>();
      CountDownLatch done = new CountDownLatch(cfg.n);
      java.util.concurrent.atomic.AtomicInteger okCount = new java.util.concurrent.atomic.AtomicInteger();
      Thread checkpoint = heapCheckpoint(cfg, fake, before.get(Operation.RUN_TURN), heap, r);
      long t0 = System.nanoTime();
      Flows flows = cfg.mode == Mode.NAIVE
          ? new NaiveFlows(client, cfg.naivePoll)
          : new AsyncFlows(client, cfg.wait);
      java.util.function.Supplier<ScaleResult> snapshot = () -> {
        ScaleResult p = copyHeader(r);
        p.completed = okCount.get();
        p.failed = (int) (cfg.n - done.getCount()) - p.completed;
        synchronized (failures) {
          p.failures = new TreeMap<>(failures);
        }
        p.wallMs = (System.nanoTime() - t0) / 1_000_000;
        p.peakLiveThreads = threads.peakLiveThreads();
        p.sdkOkHttpThreads = threads.sdkAndOkHttpThreads();
        p.threadKinds = threads.newThreadsByKind();
        p.threadsStarted = threads.threadsStarted();
        p.peakHeapAfterGcMb = mb(heap.peakAfterGc());
        p.retries = retries.total.get();
        p.rejectedRetries = retries.rejected.get();
        p.outcome = "running";
        return p;
      };
      ScheduledExecutorService reporter = cfg.progress == null ? null
          : Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "bench-progress"));
      if (reporter != null) {
        reporter.scheduleAtFixedRate(() -> cfg.progress.accept(snapshot.get()), 0, 500, TimeUnit.MILLISECONDS);
      }
      ScheduledExecutorService launcher = Executors.newSingleThreadScheduledExecutor(
          runnable -> daemon(runnable, "bench-launcher"));
      for (int i = 0; i < cfg.n; i++) {
        int flow = i;
        Runnable start = () -> {
          startAt[flow] = System.nanoTime();
          flows.start(sessions.get(flow), "Write an intro email for VPs of Sales (flow " + flow + ")",
              error -> {
                doneAt[flow] = System.nanoTime();
                if (error == null) {
                  ok[flow] = true;
                  okCount.incrementAndGet();
                } else {
                  synchronized (failures) {
                    failures.merge(describe(error), 1, Integer::sum);
                  }
                }
                done.countDown();
              });
        };
        long delay = cfg.stagger.isZero() ? 0 : cfg.stagger.toNanos() * i / cfg.n;
        if (delay == 0) {
          start.run();
        } else {
          launcher.schedule(start, delay, TimeUnit.NANOSECONDS);
        }
      }
      boolean finished = done.await(cfg.deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (reporter != null) {
        reporter.shutdownNow();
      }
      launcher.shutdownNow();
      checkpoint.interrupt();
      r.peakLiveThreads = threads.peakLiveThreads();

      List<Double> wake = new ArrayList<>();
      List<Double> flowTimes = new ArrayList<>();
      long last = t0;
      for (int i = 0; i < cfg.n; i++) {
        if (doneAt[i] != 0) {
          last = Math.max(last, doneAt[i]);
        }
        if (ok[i]) {
          r.completed++;
          flowTimes.add((doneAt[i] - startAt[i]) / 1e6);
          Long cleared = clock.clearedAt(sessions.get(i));
          if (cleared != null) {
            wake.add((doneAt[i] - cleared) / 1e6);
          }
        }
      }
      r.failed = cfg.n - r.completed;
      r.outcome = finished ? "ok" : "deadline";
      if (!finished) {
        failures.merge("unfinished after " + cfg.deadline.toSeconds() + " s", (int) done.getCount(), Integer::sum);
      }
      r.failures = failures;
      r.wallMs = (last - t0) / 1_000_000;
      r.wakeMedianMs = orMinus(Stats.percentile(wake, 50));
      r.wakeP99Ms = orMinus(Stats.percentile(wake, 99));
      r.wakeMaxMs = orMinus(Stats.percentile(wake, 100));
      r.wakeMeanMs = orMinus(wake.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
      r.flowMedianMs = orMinus(Stats.percentile(flowTimes, 50));
      Map<Operation, Integer> after = counts(fake);
      r.requestsPerTurn = (fake.requestCount() - totalBefore) / (double) cfg.n;
      r.getsPerTurn = (after.get(Operation.GET_SESSION) - before.get(Operation.GET_SESSION)) / (double) cfg.n;
      r.postsPerTurn = (after.get(Operation.RUN_TURN) - before.get(Operation.RUN_TURN)) / (double) cfg.n;
      r.runRequestsPerTurn = (after.get(Operation.RETRIEVE_RUN) - before.get(Operation.RETRIEVE_RUN)
          + after.get(Operation.SUBSCRIBE_TO_RUN) - before.get(Operation.SUBSCRIBE_TO_RUN)) / (double) cfg.n;
      r.retries = retries.total.get();
      r.rejectedRetries = retries.rejected.get();
      r.peakHeapAfterGcMb = mb(heap.peakAfterGc());
      flows.close();
      client.close();
      if (own != null) {
        NonRejectingHttp.shutdown(own);
      }
      r.sdkOkHttpThreads = threads.sdkAndOkHttpThreads();
      r.threadsStarted = threads.threadsStarted();
      r.threadKinds = threads.newThreadsByKind();
      r.heapAfterMb = mb(heap.checkpoint());
      log(cfg, "%s: %d/%d completed in %d ms", cfg.scenario, r.completed, cfg.n, r.wallMs);
    }
    return r;
  }

  private static ScaleResult copyHeader(ScaleResult r) {
    ScaleResult p = new ScaleResult();
    p.scenario = r.scenario;
    p.mode = r.mode;
    p.n = r.n;
    p.taskMs = r.taskMs;
    p.waitPolicy = r.waitPolicy;
    p.staggerMs = r.staggerMs;
    p.maxHeapMb = r.maxHeapMb;
    p.heapBeforeMb = r.heapBeforeMb;
    return p;
  }

  /** Seeds campaigns of 50 AI nodes each, enough for one node per flow. */
  static List<String[]> seedNodes(FakePuffle fake, int n) {
    List<String[]> nodes = new ArrayList<>(n);
    while (nodes.size() < n) {
      CampaignSeed.Builder seed = CampaignSeed.builder().name("Scale " + nodes.size())
          .lead("Ada", "Lovelace", "Analytical Engines");
      for (int i = 0; i < NODES_PER_CAMPAIGN; i++) {
        seed.node(NodeSeed.ai("Intro email " + i));
      }
      SeededCampaign campaign = fake.seedCampaign(seed.build());
      for (int i = 0; i < campaign.nodeIds().size() && nodes.size() < n; i++) {
        if (!campaign.nodeId(i).equals(campaign.firstOfType("end"))) {
          nodes.add(new String[] {campaign.campaignId(), campaign.nodeId(i)});
        }
      }
    }
    return nodes;
  }

  /** Creates one session per node with blocking calls on a few threads (not part of the run). */
  static List<String> createSessions(PuffleClient client, List<String[]> nodes) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(SEEDING_THREADS, r -> daemon(r, "bench-seed"));
    try {
      List<Future<String>> ids = new ArrayList<>(nodes.size());
      for (String[] node : nodes) {
        ids.add(pool.submit(() -> client.sessions().create(node[0], node[1]).id()));
      }
      List<String> sessions = new ArrayList<>(nodes.size());
      for (Future<String> id : ids) {
        sessions.add(id.get());
      }
      return sessions;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Forces one full GC when every turn has been sent, to see the heap at its fullest. */
  private static Thread heapCheckpoint(
      Config cfg, FakePuffle fake, int turnsBefore, HeapWatcher heap, ScaleResult r) {
    Thread t = daemon(() -> {
      try {
        while (fake.requestCount(Operation.RUN_TURN) - turnsBefore < cfg.n) {
          Thread.sleep(20);
        }
        r.heapAllSentMb = mb(heap.checkpoint());
      } catch (InterruptedException stopped) {
        // the run ended first
      }
    }, "bench-heap-checkpoint");
    if (cfg.heapCheckpoint) {
      t.start();
    }
    return t;
  }

  private static Map<Operation, Integer> counts(FakePuffle fake) {
    Map<Operation, Integer> counts = new java.util.EnumMap<>(Operation.class);
    for (Operation op : Operation.values()) {
      counts.put(op, fake.requestCount(op));
    }
    return counts;
  }

  static String describe(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.CompletionException
        || e instanceof java.util.concurrent.ExecutionException) && e.getCause() != null) {
      e = e.getCause();
    }
    String message = String.valueOf(e.getMessage()).replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>");
    return e.getClass().getSimpleName() + ": " + message.substring(0, Math.min(120, message.length()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private static double mb(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  private static double orMinus(double v) {
    return Double.isNaN(v) ? -1 : Math.round(v * 10) / 10.0;
  }

  private static void log(Config cfg, String format, Object... args) {
    if (cfg.log != null) {
      cfg.log.println(String.format(format, args));
    }
  }

  /** Counts the retries the SDK reports, and those caused by a rejected dispatch. */
  static final class RetryCounter implements PuffleEventListener.Factory {
    final AtomicLong total = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    @Override
    public PuffleEventListener create(PuffleEventListener.Operation operation) {
      return new PuffleEventListener() {
        private Throwable lastFailure;

        @Override
        public void attemptEnd(Attempt attempt, int statusCode, String requestId,
            java.time.Duration duration, Throwable failure) {
          lastFailure = failure;
        }

        @Override
        public void retryScheduled(Attempt failed, RetryReason reason, java.time.Duration delay) {
          total.incrementAndGet();
          if (lastFailure != null && String.valueOf(lastFailure.getMessage()).contains("executor rejected")) {
            rejected.incrementAndGet();
          }
        }
      };
    }

    void reset() {
      total.set(0);
      rejected.set(0);
    }
  }

  /** Starts flows of one kind. */
  interface Flows extends AutoCloseable {
    /** Starts a flow; {@code done} gets null on success or the failure. */
    void start(String sessionId, String message, java.util.function.Consumer<Throwable> done);

    @Override
    default void close() {}
  }

  /** The SDK's async turn-and-wait: no thread per flow. */
  static final class AsyncFlows implements Flows {
    private final PuffleClient client;
    private final WaitOptions wait;

    AsyncFlows(PuffleClient client, WaitOptions wait) {
      this.client = client;
      this.wait = wait;
    }

    @Override
    public void start(String sessionId, String message, java.util.function.Consumer<Throwable> done) {
      client.async().sessions().turnAndWait(sessionId, TurnRequest.of(message), wait)
          .whenComplete((result, error) -> done.accept(error));
    }
  }

  /** A platform thread per flow: blocking turn, then sleep and get until idle. */
  static final class NaiveFlows implements Flows {
    private final PuffleClient client;
    private final long pollMillis;
    private final AtomicLong threads = new AtomicLong();

    NaiveFlows(PuffleClient client, Duration poll) {
      this.client = client;
      this.pollMillis = poll.toMillis();
    }

    @Override
    public void start(String sessionId, String message, java.util.function.Consumer<Throwable> done) {
      Thread t = new Thread(() -> {
        try {
          client.sessions().turn(sessionId, TurnRequest.of(message));
          Session s;
          do {
            Thread.sleep(pollMillis);
            s = client.sessions().get(sessionId);
          } while (s.isBusy());
          done.accept(null);
        } catch (Throwable e) {
          done.accept(e);
        }
      }, "naive-flow-" + threads.incrementAndGet());
      t.start();
    }
  }
}
