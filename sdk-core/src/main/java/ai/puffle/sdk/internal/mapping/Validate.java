package ai.puffle.sdk.internal.mapping;

import ai.puffle.sdk.InvalidInputException;
import java.time.Duration;

/** stub */
public final class Validate {
  private Validate() {}

  public static Duration positive(String field, Duration d) {
    if (d == null) throw new InvalidInputException(field, "must not be null");
    if (d.isNegative() || d.isZero()) throw new InvalidInputException(field, "must be positive (was " + d + ")");
    return d;
  }

  public static Duration notNegative(String field, Duration d) {
    if (d == null) throw new InvalidInputException(field, "must not be null");
    if (d.isNegative()) throw new InvalidInputException(field, "must not be negative (was " + d + ")");
    return d;
  }

  public static int range(String field, int v, int min, int max) {
    if (v < min || v > max) throw new InvalidInputException(field, "must be between " + min + " and " + max + " (was " + v + ")");
    return v;
  }

  public static String headerName(String field, String name) {
    if (name == null || name.isEmpty() || !name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+"))
      throw new InvalidInputException(field, "must be a valid header name");
    return name;
  }

  public static String headerValue(String field, String value) {
    if (value == null) throw new InvalidInputException(field, "must not be null");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) throw new InvalidInputException(field, "must not contain control characters such as a newline");
    }
    return value;
  }
}
