package ai.puffle.sdk.testkit.internal.trigger;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.Map;

/**
 * Writes the run endpoints' JSON: maps in insertion order, lists, strings, numbers, booleans, and
 * nulls kept (a feed value of null is sent as null). Thread-safe.
 */
final class TriggerJson {
  private final JsonAdapter<Object> any =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();

  String write(Object value) {
    return any.toJson(value);
  }

  /** {@code {"error": message}}. */
  String error(String message) {
    return write(Map.of("error", message));
  }
}
