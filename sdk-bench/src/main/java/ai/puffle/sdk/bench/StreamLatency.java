package ai.puffle.sdk.bench;

import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.internal.run.RunLimits;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.TimeMode;
import ai.puffle.sdk.testkit.internal.trigger.StreamTap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Streamed turns: N turns started at once on one client with {@code startTurn}, each read live
 * through {@code onEvent}, against the emulator in real time. For every chunk, the time from the
 * emulator writing it to the connection (after the flush) to the client's listener receiving it;
 * and whether every turn completed, on how many threads and how much heap.
 *
 * <pre>java -cp ... ai.puffle.sdk.bench.StreamLatency [N ...] (default 8 1000; 5 s turns)</pre>
 */
public final class StreamLatency {
  static final Duration TASK = Duration.ofSeconds(5);

  private StreamLatency() {}

  public static void main(String[] args) throws Exception {
    List<Integer> ns = new ArrayList<>();
    for (String a : args) {
      ns.add(Integer.parseInt(a));
    }
    if (ns.isEmpty()) {
      ns = List.of(8, 1000);
    }
    System.out.println("### Streamed turns: chunk written by the emulator -> received by the client's listener ("
        + TASK.getSeconds() + " s turns, real time, one client, " + RunLimits.STREAM_CONCURRENCY
        + " streams read at once)\n");
    System.out.println("| turns at once | completed | failed | chunks received | chunks timed | latency p50 ms | p99 ms | max ms"
        + " | chunks per turn | SDK+OkHttp threads | heap after GC: peak MB |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int n : ns) {
      System.out.println(run(n, TASK));
    }
  }

  /** One row of the table: {@code n} turns of {@code task} each, at once. */
  static String run(int n, Duration task) throws Exception {
    Map<String, Long> written = new ConcurrentHashMap<>();
    Map<String, Long> received = new ConcurrentHashMap<>();
    StreamTap.listen((runId, index, nanos) -> written.put(runId + "#" + index, nanos));
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.realTime()).turnDuration(task)
            .defaultCampaign(false).start();
        ThreadWatcher threads = new ThreadWatcher();
        HeapWatcher heap = new HeapWatcher();
        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
            .triggerApiUrl(fake.triggerApiUrl()).build()) {
      List<String> sessions = ScaleRun.createSessions(client, ScaleRun.seedNodes(fake, n));
      heap.checkpoint();
      heap.reset();
      threads.resetPeak();
      CountDownLatch done = new CountDownLatch(n);
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      for (String session : sessions) {
        client.async().sessions().startTurn(session, TurnRequest.of("Write an intro email"))
            .whenComplete((turn, error) -> {
              if (error != null) {
                failed.incrementAndGet();
                done.countDown();
              } else {
                listen(turn, received, ok, failed, done);
              }
            });
      }
      if (!done.await(10, TimeUnit.MINUTES)) {
        throw new IllegalStateException((n - done.getCount()) + " of " + n + " turns ended in 10 minutes");
      }
      List<Double> latencies = new ArrayList<>();
      received.forEach((key, at) -> {
        Long sent = written.get(key);
        if (sent != null) {
          latencies.add((at - sent) / 1e6);
        }
      });
      return String.format(Locale.ROOT, "| %,d | %,d | %,d | %,d | %,d | %.1f | %.1f | %.1f | %.1f | %d | %.0f |",
          n, ok.get(), failed.get(), received.size(), latencies.size(),
          Stats.percentile(latencies, 50), Stats.percentile(latencies, 99),
          latencies.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
          received.size() / (double) n, threads.sdkAndOkHttpThreads(), heap.peakAfterGc() / 1048576.0);
    } finally {
      StreamTap.listen(null);
    }
  }

  private static void listen(LiveTurn turn, Map<String, Long> received, AtomicInteger ok,
      AtomicInteger failed, CountDownLatch done) {
    String run = turn.run().runId();
    AtomicInteger index = new AtomicInteger();
    turn.onEvent(e -> {
      if (e.kind() == TurnEvent.Kind.CHUNK) {
        received.put(run + "#" + index.getAndIncrement(), System.nanoTime());
      } else if (e.kind() == TurnEvent.Kind.END) {
        (e.failure().isPresent() ? failed : ok).incrementAndGet();
        done.countDown();
      }
    });
  }
}
