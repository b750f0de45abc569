package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.RunBodies.RUN;
import static ai.puffle.sdk.internal.run.RunBodies.UP_TO_DATE;
import static ai.puffle.sdk.internal.run.RunBodies.insert;
import static ai.puffle.sdk.internal.run.RunBodies.row;
import static ai.puffle.sdk.internal.run.RunBodies.snapshot;
import static ai.puffle.sdk.internal.run.WatchHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.puffle.sdk.LogLevel;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.internal.ClientInternals;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.Json;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import kotlin.Pair;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher as a {@code PuffleClient} builds it: Trigger.dev requests carry the run token and
 * nothing of Puffle's (not the API key, not the interceptors or authenticator of a user's
 * OkHttpClient); closing the client ends the watches and stops their threads.
 */
class RunClientTest {
  static final String KEY = TestClients.API_KEY;

  final TriggerFake trigger = new TriggerFake();
  final MockWebServer puffle = new MockWebServer();
  final FakeTiming timing = new FakeTiming();
  final List<String> log = new CopyOnWriteArrayList<>();
  PuffleClient client;

  RunClientTest() throws IOException {
    puffle.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    puffle.start();
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    timing.close();
    trigger.close();
    puffle.close();
  }

  PuffleClient.Builder builder() {
    return PuffleClient.builder().apiKey(KEY).baseUrl(puffle.url("/").toString())
        .triggerApiUrl(trigger.url().toString()).maxLiveRunFeeds(1)
        .logLevel(LogLevel.BODY).logger(log::add);
  }

  /** One run over the feed, one whose feed 404s so it polls retrieve, one whose token is refused. */
  void watchThreeRuns() throws Exception {
    trigger.feed(RUN, snapshot("h1", "0_0", insert(row("COMPLETED_SUCCESSFULLY")), UP_TO_DATE));
    trigger.feed("run_polled", RunBodies.notFound(false));
    trigger.retrieve("run_polled", RunBodies.retrieveDone("COMPLETED"));
    RunWatcher watcher = ClientInternals.context(client).runWatcher();
    assertTrue(await(watcher.watch(RunHandle.of(RUN, TriggerFake.TOKEN), RunWatchListener.NONE)).isRunOver());
    assertTrue(await(watcher.watch(RunHandle.of("run_polled", TriggerFake.TOKEN), RunWatchListener.NONE)).isRunOver());
    RunOutcome refused = await(watcher.watch(RunHandle.of("run_x", "not-the-token"), RunWatchListener.NONE));
    assertEquals(RunOutcome.Reason.TOKEN_REJECTED, refused.reason());
    assertEquals(4, trigger.requests().size(), "feed, feed + retrieve, and one refused request, none repeated");
  }

  void assertNothingOfPuffleReachedTrigger() {
    for (RecordedRequest r : trigger.requests()) {
      String auth = r.getHeaders().get("Authorization");
      assertTrue(auth.equals("Bearer " + TriggerFake.TOKEN) || auth.equals("Bearer not-the-token"), auth);
      for (Pair<? extends String, ? extends String> header : r.getHeaders()) {
        assertFalse(header.getSecond().contains(KEY), "the API key reached Trigger.dev in " + header.getFirst());
        assertFalse(header.getFirst().toLowerCase().startsWith("x-user"), "a user interceptor ran: " + header);
      }
      assertFalse(r.getUrl().toString().contains(KEY));
    }
    for (String line : log) {
      assertFalse(line.contains(TriggerFake.TOKEN), "the token was logged: " + line);
    }
  }

  @Test
  void theApiKeyNeverReachesTriggerDev() throws Exception {
    client = builder().clock(timing).build();
    puffle.enqueue(Json.session().response());
    client.sessions().get(Json.SESSION_ID);

    watchThreeRuns();

    assertEquals("Bearer " + KEY, puffle.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"));
    assertNothingOfPuffleReachedTrigger();
  }

  @Test
  void theApiKeyNeverReachesTriggerDevThroughAUsersOkHttpClient() throws Exception {
    OkHttpClient users = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("X-User-Key", KEY).header("Authorization", "Bearer " + KEY).build()))
        .addNetworkInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("X-User-Network", KEY).build()))
        .authenticator((route, response) -> response.request().newBuilder()
            .header("Authorization", "Bearer " + KEY).build())
        .build();
    client = builder().okHttpClient(users).clock(timing).build();
    puffle.enqueue(Json.session().response());
    client.sessions().get(Json.SESSION_ID);

    watchThreeRuns();

    RecordedRequest toPuffle = puffle.takeRequest(1, TimeUnit.SECONDS);
    assertEquals(KEY, toPuffle.getHeaders().get("X-User-Key"), "the user's interceptors still run for Puffle");
    assertEquals(KEY, toPuffle.getHeaders().get("X-User-Network"));
    assertNothingOfPuffleReachedTrigger();
  }

  @Test
  void closingTheClientEndsWatchesAndStopsTheirThreads() throws Exception {
    client = builder().build(); // real time and threads
    trigger.feed(RUN, snapshot("h1", "0_0", insert(row("EXECUTING")), UP_TO_DATE),
        new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    trigger.otherwise(r -> RunBodies.retrieve("QUEUED"));
    RunWatcher watcher = ClientInternals.context(client).runWatcher();
    RunWatch feed = watcher.watch(RunHandle.of(RUN, TriggerFake.TOKEN), RunWatchListener.NONE);
    RunWatch polled = watcher.watch(RunHandle.of("run_polled", TriggerFake.TOKEN), RunWatchListener.NONE);
    // polled's feed answers a retrieve body (unreadable there): it falls back to polling retrieve
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (trigger.requests().size() < 4 || trigger.requests(false).isEmpty()) {
      if (System.nanoTime() > end) {
        fail("requests not sent: " + trigger.requests());
      }
      Thread.sleep(5);
    }
    // The feed holds a thread of the feeds' dispatcher (OkHttp names it for its call meanwhile).
    RunHttp http = watcher.http();
    ThreadPoolExecutor feeds = (ThreadPoolExecutor) http.feeds().dispatcher().executorService();
    ThreadPoolExecutor reads = (ThreadPoolExecutor) http.streams().dispatcher().executorService();
    assertTrue(feeds.getPoolSize() > 0, "a feed thread");

    client.close();

    assertEquals(RunOutcome.Reason.CLIENT_CLOSED, await(feed).reason());
    assertEquals(RunOutcome.Reason.CLIENT_CLOSED, await(polled).reason());
    assertTrue(feeds.awaitTermination(2, TimeUnit.SECONDS), "feed threads still alive after close()");
    assertTrue(reads.awaitTermination(2, TimeUnit.SECONDS), "stream threads still alive after close()");
    assertEquals(4, trigger.requests().size(), "nothing sent after close");
  }

  @Test
  void withWatchRunsOffEveryWatchEndsAtOnce() {
    client = builder().watchRuns(false).build();
    RunWatch w = ClientInternals.context(client).runWatcher().watch(RunHandle.of(RUN, TriggerFake.TOKEN), RunWatchListener.NONE);
    assertNotNull(w.outcome().getNow(null));
    assertEquals(RunOutcome.Reason.DISABLED, w.outcome().getNow(null).reason());
    assertTrue(trigger.requests().isEmpty());
  }
}
