package ai.puffle.sdk.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;

/**
 * Writes a generated model with only the keys that are set: a {@code null} field is left out
 * unless the caller set it to {@code null} (then it is written as JSON {@code null}). Reading is
 * Moshi's own reflective adapter, unchanged.
 */
final class PresenceAwareFactory implements JsonAdapter.Factory {
  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !PresenceTracking.class.isAssignableFrom(raw)) {
      return null;
    }
    JsonAdapter<Object> fields = moshi.nextAdapter(this, type, annotations);
    JsonAdapter<Object> allFields = fields.serializeNulls();
    JsonAdapter<Object> any = moshi.adapter(Object.class);
    return new JsonAdapter<Object>() {
      @Override
      public Object fromJson(JsonReader reader) throws IOException {
        return fields.fromJson(reader);
      }

      @Override
      @SuppressWarnings("unchecked")
      public void toJson(JsonWriter writer, Object value) throws IOException {
        if (value == null) {
          writer.nullValue();
          return;
        }
        Map<String, Object> tree = (Map<String, Object>) allFields.toJsonValue(value);
        PresenceTracking presence = (PresenceTracking) value;
        tree.entrySet()
            .removeIf(e -> e.getValue() == null && !presence.isExplicitNull(e.getKey()));
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true);
        try {
          any.toJson(writer, tree);
        } finally {
          writer.setSerializeNulls(serializeNulls);
        }
      }

      @Override
      public String toString() {
        return "PresenceAware(" + fields + ")";
      }
    };
  }
}
