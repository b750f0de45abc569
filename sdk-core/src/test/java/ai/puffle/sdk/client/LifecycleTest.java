package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.puffle.sdk.ClientClosedException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testing.Json;
import ai.puffle.sdk.testing.TestClients;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * close(): threads stop, later and in-flight calls fail with ClientClosedException instead of
 * hanging, a user's OkHttpClient is left alone, and a forgotten client does not keep the JVM up.
 * Real time (the client's own scheduler), with short bounded waits.
 */
class LifecycleTest {
  static final Duration STOP_WITHIN = Duration.ofSeconds(2);

  final ScriptedServer server = new ScriptedServer();
  final Set<Thread> threadsBefore = liveThreads();
  final List<PuffleClient> clients = new ArrayList<>();
  /** Callers of blocking methods (not the common pool: it may have a single thread). */
  final ExecutorService callers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-caller");
    t.setDaemon(true);
    return t;
  });

  @AfterEach
  void stop() {
    clients.forEach(PuffleClient::close);
    callers.shutdownNow();
    server.close();
  }

  PuffleClient newClient() {
    PuffleClient c = PuffleClient.builder()
        .apiKey(TestClients.API_KEY)
        .baseUrl(server.server.url("/").toString())
        .build();
    clients.add(c);
    return c;
  }

  static Set<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
        .collect(Collectors.toCollection(HashSet::new));
  }

  /** Threads of this test's clients: puffle-* threads (and any OkHttp dispatcher) started since. */
  Set<Thread> newClientThreads() {
    Set<Thread> now = liveThreads();
    now.removeAll(threadsBefore);
    now.removeIf(t -> !(t.getName().startsWith("puffle-") || t.getName().startsWith("OkHttp Dispatcher")));
    return now;
  }

  void assertClientThreadsStop() throws InterruptedException {
    long end = System.nanoTime() + STOP_WITHIN.toNanos();
    Set<Thread> alive;
    while (!(alive = newClientThreads()).isEmpty()) {
      if (System.nanoTime() > end) {
        fail("threads still alive " + STOP_WITHIN + " after close(): "
            + alive.stream().map(Thread::getName).collect(Collectors.toList()));
      }
      Thread.sleep(10);
    }
  }

  static Throwable failureOf(Future<?> f) throws Exception {
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> f.get(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS), "completes, does not hang");
    return e.getCause();
  }

  static void assertClosedFailure(Throwable t) {
    assertInstanceOf(ClientClosedException.class, t, String.valueOf(t));
    assertTrue(t.getMessage().contains("closed"), t.getMessage());
  }

  @Test
  void aCallStillRunningAtItsDeadlineEndsWithATimeoutBlockingAndAsync() throws Exception {
    // A real-time client sweeps its calls' deadlines on its scheduler thread.
    PuffleClient client = newClient();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    RequestOptions shortDeadline = RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build();

    PuffleException blocking = assertThrows(PuffleException.class,
        () -> client.sessions().get(SESSION_ID, shortDeadline));
    assertInstanceOf(ai.puffle.sdk.PuffleTimeoutException.class, blocking, blocking.toString());

    CompletableFuture<Session> async = client.async().sessions().get(SESSION_ID, shortDeadline);
    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> async.get(STOP_WITHIN.toMillis() * 5, java.util.concurrent.TimeUnit.MILLISECONDS));
    assertInstanceOf(ai.puffle.sdk.PuffleTimeoutException.class, failed.getCause(), failed.getCause().toString());
    assertEquals(2, server.server.getRequestCount(), "each sent once");

    client.close();
    assertClientThreadsStop();
  }

  @Test
  void closeStopsTheSchedulerAndHttpThreads() throws Exception {
    PuffleClient client = newClient();
    server.fixture("session-created.json").fixture("session-created.json");
    server.enqueue(Json.session().busy("chat_processing").response());
    client.sessions().get(SESSION_ID);
    client.async().sessions().get(SESSION_ID).get(5, TimeUnit.SECONDS);
    CompletableFuture<Session> waiting = client.async().sessions().awaitIdle(SESSION_ID,
        WaitOptions.builder().pollInterval(Duration.ofSeconds(30), Duration.ofSeconds(30)).build());
    assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 200 && !names.contains("puffle-scheduler"); i++) {
      Thread.sleep(10);
      names = newClientThreads().stream().map(Thread::getName).collect(Collectors.toSet());
    }
    assertTrue(names.contains("puffle-scheduler"), "scheduler started: " + names);
    assertTrue(names.stream().anyMatch(n -> n.startsWith("puffle-http-")), "http thread started: " + names);

    client.close();

    assertClosedFailure(failureOf(waiting));
    assertClientThreadsStop();
    assertTrue(client.toString().contains("closed=true"), client.toString());
  }

  @Test
  void callsAfterCloseFailWithClientClosed() throws Exception {
    PuffleClient client = newClient();
    client.close();

    assertClosedFailure(assertThrows(ClientClosedException.class, () -> client.sessions().get(SESSION_ID)));
    assertClosedFailure(assertThrows(ClientClosedException.class,
        () -> client.sessions().turn(SESSION_ID, TurnRequest.of("hi"))));
    assertClosedFailure(assertThrows(ClientClosedException.class, () -> client.campaigns().get(CAMPAIGN_ID)));
    assertClosedFailure(assertThrows(ClientClosedException.class, () -> client.sessions().awaitIdle(SESSION_ID)));
    assertClosedFailure(failureOf(client.async().sessions().get(SESSION_ID)));
    assertClosedFailure(failureOf(client.async().sessions().awaitIdle(SESSION_ID)));
    assertClosedFailure(failureOf(client.async().sessions().turnAndWait(SESSION_ID, TurnRequest.of("hi"))));
    assertClosedFailure(failureOf(client.async().campaigns().listMessages(CAMPAIGN_ID)));
    assertClosedFailure(assertThrows(ClientClosedException.class,
        () -> client.withOptions(RequestOptions.builder().maxRetries(0).build()).sessions().get(SESSION_ID)));
    assertEquals(0, server.requestCount());
    assertClientThreadsStop();
  }

  @Test
  void anAsyncCallInFlightEndsWhenTheClientCloses() throws Exception {
    PuffleClient client = newClient();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Session> call = client.async().sessions().get(SESSION_ID);
    assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS), "the request is in flight");
    assertFalse(call.isDone());

    client.close();

    Throwable t = failureOf(call);
    assertInstanceOf(PuffleException.class, t);
    assertClosedFailure(t);
    assertClientThreadsStop();
    assertEquals(1, server.requestCount(), "not retried");
  }

  @Test
  void aBlockingCallInFlightEndsWhenTheClientCloses() throws Exception {
    PuffleClient client = newClient();
    server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
    CompletableFuture<Session> caller = CompletableFuture.supplyAsync(() -> client.sessions().get(SESSION_ID), callers);
    assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));

    client.close();

    assertClosedFailure(failureOf(caller));
    assertEquals(1, server.requestCount());
  }

  @Test
  void blockingCallsSleepingBeforeTheNextAttemptEndWhenTheClientCloses() throws Exception {
    PuffleClient client = newClient();
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "60")
        .body("{\"error\":\"Too many requests\"}").build());
    server.enqueue(Json.session().busy("chat_processing").response());
    CompletableFuture<Session> retrying = CompletableFuture.supplyAsync(() -> client.sessions().get(SESSION_ID), callers);
    assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));
    CompletableFuture<Session> polling = CompletableFuture.supplyAsync(() -> client.sessions().awaitIdle(
        SESSION_ID, WaitOptions.builder().pollInterval(Duration.ofSeconds(20), Duration.ofSeconds(20)).build()),
        callers);
    assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));
    Thread.sleep(50);
    assertFalse(retrying.isDone() || polling.isDone(), "both sleep: 60 s and 20 s");

    client.close();

    assertClosedFailure(failureOf(retrying));
    assertClosedFailure(failureOf(polling));
    assertEquals(2, server.requestCount());
  }

  @Test
  void anAsyncWaitBetweenPollsEndsWhenTheClientCloses() throws Exception {
    PuffleClient client = newClient();
    server.enqueue(Json.session().busy("generating_examples").response());
    CompletableFuture<Session> wait = client.async().sessions().awaitIdle(SESSION_ID,
        WaitOptions.builder().pollInterval(Duration.ofSeconds(20), Duration.ofSeconds(20)).build());
    assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));
    Thread.sleep(50);
    assertFalse(wait.isDone(), "the next poll is 20 s away");

    client.close();

    assertClosedFailure(failureOf(wait));
    assertEquals(1, server.requestCount());
    assertClientThreadsStop();
  }

  @Test
  void closeIsIdempotent() throws Exception {
    PuffleClient client = newClient();
    server.fixture("session-created.json");
    client.sessions().get(SESSION_ID);
    client.close();
    client.close();
    client.withOptions(RequestOptions.none()).close();
    client.close();
    assertClosedFailure(assertThrows(ClientClosedException.class, () -> client.sessions().get(SESSION_ID)));
    assertClientThreadsStop();
  }

  @Test
  void aUserSuppliedOkHttpClientIsNotShutDown() throws Exception {
    OkHttpClient mine = new OkHttpClient();
    try {
      PuffleClient client = PuffleClient.builder().apiKey(TestClients.API_KEY)
          .baseUrl(server.server.url("/").toString()).okHttpClient(mine).build();
      server.fixture("session-created.json");
      client.async().sessions().get(SESSION_ID).get(5, TimeUnit.SECONDS);
      server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
      CompletableFuture<Session> inFlight = client.async().sessions().get(SESSION_ID);
      assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));
      assertNotNull(server.server.takeRequest(5, TimeUnit.SECONDS));

      client.close();

      assertClosedFailure(failureOf(inFlight));
      assertFalse(mine.dispatcher().executorService().isShutdown(), "the user's dispatcher is theirs");
      server.enqueue(new MockResponse.Builder().body("still works").build());
      try (Response r = mine.newCall(new Request.Builder().url(server.server.url("/ping")).build()).execute()) {
        assertEquals("still works", r.body().string());
      }
      assertEquals(null, server.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"),
          "the PuffleClient's auth never leaks into the user's client");
    } finally {
      mine.dispatcher().executorService().shutdown();
      mine.connectionPool().evictAll();
    }
  }

  @Test
  void aForgottenClientDoesNotKeepTheJvmAlive() throws Exception {
    String java = ProcessHandle.current().info().command().orElse(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    File out = File.createTempFile("forgotten-client", ".log");
    out.deleteOnExit();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            ForgottenClientMain.class.getName())
        .redirectErrorStream(true)
        .redirectOutput(out)
        .start();
    try {
      boolean exited = child.waitFor(20, TimeUnit.SECONDS);
      String log = new String(Files.readAllBytes(out.toPath()), StandardCharsets.UTF_8);
      assertTrue(exited, "the JVM did not exit within 20 s; its output:\n" + log);
      assertEquals(0, child.exitValue(), log);
      assertTrue(log.contains("wait done=false, scheduler started=true"), log);
    } finally {
      child.destroyForcibly();
    }
  }
}
