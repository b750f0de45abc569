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
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/** The one Moshi instance the SDK, its emulator and its tests share for Puffle's wire format. */
public final class PuffleJson {
  private static final String GENERATED_PACKAGE = "ai.puffle.sdk.generated.";
  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(OffsetDateTime.class, new OffsetDateTimeAdapter().nullSafe())
          .add(PuffleJson::tolerantEnum)
          .add(PuffleJson::freeForm)
          .add(new JsonTrees())
          .add(new PresenceAwareFactory())
          .build();

  private PuffleJson() {}

  /** The shared, thread-safe Moshi. */
  public static Moshi moshi() {
    return MOSHI;
  }

  /** Generated enums decode unknown wire values to their UNKNOWN_DEFAULT_OPEN_API constant. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonAdapter<?> tolerantEnum(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !raw.isEnum() || !WireValue.class.isAssignableFrom(raw)
        || !raw.getName().startsWith(GENERATED_PACKAGE)) {
      return null;
    }
    Class<? extends Enum> enumType = (Class<? extends Enum>) raw;
    Enum unknown = Enum.valueOf(enumType, "UNKNOWN_DEFAULT_OPEN_API");
    return new TolerantEnumAdapter(enumType, unknown).nullSafe();
  }

  /** Open objects (generated Map subclasses) keep every key. */
  @SuppressWarnings("unchecked")
  private static JsonAdapter<?> freeForm(
      Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !FreeFormJson.class.isAssignableFrom(raw)) {
      return null;
    }
    JsonAdapter<Map<String, Object>> maps = moshi.adapter(JsonTrees.STRING_OBJECT_MAP);
    return new JsonAdapter<Object>() {
      @Override
      public Object fromJson(JsonReader reader) throws IOException {
        Map<String, Object> instance;
        try {
          instance = (Map<String, Object>) raw.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException("cannot create " + raw.getName(), e);
        }
        // Each value is a frozen tree (JsonTrees); only the top level is the generated map.
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (instance.containsKey(name)) {
            throw JsonTrees.repeatedKey(name, reader);
          }
          instance.put(name, JsonTrees.readValue(reader));
        }
        reader.endObject();
        return instance;
      }

      @Override
      public void toJson(JsonWriter writer, Object value) throws IOException {
        maps.toJson(writer, (Map<String, Object>) value);
      }
    }.nullSafe();
  }

  /** ISO-8601 timestamps; a value without an offset is read as UTC. */
  private static final class OffsetDateTimeAdapter extends JsonAdapter<OffsetDateTime> {
    @Override
    public OffsetDateTime fromJson(JsonReader reader) throws IOException {
      String text = reader.nextString();
      try {
        return Timestamps.parse(text);
      } catch (DateTimeParseException e) {
        throw new JsonDataException(
            "Expected an ISO-8601 timestamp but was '" + text + "' at " + reader.getPath());
      }
    }

    @Override
    public void toJson(JsonWriter writer, OffsetDateTime value) throws IOException {
      writer.value(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }
  }
}
