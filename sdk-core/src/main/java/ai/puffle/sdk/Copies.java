package ai.puffle.sdk;

import ai.puffle.sdk.internal.json.JsonTrees;
import ai.puffle.sdk.internal.mapping.Validate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deep, unmodifiable copies of JSON-like trees (maps, lists, scalars), and small readers. Trees
 * the SDK decoded itself are already deeply unmodifiable and are kept as they are.
 */
final class Copies {
  private Copies() {}

  /**
   * A deep unmodifiable copy keeping key order and {@code null} values; null keys rejected
   * ({@code field} names the whole tree in that message: no path is built while copying).
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(String field, Map<?, ?> source) {
    if (source == null || source.isEmpty()) {
      return Collections.emptyMap();
    }
    if (JsonTrees.isFrozen(source)) {
      return (Map<String, Object>) source;
    }
    Map<String, Object> copy = new LinkedHashMap<>(capacity(source.size()));
    for (Map.Entry<?, ?> entry : source.entrySet()) {
      Validate.check(entry.getKey() != null, field, "must not contain null keys");
      copy.put(entry.getKey().toString(), value(field, entry.getValue()));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static int capacity(int size) {
    return size < 3 ? size + 1 : (int) (size / 0.75f) + 1;
  }

  /** A deep unmodifiable copy of a list of JSON objects; {@code null} becomes empty. */
  static List<Map<String, Object>> maps(String field, List<? extends Map<String, ?>> source) {
    if (source == null || source.isEmpty()) {
      return Collections.emptyList();
    }
    List<Map<String, Object>> copy = new ArrayList<>(source.size());
    for (int i = 0; i < source.size(); i++) {
      copy.add(map(field, source.get(i)));
    }
    return Collections.unmodifiableList(copy);
  }

  /** A deep unmodifiable copy of any JSON-like value. */
  static Object value(String field, Object value) {
    if (JsonTrees.isFrozen(value)) {
      return value;
    }
    if (value instanceof Map) {
      return map(field, (Map<?, ?>) value);
    }
    if (value instanceof Collection) {
      Collection<?> items = (Collection<?>) value;
      List<Object> copy = new ArrayList<>(items.size());
      for (Object item : items) {
        copy.add(value(field, item));
      }
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /** The value if it is a string, else empty. */
  static Optional<String> string(Object value) {
    return value instanceof String ? Optional.of((String) value) : Optional.empty();
  }

  /** Whether the text has a non-whitespace character. */
  static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}
