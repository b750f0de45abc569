package ai.puffle.sdk.generated;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * MockWebServer set up for fast loopback tests: every accepted socket has TCP_NODELAY, otherwise
 * Nagle on the server meets delayed ACK on the client and each exchange costs about 40 ms.
 */
public final class MockServers {
  /** A server socket factory whose accepted sockets have TCP_NODELAY set. */
  public static final ServerSocketFactory NO_DELAY = new NoDelayServerSocketFactory();

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

  private static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address)
        throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
