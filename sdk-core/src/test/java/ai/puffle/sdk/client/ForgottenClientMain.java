package ai.puffle.sdk.client;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testing.Json;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;

/**
 * Run in a child JVM by {@link LifecycleTest}: starts an async wait that has a poll scheduled 30 s
 * ahead and returns from {@code main} without closing the client. The JVM must still exit.
 */
public final class ForgottenClientMain {
  private ForgottenClientMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.start();
    server.enqueue(Json.session().busy("chat_processing").response());
    PuffleClient client = PuffleClient.builder()
        .apiKey(TestClients.API_KEY)
        .baseUrl(server.url("/").toString())
        .build();
    CompletableFuture<Session> wait = client.async().sessions().awaitIdle(Json.SESSION_ID,
        WaitOptions.builder().pollInterval(Duration.ofSeconds(30), Duration.ofSeconds(30)).build());
    if (server.takeRequest(10, TimeUnit.SECONDS) == null) {
      throw new IllegalStateException("the first poll never arrived");
    }
    for (int i = 0; i < 200 && !schedulerStarted(); i++) {
      Thread.sleep(10);
    }
    System.out.println("forgotten client: wait done=" + wait.isDone()
        + ", scheduler started=" + schedulerStarted());
    server.close();
    // No client.close(): the JVM must exit anyway.
  }

  private static boolean schedulerStarted() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("puffle-scheduler"));
  }
}
