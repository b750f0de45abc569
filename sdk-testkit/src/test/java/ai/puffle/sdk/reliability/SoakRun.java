package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One soak: {@code flows} turnAndWait flows through {@code client.async()} against an emulator on
 * scaled time, at most {@code inFlight} at once (one per session, so a session runs its flows one
 * after the other), with a seeded share of requests faulted. Then the emulator's turn ledger is
 * checked against what each flow reported, and client and emulator are closed.
 */
final class SoakRun {
  /** Emulator time scale: a 15 s turn takes 15 ms. */
  static final double SCALE = 0.001;
  /** Total deadline of one call (pre-read, send, busy waiting), per RequestOptions. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  /** How long a flow waits for its turn's task. */
  static final Duration WAIT_TIMEOUT = Duration.ofSeconds(30);
  /** A flow must end (either way) within this: call timeout + wait timeout + slack. */
  static final Duration FLOW_DEADLINE = CALL_TIMEOUT.plus(WAIT_TIMEOUT).plusSeconds(30);
  static final WaitOptions WAIT =
      WaitOptions.builder()
          .pollInterval(Duration.ofMillis(5), Duration.ofMillis(25))
          .timeout(WAIT_TIMEOUT)
          .build();
  /**
   * The faults drawn from: the emulator's transient set (500, 502, 503, 504, 429 with and without
   * Retry-After, a drop before the request is read), plus faults after the work was done (a drop,
   * a truncated 200) that make the client reconcile a turn that was taken.
   */
  static final Fault[] FAULTS = {
    Fault.status(500), Fault.status(502), Fault.status(503), Fault.status(504),
    Fault.rateLimited(), Fault.rateLimited(Duration.ofSeconds(1)), Fault.disconnect(),
    Fault.disconnectAfterProcessing(), Fault.truncatedJson()
  };

  final long seed;
  final int flows;
  final int inFlight;
  final double rate;

  final AtomicInteger completed = new AtomicInteger();
  final Map<String, Integer> failures = new ConcurrentHashMap<>();
  final List<String> untyped = Collections.synchronizedList(new ArrayList<>());
  final List<String> late = Collections.synchronizedList(new ArrayList<>());
  final Map<RetryReason, LongAdder> retries = new ConcurrentHashMap<>();
  final AtomicLong slowestFlowNanos = new AtomicLong();
  int hung;
  int duplicates;
  int lost;
  int failedButTaken;
  int accepted;
  int requests;
  int injectedFaults;
  long wallMillis;

  /** A few failure messages per exception type, and the failures of flows whose turn was taken. */
  final Map<String, List<String>> samples = new ConcurrentHashMap<>();
  final List<String> takenButFailed = Collections.synchronizedList(new ArrayList<>());

  private final Map<String, List<String>> succeeded = new ConcurrentHashMap<>();
  private final Map<String, List<String>> failed = new ConcurrentHashMap<>();
  private final Map<String, String> failureOf = new ConcurrentHashMap<>();

  SoakRun(long seed, int flows, int inFlight, double rate) {
    this.seed = seed;
    this.flows = flows;
    this.inFlight = inFlight;
    this.rate = rate;
  }

