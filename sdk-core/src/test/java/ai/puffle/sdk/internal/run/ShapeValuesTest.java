package ai.puffle.sdk.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding Electric's string-encoded values by their schema type. */
class ShapeValuesTest {
  final ShapeValues schema = ShapeValues.parse("{\"a\":{\"type\":\"text\",\"dims\":1},\"n\":{\"type\":\"int4\",\"dims\":2},"
      + "\"b\":{\"type\":\"bool\"},\"t\":{\"type\":\"timestamp\"},\"tz\":{\"type\":\"timestamptz\"},"
      + "\"j\":{\"type\":\"jsonb\"},\"f\":{\"type\":\"float8\"},\"big\":{\"type\":\"int8\"},"
      + "\"u\":{\"type\":\"uuid\"},\"num\":{\"type\":\"numeric\"}}");

  @Test
  void arrays() {
    assertEquals(List.of("a", "b"), schema.decode("a", "{\"a\",\"b\"}"));
    assertEquals(List.of(), schema.decode("a", "{}"));
    assertEquals(Arrays.asList("x y", null, "NULL", "q\"uote", "back\\slash", "bare"),
        schema.decode("a", "{\"x y\",NULL,\"NULL\",\"q\\\"uote\",\"back\\\\slash\",bare}"));
    assertEquals(List.of(List.of(1L, 2L), List.of(3L, 4L)), schema.decode("n", "{{1,2},{3,4}}"));
    assertThrows(IllegalArgumentException.class, () -> schema.decode("a", "{\"a\""));
    assertThrows(IllegalArgumentException.class, () -> schema.decode("a", "{a}b"));
    assertThrows(IllegalArgumentException.class, () -> schema.decode("n", "{1,x}"));
  }

  @Test
  void scalars() {
    assertEquals(true, schema.decode("b", "t"));
    assertEquals(false, schema.decode("b", "f"));
    assertEquals(true, schema.decode("b", "true"));
    assertEquals(false, schema.decode("b", "false"));
    assertEquals(2.5, schema.decode("f", "2.5"));
    assertEquals(9007199254740993L, schema.decode("big", "9007199254740993"));
    assertEquals(Map.of("k", List.of(1.0)), schema.decode("j", "{\"k\":[1]}"));
    assertEquals("b2c1f1c4-0000-4000-8000-000000000000", schema.decode("u", "b2c1f1c4-0000-4000-8000-000000000000"));
    assertEquals("12.50", schema.decode("num", "12.50"), "numeric stays text, as in Electric's client");
    assertEquals("as is", schema.decode("unnamed", "as is"));
    assertEquals(7.0, schema.decode("n", 7.0), "a value that is not a string is kept");
    assertEquals(null, schema.decode("b", null));
  }

  @Test
  void timestampsWithoutAZoneAreUtc() {
    assertEquals(Instant.parse("2026-01-01T10:00:00.123Z"), schema.decode("t", "2026-01-01T10:00:00.123"));
    assertEquals(Instant.parse("2026-01-01T10:00:00.123456Z"), schema.decode("t", "2026-01-01 10:00:00.123456"));
    assertEquals(Instant.parse("2026-01-01T10:00:00Z"), schema.decode("t", "2026-01-01 10:00:00"));
    assertEquals(Instant.parse("2026-01-01T08:00:00Z"), schema.decode("tz", "2026-01-01 10:00:00+02"));
    assertEquals(Instant.parse("2026-01-01T10:00:00Z"), schema.decode("tz", "2026-01-01T10:00:00Z"));
  }

  @Test
  void errorsNameTheColumnAndTypeButNotTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> schema.decode("b", "secret-yes"));
    assertEquals("a value does not read as bool", e.getMessage());
    IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> schema.decode("t", "secret-soon"));
    assertFalse(t.getMessage().contains("secret"));
  }

  @Test
  void schemasThatCannotBeReadAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ShapeValues.parse("not json"));
    assertThrows(IllegalArgumentException.class, () -> ShapeValues.parse("[]"));
    assertThrows(IllegalArgumentException.class, () -> ShapeValues.parse("{\"a\":\"text\"}"));
    assertThrows(IllegalArgumentException.class, () -> ShapeValues.parse("{\"a\":{\"type\":1}}"));
  }
}
