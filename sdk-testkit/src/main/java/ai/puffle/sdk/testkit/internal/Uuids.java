package ai.puffle.sdk.testkit.internal;

import java.util.regex.Pattern;

/** The UUID rule of Puffle's path and body parameters. */
final class Uuids {
  /** Versions 1-8 with variant 8/9/a/b, plus the nil and max UUIDs. */
  static final Pattern PATTERN =
      Pattern.compile(
          "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-"
              + "[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|"
              + "ffffffff-ffff-ffff-ffff-ffffffffffff)$");

  private Uuids() {}

  static boolean isUuid(String value) {
    return value != null && PATTERN.matcher(value).matches();
  }

  /** The value, or a 400 naming the field. */
  static String require(String value, String field) {
    if (value == null || value.isEmpty()) {
      throw HttpError.badRequest(field + " is required");
    }
    if (!isUuid(value)) {
      throw HttpError.badRequest(field + " must be a UUID");
    }
    return value;
  }
}
