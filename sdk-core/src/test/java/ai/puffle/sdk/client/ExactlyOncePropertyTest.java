package ai.puffle.sdk.client;

import static ai.puffle.sdk.testing.Json.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.TurnFailedException;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.ModelPuffle;
import ai.puffle.sdk.testing.ModelPuffle.Fault;
import ai.puffle.sdk.testing.ModelPuffle.Other;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A seeded property: across many sequences of faults (drops and errors before or after the
 * server acted, failing reads) and of tasks a second client starts on the same session, on a
 * stateful Puffle, every turn is accepted exactly once, or the caller gets an exception that says
 * whether it may have arrived; never twice, never lost behind an exception that says it did not
 * arrive, never reported as failed when it was not taken.
 *
 * <p>Deterministic: virtual time, jitter from a seeded source, the server's faults and the second
 * client's moments drawn from the sequence's seed. {@code -Dpuffle.property.seed=...} and {@code
 * -Dpuffle.property.runs=...} replay or widen it; a failure names its seed.
 */
class ExactlyOncePropertyTest {
  static final long SEED = Long.getLong("puffle.property.seed", 20261129L);
  static final int RUNS = Integer.getInteger("puffle.property.runs", 1000);
  static final Fault[] FAULTS = Fault.values();
  static final Duration[] BUSY_TIMEOUTS = {
    null, Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofSeconds(30)
  };
  static final Duration[] TIMEOUTS = {null, Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMinutes(2)};
  static final WaitOptions FAST = WaitOptions.builder()
      .pollInterval(Duration.ofSeconds(1), Duration.ofSeconds(4)).timeout(Duration.ofMinutes(2)).build();

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void everyTurnIsAcceptedExactlyOnceOrTheFailureSaysItMayHaveArrived() throws Exception {
    Map<String, Integer> outcomes = new TreeMap<>();
    try (MockWebServer server = new MockWebServer()) {
      server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
      server.start();
      FakeTiming timing = new FakeTiming();
      try (PuffleClient client = TestClients.builder(server, timing).build()) {
        for (int i = 0; i < RUNS; i++) {
          long seed = SEED + i;
          String outcome = runOne(seed, server, timing, client);
          outcomes.merge(outcome, 1, Integer::sum);
        }
      } finally {
        timing.close();
      }
    }
    System.out.println("ExactlyOncePropertyTest, seed " + SEED + ", " + RUNS + " sequences: " + outcomes);
    assertTrue(outcomes.getOrDefault("ok", 0) > RUNS / 3, "most sequences end well: " + outcomes);
    assertTrue(outcomes.size() > 3, "the faults reach several outcomes: " + outcomes);
  }

  private static String runOne(long seed, MockWebServer server, FakeTiming timing, PuffleClient client) {
    Random rng = new Random(seed);
    timing.seed(seed);
    ModelPuffle puffle = new ModelPuffle(timing::nanoTime)
        .userMessageAtClaim(rng.nextBoolean())
        .turnTakes(Duration.ofSeconds(1 + rng.nextInt(40)).toNanos())
        .examplesTake(Duration.ofSeconds(5 + rng.nextInt(60)).toNanos());
    puffle.addSession(SESSION_ID, true);
    puffle.serveOn(server);
    if (rng.nextInt(5) == 0) {
      puffle.otherClientStarts(SESSION_ID, rng.nextBoolean() ? Other.TURN : Other.EXAMPLES);
    }
    for (int k = rng.nextInt(4); k > 0; k--) {
      puffle.faultNextTask(FAULTS[rng.nextInt(FAULTS.length)]);
    }
    for (int k = rng.nextInt(3); k > 0; k--) {
      puffle.otherClientBefore(1 + rng.nextInt(10), rng.nextBoolean() ? Other.TURN : Other.EXAMPLES);
    }
    double[] readRates = {0, 0, 0.1, 0.3};
    puffle.faultReads(new Random(seed * 31), readRates[rng.nextInt(readRates.length)]);
    RequestOptions.Builder options = RequestOptions.builder();
    Duration busy = BUSY_TIMEOUTS[rng.nextInt(BUSY_TIMEOUTS.length)];
    if (busy != null) {
      options.busyTimeout(busy);
    }
    Duration timeout = TIMEOUTS[rng.nextInt(TIMEOUTS.length)];
    if (timeout != null) {
      options.timeout(timeout);
    }
    if (rng.nextBoolean()) {
      options.maxRetries(rng.nextInt(4));
    }
    String message = "message " + seed;
    TurnRequest turn = TurnRequest.of(message);
    int how = rng.nextInt(5);
    String scenario = "seed " + seed + " (" + (how < 2 ? "turn" : how < 4 ? "turnAndWait" : "async turn")
        + ", " + options.build() + ")";
    try {
      if (how < 2) {
        client.sessions().turn(SESSION_ID, turn, options.build());
      } else if (how < 4) {
        TurnResult r = client.sessions().turnAndWait(SESSION_ID, turn, FAST, options.build());
        assertTrue(r.reply().contains(message), scenario + ": the reply is our turn's: " + r.reply());
      } else {
        client.async().sessions().turn(SESSION_ID, turn, options.build()).get(60, TimeUnit.SECONDS);
      }
      assertEquals(1, puffle.accepted(message), scenario + ": a call that returns took the turn exactly once");
      return "ok";
    } catch (Exception thrown) {
      Throwable e = Flow.unwrap(thrown);
      long accepted = puffle.accepted(message);
      if (!(e instanceof PuffleException)) {
        fail(scenario + ": not a PuffleException", e);
      }
      assertTrue(accepted <= 1, scenario + ": accepted " + accepted + " times; " + e);
      if (accepted == 1 && !mayHaveArrived(e)) {
        fail(scenario + ": the turn was taken, but the exception says it did not arrive", e);
      }
      if (e instanceof TurnFailedException) {
        fail(scenario + ": every task of this server ends with a reply", e);
      }
      return e.getClass().getSimpleName() + (accepted == 1 ? " (taken)" : "");
    }
  }

  /** Whether {@code e} tells the caller that the turn may have reached Puffle. */
  static boolean mayHaveArrived(Throwable e) {
    if (e instanceof PuffleConnectionException) {
      return ((PuffleConnectionException) e).requestSent();
    }
    if (e instanceof ServerException) {
      int s = ((ServerException) e).statusCode();
      return s == 502 || s == 503 || s == 504;
    }
    return e instanceof UnexpectedResponseException || e instanceof PuffleTimeoutException;
  }
}
