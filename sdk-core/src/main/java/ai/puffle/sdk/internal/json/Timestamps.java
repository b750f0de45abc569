package ai.puffle.sdk.internal.json;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads Puffle's ISO-8601 timestamps. The form servers send ({@code 2025-01-15T10:30:00.123Z},
 * {@code ...+00:00}, or no offset) is read directly; anything else goes to {@link
 * DateTimeFormatter#ISO_OFFSET_DATE_TIME}, and a value without an offset is read as UTC.
 */
public final class Timestamps {
  private Timestamps() {}

  /**
   * The timestamp {@code text} denotes.
   *
   * @throws DateTimeParseException when it is not an ISO-8601 date-time
   */
  public static OffsetDateTime parse(String text) {
    OffsetDateTime fast = parseCommon(text);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException withoutOffset) {
      return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
    }
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|±HH:MM]}, or {@code null} for any other form (left
   * to the formatter, which also gives the error for an invalid value).
   */
  static OffsetDateTime parseCommon(String s) {
    int n = s.length();
    if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nano = 0;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
        nano = nano * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || (i < n && isDigit(s.charAt(i)))) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nano *= 10;
      }
    }
    int offsetSeconds;
    if (i == n || (s.charAt(i) == 'Z' && i + 1 == n)) {
      offsetSeconds = 0;
    } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && i + 6 == n && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0 || om > 59) {
        return null;
      }
      offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    } else {
      return null;
    }
    try {
      return OffsetDateTime.of(year, month, day, hour, minute, second, nano,
          offsetSeconds == 0 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(offsetSeconds));
    } catch (DateTimeException invalid) {
      return null;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The non-negative number in {@code count} digits at {@code from}, or -1. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
