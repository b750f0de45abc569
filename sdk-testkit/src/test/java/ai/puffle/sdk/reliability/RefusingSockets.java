package ai.puffle.sdk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;

/**
 * Client sockets that can be told to have their next connections refused: such a connect is aimed
 * at a loopback port that is bound (so nobody else gets it) but not listening, so the operating
 * system refuses it (a real {@code ECONNREFUSED}, not a simulated exception).
 */
final class RefusingSockets extends SocketFactory {
  private final AtomicInteger refusals = new AtomicInteger();
  /** Holds a loopback port bound but not listening: connects to it are refused. */
  private final Socket reserved = new Socket();
  private final InetSocketAddress deadPort;

  RefusingSockets() {
    try {
      reserved.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      deadPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), reserved.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Releases the reserved port. */
  void close() {
    try {
      reserved.close();
    } catch (IOException ignored) {
      // Nothing to release.
    }
  }

  /** The next {@code count} connects are refused. */
  void refuseNext(int count) {
    refusals.set(count);
  }

  /** How many refusals are still armed. */
  int armed() {
    return refusals.get();
  }

  @Override
  public Socket createSocket() {
    return new Socket() {
      @Override
      public void connect(SocketAddress endpoint, int timeout) throws IOException {
        boolean refuse = refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        super.connect(refuse ? deadPort : endpoint, timeout);
      }
    };
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    Socket s = createSocket();
    s.bind(new InetSocketAddress(localHost, localPort));
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket s = createSocket();
    s.connect(new InetSocketAddress(host, port));
    return s;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    Socket s = createSocket();
    s.bind(new InetSocketAddress(localAddress, localPort));
    s.connect(new InetSocketAddress(address, port));
    return s;
  }
}
