package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.internal.trigger.StreamingBody;
import java.io.IOException;
import mockwebserver3.SocketHandler;
import okio.Buffer;
import okio.BufferedSink;
import okio.Okio;
import okio.Sink;
import okio.Socket;
import okio.Timeout;

/**
 * Writes a streamed body on MockWebServer's socket once the status line and headers are out, in
 * HTTP/1.1 chunked encoding: each flush of the stream goes out as one chunk at once, and a normal
 * end writes the last chunk. A stream that throws (a fault dropping it, the client gone, the
 * emulator closing) leaves the body unfinished and the socket is closed, so the client sees the
 * connection drop. MockWebServer closes the socket after the handler in any case, so the response
 * carries {@code Connection: close} and {@code Transfer-Encoding: chunked}.
 */
final class StreamSocketHandler implements SocketHandler {
  private final StreamingBody stream;

  StreamSocketHandler(StreamingBody stream) {
    this.stream = stream;
  }

  @Override
  public void handle(Socket socket) {
    BufferedSink raw = Okio.buffer(socket.getSink());
    try {
      BufferedSink chunked = Okio.buffer(new ChunkedSink(raw));
      stream.writeTo(chunked);
      chunked.flush();
      raw.writeUtf8("0\r\n\r\n");
      raw.flush();
    } catch (IOException dropped) {
      // the response stays unfinished: the client sees the connection drop
    } finally {
      socket.cancel();
    }
  }

  /** Frames what it is given as chunks, one per flush. */
  private static final class ChunkedSink implements Sink {
    private final BufferedSink out;
    private final Buffer pending = new Buffer();

    ChunkedSink(BufferedSink out) {
      this.out = out;
    }

    @Override
    public void write(Buffer source, long byteCount) {
      pending.write(source, byteCount);
    }

    @Override
    public void flush() throws IOException {
      if (pending.size() > 0) {
        out.writeHexadecimalUnsignedLong(pending.size()).writeUtf8("\r\n");
        out.write(pending, pending.size());
        out.writeUtf8("\r\n");
      }
      out.flush();
    }

    @Override
    public Timeout timeout() {
      return out.timeout();
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
