package ai.puffle.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep copies of JSON-like trees (maps, lists and scalars), so stored state never aliases. */
final class JsonTrees {
  private JsonTrees() {}

  static Map<String, Object> deepCopy(Map<String, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      copy.put(e.getKey(), copyValue(e.getValue()));
    }
    return copy;
  }

  static Object copyValue(Object value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        copy.put(String.valueOf(e.getKey()), copyValue(e.getValue()));
      }
      return copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<?>) value) {
        copy.add(copyValue(item));
      }
      return copy;
    }
    return value;
  }

  /** A string field of a map, or null when absent or not a string. */
  static String string(Map<String, ?> map, String key) {
    Object value = map == null ? null : map.get(key);
    return value instanceof String ? (String) value : null;
  }
}
