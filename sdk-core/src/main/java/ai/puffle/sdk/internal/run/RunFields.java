package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.json.JsonTrees;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Reading JSON text, and the two derived views of a run: its metadata and its stream keys. */
final class RunFields {
  static final String JSON = "application/json";
  static final String SUPER_JSON = "application/super+json";

  private RunFields() {}

  /**
   * The JSON tree {@code text} holds (one value, nothing after it).
   *
   * @throws IllegalArgumentException when it is not JSON
   */
  static Object json(String text) {
    try {
      JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text));
      Object value = JsonTrees.readValue(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new IllegalArgumentException("text after the JSON value");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  /**
   * The metadata as a tree: a retrieve's object as it is; a feed's text decoded by its {@code
   * metadataType} (superjson gives its {@code json} part). Null when absent, offloaded ({@code
   * application/store}) or unreadable: metadata never ends a watch.
   */
  static Object metadata(Object value, Object type) {
    if (value instanceof Map) {
      return value;
    }
    if (!(value instanceof String)) {
      return null;
    }
    try {
      if (JSON.equals(type)) {
        return json((String) value);
      }
      if (SUPER_JSON.equals(type)) {
        Object tree = json((String) value);
        return tree instanceof Map ? ((Map<?, ?>) tree).get("json") : null;
      }
    } catch (IllegalArgumentException unreadable) {
      return null;
    }
    return null;
  }

  /**
   * The run's stream keys, as the TypeScript SDK finds them: {@code metadata.$$streams} when it is
   * a non-empty list of strings, else the {@code realtimeStreams} column.
   */
  static List<String> streams(Object metadata, Object column) {
    if (metadata instanceof Map) {
      List<String> legacy = strings(((Map<?, ?>) metadata).get("$$streams"));
      if (legacy != null && !legacy.isEmpty()) {
        return legacy;
      }
    }
    List<String> keys = strings(column);
    return keys == null ? Collections.emptyList() : keys;
  }

  private static List<String> strings(Object value) {
    if (!(value instanceof List)) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object o : (List<?>) value) {
      if (!(o instanceof String)) {
        return null;
      }
      out.add((String) o);
    }
    return Collections.unmodifiableList(out);
  }
}
