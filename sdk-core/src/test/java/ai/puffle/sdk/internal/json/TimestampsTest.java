package ai.puffle.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks that {@link Timestamps#parseCommon} gives exactly the value the JDK formatters give for
 * every form it accepts (including the offset), that it declines every other form, and that
 * {@link Timestamps#parse} then behaves exactly like the formatter path: same value, or a
 * {@link DateTimeParseException}. Also checks the Moshi adapter built on it.
 */
class TimestampsTest {

  /** The formatter path: ISO offset date-time, else a local date-time read as UTC. */
  private static OffsetDateTime reference(String text) {
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    }
  }

  /** Asserts that the fast path accepts {@code text} and agrees with the formatter path. */
  private static void assertFastPathMatches(String text) {
    OffsetDateTime fast = Timestamps.parseCommon(text);
    assertNotNull(fast, () -> "fast path declined " + text);
    assertEquals(reference(text), fast, text);
    assertEquals(reference(text).getOffset(), fast.getOffset(), text);
    assertEquals(fast, Timestamps.parse(text), text);
  }

  /** Asserts that {@code parse} gives the formatter path's value or fails as it does. */
  private static void assertParseMatchesReference(String text) {
    OffsetDateTime expected;
    try {
      expected = reference(text);
    } catch (DateTimeParseException rejected) {
      assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
      return;
    }
    assertEquals(expected, Timestamps.parse(text), text);
  }

  @Test
  void fastPathAgreesWithTheFormatterOnTheServerForms() {
    List<String> texts =
        List.of(
            "2025-01-15T10:30:00Z",
            "2025-01-15T10:30:00.123Z",
            "2025-01-15T10:30:00+00:00",
            "2025-01-15T10:30:00-00:00",
            "2025-01-15T10:30:00.5+05:30",
            "2025-01-15T10:30:00.123456-08:00",
            "2025-01-15T10:30:00+18:00",
            "2025-01-15T10:30:00-18:00",
            "2025-01-15T10:30:00.999999999+18:00",
            "2025-01-15T10:30:00-00:30",
            "2025-01-15T10:30:00+14:45",
            "2025-01-15T10:30:00",
            "2025-01-15T10:30:00.000001",
            "2024-02-29T23:59:59.9Z",
            "2024-02-29T00:00:00+01:00",
            "2000-02-29T12:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999-18:00",
            "1970-01-01T00:00:00.000000000Z");
    for (String text : texts) {
      assertFastPathMatches(text);
    }
  }

  @Test
  void fastPathReadsFractionsOfEveryLength() {
    String digits = "123456789";
    for (int count = 1; count <= 9; count++) {
      String fraction = digits.substring(0, count);
      for (String offset : new String[] {"", "Z", "+00:00", "-00:00", "+05:30", "-08:00"}) {
        assertFastPathMatches("2025-06-30T08:07:06." + fraction + offset);
      }
    }
    assertEquals(120_000_000, Timestamps.parseCommon("2025-06-30T08:07:06.12Z").getNano());
    assertEquals(1, Timestamps.parseCommon("2025-06-30T08:07:06.000000001Z").getNano());
  }

  @Test
  void fastPathKeepsTheOffset() {
    OffsetDateTime india = Timestamps.parseCommon("2025-01-15T10:30:00+05:30");
    assertEquals(ZoneOffset.ofHoursMinutes(5, 30), india.getOffset());
    assertEquals(10, india.getHour());

    OffsetDateTime pacific = Timestamps.parseCommon("2025-01-15T10:30:00-08:00");
    assertEquals(ZoneOffset.ofHours(-8), pacific.getOffset());

    assertEquals(ZoneOffset.UTC, Timestamps.parseCommon("2025-01-15T10:30:00").getOffset());
    assertEquals(ZoneOffset.UTC, Timestamps.parseCommon("2025-01-15T10:30:00-00:00").getOffset());
  }

  @Test
  void fastPathAgreesWithTheFormatterOnRandomValidTimestamps() {
    Random random = new Random(20250115L);
    for (int n = 0; n < 5_000; n++) {
      String text = randomTimestamp(random);
      assertFastPathMatches(text);
    }
  }

  @Test
  void otherFormsAreLeftToTheFormatter() {
    List<String> texts =
        List.of(
            "2025-01-15t10:30:00Z",
            "2025-01-15T10:30:00z",
            "2025-01-15T10:30Z",
            "2025-01-15T10:30",
            "2025-01-15T10:30+05:30",
            "2025-01-15T10:30:00.1234567890Z",
            "2025-01-15T10:30:00.Z",
            "2025-01-15T10:30:00+0530",
            "2025-01-15T10:30:00+05",
            "2025-01-15T10:30:00+05:30:15",
            "2025-01-15T10:30:00+5:30",
            "2023-02-29T10:30:00Z",
            "2025-13-01T10:30:00Z",
            "2025-00-01T10:30:00Z",
            "2025-04-31T10:30:00Z",
            "2025-01-15T24:00:00Z",
            "2025-01-15T10:60:00Z",
            "2025-01-15T10:30:60Z",
            "2025-01-15T10:30:00+18:30",
            "2025-01-15T10:30:00+19:00",
            "2025-01-15T10:30:00+05:60",
            "2025-01-15T10:30:00Zjunk",
            "2025-01-15T10:30:00Z ",
            " 2025-01-15T10:30:00Z",
            "2025-01-15T10:30:00+05:30x",
            "2025-01-15 10:30:00Z",
            "+2025-01-15T10:30:00Z",
            "2025-1-15T10:30:00Z",
            "2025-01-15T10:30:0Z",
            "2025-01-15T10:30:00\u0661Z",
            "\u0662\u0660\u0662\u0665-01-15T10:30:00Z",
            "",
            "2025",
            "2025-01-15",
            "2025-01-15T10:30:0",
            "yesterday");
    for (String text : texts) {
      assertNull(Timestamps.parseCommon(text), text);
      assertParseMatchesReference(text);
    }
  }

  @Test
  void invalidValuesThrowTheFormattersException() {
    for (String text :
        new String[] {
          "2023-02-29T10:30:00Z",
          "2025-13-01T10:30:00Z",
          "2025-01-15T24:00:00Z",
          "2025-01-15T10:30:00+18:30",
          "2025-01-15T10:30:00.1234567890Z",
          "2025-01-15T10:30:00Zjunk",
          "",
          "2025"
        }) {
      assertThrows(DateTimeParseException.class, () -> Timestamps.parse(text), text);
    }
  }

  @Test
  void formsTheFormatterAcceptsParseToTheSameValue() {
    assertEquals(
        OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC),
        Timestamps.parse("2025-01-15t10:30:00z"));
    assertEquals(
        OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHoursMinutes(5, 30)),
        Timestamps.parse("2025-01-15T10:30+05:30"));
    assertEquals(
        OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 0, ZoneOffset.UTC),
        Timestamps.parse("2025-01-15T10:30"));
  }

  @Test
  void parseMatchesTheFormatterOnRandomlyMutatedTimestamps() {
    Random random = new Random(42L);
    String alphabet = "0123456789:-+.TtZz 5";
    int accepted = 0;
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder(randomTimestamp(random));
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(3)) {
        case 0:
          if (at < text.length()) {
            text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
          }
          break;
        case 1:
          if (at < text.length()) {
            text.deleteCharAt(at);
          }
          break;
        default:
          text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String mutated = text.toString();
      OffsetDateTime fast = Timestamps.parseCommon(mutated);
      if (fast != null) {
        accepted++;
        assertEquals(assertDoesNotThrow(() -> reference(mutated), mutated), fast, mutated);
      }
      assertParseMatchesReference(mutated);
    }
    assertTrue(accepted > 0, "some mutations stay valid");
  }

  @Test
  void moshiAdapterReadsTimestampsAndNamesBadText() throws IOException {
    JsonAdapter<OffsetDateTime> adapter = PuffleJson.moshi().adapter(OffsetDateTime.class);

    assertEquals(
        OffsetDateTime.of(2025, 1, 15, 10, 30, 0, 123_000_000, ZoneOffset.UTC),
        adapter.fromJson("\"2025-01-15T10:30:00.123Z\""));
    assertNull(adapter.fromJson("null"));

    JsonDataException e =
        assertThrows(JsonDataException.class, () -> adapter.fromJson("\"yesterday\""));
    assertTrue(e.getMessage().contains("yesterday"), e.getMessage());
  }

  /** A valid timestamp in the server form, with random fields, fraction and offset. */
  private static String randomTimestamp(Random random) {
    int year = random.nextInt(10) == 0 ? random.nextInt(10_000) : 1900 + random.nextInt(250);
    int month = 1 + random.nextInt(12);
    int day = 1 + random.nextInt(YearMonth.of(year, month).lengthOfMonth());
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d",
                year, month, day, random.nextInt(24), random.nextInt(60), random.nextInt(60)));
    int fraction = random.nextInt(10);
    if (fraction > 0) {
      text.append('.');
      for (int i = 0; i < fraction; i++) {
        text.append((char) ('0' + random.nextInt(10)));
      }
    }
    switch (random.nextInt(4)) {
      case 0:
        break;
      case 1:
        text.append('Z');
        break;
      default:
        int minutes = random.nextInt(18 * 60 + 1);
        if (random.nextInt(4) == 0) {
          minutes -= minutes % 60;
        }
        text.append(random.nextBoolean() ? '+' : '-')
            .append(String.format("%02d:%02d", minutes / 60, minutes % 60));
    }
    return text.toString();
  }
}
