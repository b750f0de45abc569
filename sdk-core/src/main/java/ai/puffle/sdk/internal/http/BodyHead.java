package ai.puffle.sdk.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import okio.Buffer;

/**
 * Copies the start of a response body that is already buffered, for error messages. The bytes are
 * copied rather than shared: Okio never returns a shared segment to its pool, so sharing would
 * make every later read allocate fresh segments.
 */
public final class BodyHead {
  private BodyHead() {}

  /** The first {@code min(buffer.size(), limit)} bytes of {@code buffer}, which is left unchanged. */
  public static byte[] copy(Buffer buffer, int limit) {
    byte[] head = new byte[(int) Math.min(buffer.size(), limit)];
    try {
      buffer.copyTo(new ArrayTarget(head), 0, head.length);
    } catch (IOException e) {
      throw new AssertionError("copying into an array cannot fail", e);
    }
    return head;
  }

  /** Writes into a fixed array. */
  private static final class ArrayTarget extends OutputStream {
    private final byte[] target;
    private int position;

    ArrayTarget(byte[] target) {
      this.target = target;
    }

    @Override
    public void write(int b) {
      target[position++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
      System.arraycopy(source, offset, target, position, length);
      position += length;
    }
  }
}
