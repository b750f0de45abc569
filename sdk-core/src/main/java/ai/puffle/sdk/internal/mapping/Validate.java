package ai.puffle.sdk.internal.mapping;

import ai.puffle.sdk.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Input checks run before anything is sent. Each failure throws {@link InvalidInputException}
 * naming the field and the rule, e.g. {@code "turnRequest.message must not be blank"}.
 *
 * <p>The size caps below are client-side guards only: Puffle's docs state no limits, so they are
 * generous and exist to stop obviously broken input (a runaway loop, a whole CRM export) before it
 * is uploaded.
 */
public final class Validate {
  /** Most characters in a chat message (client-side guard; the API documents no limit). */
  public static final int MAX_MESSAGE_CHARS = 100_000;
  /** Most characters in other text fields: titles, subjects, bodies (client-side guard). */
  public static final int MAX_TEXT_CHARS = 100_000;
  /** Most leads in one request (client-side guard; the docs advise 3-10 for examples). */
  public static final int MAX_LEADS = 100;
  /** Most names in {@code availableVarNames} (client-side guard). */
  public static final int MAX_VAR_NAMES = 200;
  /** Most chat messages in a transcript sent with a session update (client-side guard). */
  public static final int MAX_TRANSCRIPT_MESSAGES = 10_000;
  /** Most prospect ids in one {@code generate_ai} request (client-side guard). */
  public static final int MAX_PROSPECT_IDS = 1_000;

  /** The UUID pattern the API documents for its {@code string<uuid>} parameters. */
  public static final Pattern UUID =
      Pattern.compile(
          "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}"
              + "|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$");

  private static final int SHOWN_CHARS = 40;

  private Validate() {}

  /** Returns {@code value}; throws when it is {@code null}. */
  public static <T> T notNull(String field, T value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
    return value;
  }

  /**
   * Returns {@code value} when it matches the API's UUID pattern (RFC 4122 versions 1-8, or the
   * nil and max UUIDs); throws otherwise.
   */
  public static String uuid(String field, String value) {
    notNull(field, value);
    if (!isUuid(value)) {
      throw new InvalidInputException(field, "must be a UUID", "got " + shown(value));
    }
    return value;
  }

  /** Whether {@code s} matches {@link #UUID}, checked without a regex (it runs on every call). */
  static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    if (s.equals("00000000-0000-0000-0000-000000000000")
        || s.equals("ffffffff-ffff-ffff-ffff-ffffffffffff")) {
      return true;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean ok;
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        ok = c == '-';
      } else if (i == 14) {
        ok = c >= '1' && c <= '8';
      } else if (i == 19) {
        ok = c == '8' || c == '9' || c == 'a' || c == 'b' || c == 'A' || c == 'B';
      } else {
        ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Returns {@code value} when it is non-null and has at least one character. */
  public static String notEmpty(String field, String value) {
    notNull(field, value);
    if (value.isEmpty()) {
      throw new InvalidInputException(field, "must not be empty");
    }
    return value;
  }

  /** Returns {@code value} when it is non-null and not empty or whitespace only (Unicode aware). */
  public static String notBlank(String field, String value) {
    notNull(field, value);
    if (value.isBlank()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    return value;
  }

  /** Returns {@code value} (which may be {@code null}) when it has at most {@code max} chars. */
  public static String maxLength(String field, String value, int max) {
    if (value != null && value.length() > max) {
      throw new InvalidInputException(
          field, "must have at most " + max + " characters", "got " + value.length());
    }
    return value;
  }

  /** A chat message: non-blank and at most {@link #MAX_MESSAGE_CHARS} characters. */
  public static String message(String field, String value) {
    return maxLength(field, notBlank(field, value), MAX_MESSAGE_CHARS);
  }

  /** Nullable free text: at most {@link #MAX_TEXT_CHARS} characters. */
  public static String text(String field, String value) {
    return maxLength(field, value, MAX_TEXT_CHARS);
  }

  /** Returns {@code value} when it is zero or more. */
  public static long notNegative(String field, long value) {
    if (value < 0) {
      throw new InvalidInputException(field, "must not be negative", "got " + value);
    }
    return value;
  }

  /** Throws when {@code condition} is false, with the given rule. */
  public static void check(boolean condition, String field, String rule) {
    if (!condition) {
      throw new InvalidInputException(field, rule);
    }
  }

  /**
   * An unmodifiable copy of {@code values}: non-null, no null items, at most {@code max} items.
   */
  public static <T> List<T> list(String field, Collection<? extends T> values, int max) {
    notNull(field, values);
    if (values.size() > max) {
      throw new InvalidInputException(
          field, "must have at most " + max + " items", "got " + values.size());
    }
    List<T> copy = new ArrayList<>(values.size());
    int index = 0;
    for (T value : values) {
      if (value == null) {
        throw new InvalidInputException(field + "[" + index + "]", "must not be null");
      }
      copy.add(value);
      index++;
    }
    return Collections.unmodifiableList(copy);
  }

  /** Like {@link #list}, and every item must also be non-blank. */
  public static List<String> names(String field, Collection<String> values, int max) {
    List<String> copy = list(field, values, max);
    for (int i = 0; i < copy.size(); i++) {
      notBlank(field + "[" + i + "]", copy.get(i));
    }
    return copy;
  }

  private static String shown(String value) {
    String cut = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "..." : value;
    return "\"" + cut + "\"";
  }

  /** A positive duration. */
  public static java.time.Duration positive(String field, java.time.Duration value) {
    notNull(field, value);
    if (value.isNegative() || value.isZero()) {
      throw new InvalidInputException(field, "must be positive", "was " + value);
    }
    return value;
  }

  /** A duration that is zero or more. */
  public static java.time.Duration notNegative(String field, java.time.Duration value) {
    notNull(field, value);
    if (value.isNegative()) {
      throw new InvalidInputException(field, "must not be negative", "was " + value);
    }
    return value;
  }

  /** An int within {@code [min, max]}. */
  public static int range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidInputException(
          field, "must be between " + min + " and " + max, "was " + value);
    }
    return value;
  }

  /** An HTTP header name (an RFC 9110 token). */
  public static String headerName(String field, String name) {
    notEmpty(field, name);
    if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
      throw new InvalidInputException(field, "must be a valid header name", "was '" + name + "'");
    }
    return name;
  }

  /** An HTTP header value: no line breaks or other control characters. */
  public static String headerValue(String field, String value) {
    notNull(field, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new InvalidInputException(field, "must not contain line breaks or control characters");
      }
    }
    return value;
  }

  /**
   * A header the client adds to a request on a caller's behalf (from {@code RequestOptions} or an
   * event listener): a valid name and value, and not one the client sets itself ({@code
   * Authorization}, {@code User-Agent}, {@code Host}, {@code Content-Length}).
   */
  public static void extraHeader(String field, String name, String value) {
    headerName(field, name);
    headerValue(field + "(" + name + ")", value);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals("authorization") || lower.equals("host") || lower.equals("content-length")
        || lower.equals("user-agent")) {
      throw new InvalidInputException(field, "must not set " + name + " (the client sets it)");
    }
  }
}
