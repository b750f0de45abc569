package ai.puffle.sdk.testkit.internal.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Last-Event-ID as each of Trigger.dev's backends reads it. */
class StreamCursorTest {
  @Test
  void v1ResumesAfterARedisIdAndReadsAMillisecondAloneAsItsFirstId() {
    StreamCursor after = StreamCursor.v1("1776852021600-1");
    assertFalse(after.admits("1776852021600-1"));
    assertFalse(after.admits("1776852021600-0"));
    assertTrue(after.admits("1776852021600-2"));
    assertTrue(after.admits("1776852021601-0"));
    assertTrue(StreamCursor.v1("1776852021600").admits("1776852021600-1"));
    assertFalse(StreamCursor.v1("1776852021600").admits("1776852021600-0"));
    assertTrue(StreamCursor.v1(null).admits("0-1"));
    assertTrue(StreamCursor.v1("0").admits("0-1"));
    assertTrue(StreamCursor.v1("$").fromTail);
    assertTrue(StreamCursor.v1("12,3,400").invalid);
    assertTrue(StreamCursor.v1("latest").invalid);
  }

  @Test
  void v2StartsAfterTheDigitsBeforeADashAndFromZeroOtherwise() {
    assertEquals(8, StreamCursor.v2("7").fromSeq);
    assertEquals(8, StreamCursor.v2("7-3").fromSeq);
    assertEquals(8, StreamCursor.v2(" 7 ").fromSeq);
    assertEquals(0, StreamCursor.v2(null).fromSeq);
    assertEquals(0, StreamCursor.v2("").fromSeq);
    assertEquals(0, StreamCursor.v2("12,3,400").fromSeq, "S2's own ids are no number there");
    assertEquals(0, StreamCursor.v2("abc").fromSeq);
    assertEquals(1, StreamCursor.v2("-5").fromSeq, "Number(\"\") is 0 in JavaScript");
  }
}
