package ai.puffle.sdk.testing;

import ai.puffle.sdk.PuffleClient;
import mockwebserver3.MockWebServer;

/** Builds clients for tests: a fixed key, the server's URL, virtual time. */
public final class TestClients {
  /** The key every test client uses. */
  public static final String API_KEY =
      "pk_live_0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  private TestClients() {}

  /**
   * A builder aimed at {@code server}, running on {@code timing}, that does not follow runs (the
   * tests that follow runs turn it on and point it at their own Trigger.dev). Its read timeout is
   * 5 s, so a test whose script runs out of responses fails quickly instead of hanging.
   */
  public static PuffleClient.Builder builder(MockWebServer server, FakeTiming timing) {
    return PuffleClient.builder().apiKey(API_KEY).baseUrl(server.url("/").toString())
        .readTimeout(java.time.Duration.ofSeconds(5)).watchRuns(false).clock(timing);
  }
}
