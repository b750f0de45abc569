package ai.puffle.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@link BodyHead#copy} returns the first {@code min(size, limit)} bytes of a buffer,
 * also when they span several Okio segments, and leaves the buffer as it was.
 */
class BodyHeadTest {

  /** 20,000 seeded random bytes. */
  private static byte[] content() {
    byte[] bytes = new byte[20_000];
    Random random = new Random(20_000L);
    random.nextBytes(bytes);
    return bytes;
  }

  /** A buffer of {@code bytes}, written in uneven pieces so that they span several segments. */
  private static Buffer bufferOf(byte[] bytes) {
    Buffer buffer = new Buffer();
    int[] pieces = {1, 7_000, 3, 8_191, 2_500};
    int at = 0;
    for (int piece : pieces) {
      buffer.write(bytes, at, piece);
      at += piece;
    }
    buffer.write(bytes, at, bytes.length - at);
    return buffer;
  }

  @Test
  void copiesTheHeadAcrossSegments() {
    byte[] bytes = content();
    Buffer buffer = bufferOf(bytes);
    assertEquals(20_000, buffer.size());

    for (int limit : new int[] {0, 1, 8_191, 8_192, 8_193, 10_000, 16_384, 19_999}) {
      byte[] head = BodyHead.copy(buffer, limit);
      assertArrayEquals(Arrays.copyOf(bytes, limit), head, "limit " + limit);
    }
  }

  @Test
  void aLimitPastTheEndGivesTheWholeBody() {
    byte[] bytes = content();
    Buffer buffer = bufferOf(bytes);

    assertArrayEquals(bytes, BodyHead.copy(buffer, 20_000));
    assertArrayEquals(bytes, BodyHead.copy(buffer, 20_001));
    assertArrayEquals(bytes, BodyHead.copy(buffer, Integer.MAX_VALUE));
  }

  @Test
  void leavesTheBufferUnchanged() {
    byte[] bytes = content();
    Buffer buffer = bufferOf(bytes);

    BodyHead.copy(buffer, 12_345);
    BodyHead.copy(buffer, Integer.MAX_VALUE);

    assertEquals(bytes.length, buffer.size());
    assertArrayEquals(bytes, buffer.readByteArray());
  }

  @Test
  void returnsAFreshCopy() {
    byte[] bytes = content();
    Buffer buffer = bufferOf(bytes);

    byte[] head = BodyHead.copy(buffer, 100);
    head[0] = (byte) (head[0] + 1);

    assertEquals(bytes[0], buffer.getByte(0));
    assertArrayEquals(Arrays.copyOf(bytes, 100), BodyHead.copy(buffer, 100));
  }

  @Test
  void copiesFromABufferAlreadyPartlyRead() throws EOFException {
    byte[] bytes = content();
    Buffer buffer = bufferOf(bytes);
    buffer.skip(9_000);

    assertArrayEquals(Arrays.copyOfRange(bytes, 9_000, 19_000), BodyHead.copy(buffer, 10_000));
    assertEquals(11_000, buffer.size());
  }

  @Test
  void emptyBufferGivesAnEmptyArray() {
    Buffer buffer = new Buffer();

    assertEquals(0, BodyHead.copy(buffer, 1_024).length);
    assertEquals(0, BodyHead.copy(buffer, 0).length);
    assertEquals(0, buffer.size());
  }

  @Test
  void shortBodyIsCopiedWhole() {
    Buffer buffer = new Buffer().writeUtf8("{\"error\":\"nope\"}");

    byte[] head = BodyHead.copy(buffer, 1_024);

    assertEquals("{\"error\":\"nope\"}", new String(head, StandardCharsets.UTF_8));
    assertEquals(head.length, buffer.size());
  }
}
