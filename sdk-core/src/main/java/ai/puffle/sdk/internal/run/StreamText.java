package ai.puffle.sdk.internal.run;

import java.util.Map;

/**
 * The one rule for the text a stream chunk adds, covering what Trigger.dev tasks stream in
 * practice: plain text ({@code textStream} of the Vercel AI SDK), the AI SDK's stream parts and
 * UI message chunks, and simple objects.
 *
 * <ol>
 *   <li>A string chunk is its own text.
 *   <li>An object with a string {@code type} carries text only when the type is {@code
 *       "text-delta"}: its {@code delta} (AI SDK 5 UI message chunks), {@code text} (AI SDK 5
 *       stream parts) or {@code textDelta} (AI SDK 4), the first that is a string. Every other
 *       type (reasoning, tool calls, start, finish, errors, ...) carries none, so reasoning text is
 *       never mistaken for the answer.
 *   <li>An object without a {@code type}: its first string field among {@code delta}, {@code
 *       textDelta}, {@code text}, {@code content}.
 *   <li>Anything else (numbers, arrays, null, other objects) carries none.
 * </ol>
 */
public final class StreamText {
  static final String TEXT_DELTA = "text-delta";
  private static final String[] TYPED = {"delta", "text", "textDelta"};
  private static final String[] UNTYPED = {"delta", "textDelta", "text", "content"};

  private StreamText() {}

  /** The text {@code chunk} adds, or null when it carries none. */
  public static String delta(Object chunk) {
    if (chunk instanceof String) {
      return (String) chunk;
    }
    if (!(chunk instanceof Map)) {
      return null;
    }
    Map<?, ?> object = (Map<?, ?>) chunk;
    Object type = object.get("type");
    if (type instanceof String) {
      return TEXT_DELTA.equals(type) ? firstString(object, TYPED) : null;
    }
    return firstString(object, UNTYPED);
  }

  private static String firstString(Map<?, ?> object, String[] fields) {
    for (String f : fields) {
      Object v = object.get(f);
      if (v instanceof String) {
        return (String) v;
      }
    }
    return null;
  }
}
