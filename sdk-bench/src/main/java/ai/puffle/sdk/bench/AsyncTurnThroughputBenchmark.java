package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.CampaignSeed;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.NodeSeed;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Turns per second through {@code client.async().sessions().turnAndWait} against FakePuffle
 * whose turns finish at once ({@code turnDuration(0)}), with short polling ({@code 1 ms to 5 ms}).
 * A turn is a GET (is the session idle?), the POST, and one or more polls. One flow in flight,
 * or 64 at a time (launched together, then joined), each on its own session from a pool.
 *
 * <p>{@code http=sdk} is the client's own OkHttp; {@code http=nonrejecting} hands in an
 * OkHttpClient that differs only by an executor that never rejects a call (see {@link
 * NonRejectingHttp}). Requests per turn are printed at the end of each trial.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AsyncTurnThroughputBenchmark {
  private static final WaitOptions WAIT = WaitOptions.builder()
      .pollInterval(Duration.ofMillis(1), Duration.ofMillis(5))
      .timeout(Duration.ofSeconds(60))
      .build();
  /** AI nodes per seeded campaign; the pool has one session on each node. */
  private static final int NODES_PER_CAMPAIGN = 64;

  /** Which OkHttpClient the SDK runs on. */
  @Param({"sdk", "nonrejecting"})
  public String http;

  /** Sessions in the pool (turns rotate over them, so transcripts stay short). */
  @Param({"4096"})
  public int pool;

  private FakePuffle fake;
  private OkHttpClient own;
  private PuffleClient client;
  private String[] sessions;
  private int next;
  private final AtomicLong turns = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private int requestsBefore;

  /** Starts the emulator and the client, and creates the session pool. */
  @Setup(Level.Trial)
  public void start() {
    fake = FakePuffle.builder().timeMode(TimeMode.realTime()).turnDuration(Duration.ZERO).start();
    PuffleClient.Builder builder = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl());
    if (http.equals("nonrejecting")) {
      own = NonRejectingHttp.client(10);
      builder.okHttpClient(own);
    }
    client = builder.build();
    // One session per AI node, as on a real campaign: creating a session lists its node's
    // sessions, so a pool on a single node would take time growing with its square to set up.
    sessions = new String[pool];
    for (int first = 0; first < pool; first += NODES_PER_CAMPAIGN) {
      int nodes = Math.min(NODES_PER_CAMPAIGN, pool - first);
      CampaignSeed.Builder seed = CampaignSeed.builder().name("Throughput " + first);
      for (int k = 0; k < nodes; k++) {
        seed.node(NodeSeed.ai("Intro email " + k));
      }
      SeededCampaign campaign = fake.seedCampaign(seed.build());
      for (int k = 0; k < nodes; k++) {
        sessions[first + k] =
            client.sessions().create(campaign.campaignId(), campaign.nodeId(k)).id();
      }
    }
    requestsBefore = fake.requestCount();
  }

  /** Prints requests per turn and stops everything. */
  @TearDown(Level.Trial)
  public void stop() {
    long n = Math.max(1, turns.get());
    System.out.printf("%n[AsyncTurnThroughput http=%s] %d turns, %d failed, %.2f requests per turn%n",
        http, turns.get(), failures.get(), (fake.requestCount() - requestsBefore) / (double) n);
    client.close();
    if (own != null) {
      NonRejectingHttp.shutdown(own);
    }
    fake.close();
  }

  private CompletableFuture<TurnResult> turn() {
    String id = sessions[next++ % pool];
    return client.async().sessions().turnAndWait(id, TurnRequest.of("Write an intro email"), WAIT)
        .whenComplete((r, e) -> (e == null ? turns : failures).incrementAndGet());
  }

  /** One turn at a time. */
  @Benchmark
  public TurnResult oneInFlight() {
    return turn().join();
  }

  /** 64 turns launched together, then joined (a failed turn is counted and printed, not thrown). */
  @Benchmark
  @OperationsPerInvocation(64)
  public void sixtyFourInFlight() {
    CompletableFuture<?>[] batch = new CompletableFuture<?>[64];
    for (int i = 0; i < batch.length; i++) {
      batch[i] = turn().exceptionally(e -> null);
    }
    CompletableFuture.allOf(batch).join();
  }
}
