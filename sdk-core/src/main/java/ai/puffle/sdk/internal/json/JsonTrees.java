package ai.puffle.sdk.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads untyped JSON ({@code Object}, {@code Map<String, Object>}, {@code List<Map<String,
 * Object>>}) into compact, deeply unmodifiable trees: objects become {@link FrozenMap}, arrays
 * {@link FrozenList}, numbers {@code Double} (as Moshi's own adapter does). Public values can
 * hold these trees without copying them. Writing is Moshi's own adapter, unchanged.
 */
public final class JsonTrees implements JsonAdapter.Factory {
  static final Type STRING_OBJECT_MAP =
      Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final Type LIST_OF_MAPS = Types.newParameterizedType(List.class, STRING_OBJECT_MAP);

  /** Whether {@code value} is a tree this class built, safe to share as it is. */
  public static boolean isFrozen(Object value) {
    return value instanceof FrozenMap || value instanceof FrozenList;
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    boolean any = type == Object.class;
    boolean map = Types.equals(type, STRING_OBJECT_MAP);
    boolean maps = Types.equals(type, LIST_OF_MAPS);
    if (!any && !map && !maps) {
      return null;
    }
    JsonAdapter<Object> writer = moshi.nextAdapter(this, type, annotations);
    return new JsonAdapter<Object>() {
      @Override
      public Object fromJson(JsonReader reader) throws IOException {
        if (any) {
          return readValue(reader);
        }
        if (reader.peek() == JsonReader.Token.NULL) {
          return reader.nextNull();
        }
        return map ? readObject(reader) : readObjects(reader);
      }

      @Override
      public void toJson(JsonWriter out, Object value) throws IOException {
        writer.toJson(out, value);
      }

      @Override
      public String toString() {
        return "JsonTrees(" + type.getTypeName() + ")";
      }
    };
  }

  /** Reads any JSON value as a tree. */
  public static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return readObject(reader);
      case BEGIN_ARRAY:
        reader.beginArray();
        List<Object> items = new ArrayList<>();
        while (reader.hasNext()) {
          items.add(readValue(reader));
        }
        reader.endArray();
        return FrozenList.adopt(items.toArray());
      case STRING:
        return reader.nextString();
      case NUMBER:
        return reader.nextDouble();
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException(
            "Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /** Reads a JSON object as a {@link FrozenMap}; a repeated key is an error, as in Moshi. */
  public static FrozenMap readObject(JsonReader reader) throws IOException {
    reader.beginObject();
    FrozenMap.Builder entries = new FrozenMap.Builder();
    while (reader.hasNext()) {
      String name = reader.nextName();
      Object value = readValue(reader);
      if (!entries.add(name, value)) {
        throw repeatedKey(name, reader);
      }
    }
    reader.endObject();
    return entries.build();
  }

  /** The error for a key that appears twice in one object (Moshi's own wording). */
  static JsonDataException repeatedKey(String name, JsonReader reader) {
    return new JsonDataException(
        "Map key '" + name + "' has multiple values at path " + reader.getPath());
  }

  private static List<Object> readObjects(JsonReader reader) throws IOException {
    reader.beginArray();
    List<Object> items = new ArrayList<>();
    while (reader.hasNext()) {
      items.add(reader.peek() == JsonReader.Token.NULL ? reader.nextNull() : readObject(reader));
    }
    reader.endArray();
    return FrozenList.adopt(items.toArray());
  }
}
