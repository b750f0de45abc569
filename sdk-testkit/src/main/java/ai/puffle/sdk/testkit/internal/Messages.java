package ai.puffle.sdk.testkit.internal;

import java.util.Map;

/** The chat {@code message} field, as /turn and generate-content require it. */
final class Messages {
  private Messages() {}

  /**
   * The body's {@code message}: a non-empty JSON string (Moshi alone would also read a number
   * as text), or 400.
   */
  static String require(Map<String, Object> body) {
    Object message = body.get("message");
    if (!(message instanceof String) || ((String) message).isEmpty()) {
      throw HttpError.badRequest("message is required and must be a non-empty string");
    }
    return (String) message;
  }
}