  /** Runs the soak; client and emulator are closed when it returns. */
  SoakRun execute() throws InterruptedException {
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.scaled(SCALE)).seed(seed).start();
        PuffleClient client = PuffleClient.builder()
            .apiKey(fake.apiKey())
            .baseUrl(fake.baseUrl())
            .maxConcurrentRequests(64)
            .readTimeout(Duration.ofSeconds(5))
            .requestOptions(RequestOptions.builder()
                .timeout(CALL_TIMEOUT).busyTimeout(CALL_TIMEOUT).build())
            .eventListener(op -> new PuffleEventListener() {
              @Override
              public void retryScheduled(Attempt failed, RetryReason reason, Duration delay) {
                retries.computeIfAbsent(reason, r -> new LongAdder()).increment();
              }
            })
            .build()) {
      SeededCampaign campaign = fake.defaultCampaign();
      List<String> sessions = new ArrayList<>();
      for (int i = 0; i < inFlight; i++) {
        sessions.add(client.sessions().create(campaign.campaignId(), campaign.aiNodeId()).id());
      }
      fake.faults().rate(rate, seed, FAULTS);
      long start = System.nanoTime();
      drive(client, sessions);
      wallMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      fake.faults().clear();
      awaitTasks(fake);
      checkLedger(fake, sessions);
      requests = fake.requestCount();
      injectedFaults = fake.injectedFaults().size();
    }
    return this;
  }

  private void drive(PuffleClient client, List<String> sessions) throws InterruptedException {
    BlockingQueue<String> idle = new ArrayBlockingQueue<>(sessions.size(), false, sessions);
    CountDownLatch done = new CountDownLatch(flows);
    for (int i = 0; i < flows; i++) {
      String session = idle.poll(FLOW_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      if (session == null) {
        hung = (int) done.getCount();
        return;
      }
      String message = "soak flow " + i;
      long t0 = System.nanoTime();
      CompletableFuture<TurnResult> flow =
          client.async().sessions().turnAndWait(session, TurnRequest.of(message), WAIT);
      flow.whenComplete((result, error) -> {
        try {
          record(session, message, System.nanoTime() - t0, error);
        } finally {
          idle.add(session);
          done.countDown();
        }
      });
    }
    if (!done.await(FLOW_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
      hung = (int) done.getCount();
    }
  }

  private void record(String session, String message, long nanos, Throwable error) {
    slowestFlowNanos.accumulateAndGet(nanos, Math::max);
    if (nanos > FLOW_DEADLINE.toNanos()) {
      late.add(message + " took " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms");
    }
    Throwable e = error;
    while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    if (e == null) {
      completed.incrementAndGet();
      succeeded.computeIfAbsent(session, s -> Collections.synchronizedList(new ArrayList<>())).add(message);
    } else if (e instanceof PuffleException) {
      String type = e.getClass().getSimpleName();
      failures.merge(type, 1, Integer::sum);
      failed.computeIfAbsent(session, s -> Collections.synchronizedList(new ArrayList<>())).add(message);
      failureOf.put(message, type + ": " + e.getMessage());
      List<String> some = samples.computeIfAbsent(type, t -> Collections.synchronizedList(new ArrayList<>()));
      if (some.size() < 3) {
        some.add(e.getMessage());
      }
    } else {
      untyped.add(message + ": " + e);
    }
  }

  /** Lets tasks the emulator accepted run to their end, so the ledger is final. */
  private static void awaitTasks(FakePuffle fake) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (fake.clock().pendingTasks() > 0 && System.nanoTime() < until) {
      Thread.sleep(10);
    }
  }

  private void checkLedger(FakePuffle fake, List<String> sessions) {
    for (String session : sessions) {
      Map<String, Long> counts = fake.turnMessagesAccepted(session).stream()
          .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
      accepted += counts.values().stream().mapToLong(Long::longValue).sum();
      duplicates += (int) counts.values().stream().filter(c -> c > 1).count();
      for (String m : succeeded.getOrDefault(session, List.of())) {
        if (counts.getOrDefault(m, 0L) != 1) {
          lost++;
        }
      }
      for (String m : failed.getOrDefault(session, List.of())) {
        if (counts.getOrDefault(m, 0L) == 1) {
          failedButTaken++;
          takenButFailed.add(m + " -> " + failureOf.get(m));
        }
      }
    }
  }

  /** Typed failures by exception type, most frequent first. */
  String failuresByType() {
    if (failures.isEmpty()) {
      return "none";
    }
    return failures.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .map(e -> e.getKey() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** Retries the client reported, by reason. */
  String retriesByReason() {
    return new TreeMap<>(retries).entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue().sum())
        .collect(Collectors.joining(", "));
  }
}
