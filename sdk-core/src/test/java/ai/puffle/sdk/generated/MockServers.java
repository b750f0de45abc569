package ai.puffle.sdk.generated;

import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * MockWebServer set up for fast loopback tests: every accepted socket has TCP_NODELAY, otherwise
 * Nagle on the server meets delayed ACK on the client and each exchange costs about 40 ms.
 */
public final class MockServers {
  /** A server socket factory whose accepted sockets have TCP_NODELAY set. */
  public static final ServerSocketFactory NO_DELAY = ai.puffle.sdk.testing.NoDelayServerSockets.INSTANCE;

  private MockServers() {}

  /** A new, not yet started server using {@link #NO_DELAY}; pair it with {@code @StartStop}. */
  public static MockWebServer create() {
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(NO_DELAY);
    return server;
  }

  /** A JSON response with this status and fixture body. */
  public static MockResponse json(int code, String fixture) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json; charset=utf-8")
        .body(Fixtures.read(fixture))
        .build();
  }
}
