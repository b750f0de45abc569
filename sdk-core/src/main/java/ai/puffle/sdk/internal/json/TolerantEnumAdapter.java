package ai.puffle.sdk.internal.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;

/**
 * A generated enum by its constants' wire values ({@link WireValue}); a string the enum does not
 * know reads as the fallback constant, anything but a string is an
 * error. Not null-safe: wrap it with {@link #nullSafe()}.
 */
final class TolerantEnumAdapter<E extends Enum<E>> extends JsonAdapter<E> {
  private final Class<E> type;
  private final E[] constants;
  private final String[] names;
  private final JsonReader.Options options;
  private final E fallback;

  TolerantEnumAdapter(Class<E> type, E fallback) {
    this.type = type;
    this.fallback = fallback;
    this.constants = type.getEnumConstants();
    this.names = new String[constants.length];
    for (int i = 0; i < constants.length; i++) {
      names[i] = ((WireValue) constants[i]).getValue();
    }
    this.options = JsonReader.Options.of(names);
  }

  @Override
  public E fromJson(JsonReader reader) throws IOException {
    int index = reader.selectString(options);
    if (index != -1) {
      return constants[index];
    }
    if (reader.peek() != JsonReader.Token.STRING) {
      throw new JsonDataException(
          "Expected a string but was " + reader.peek() + " at path " + reader.getPath());
    }
    reader.skipValue();
    return fallback;
  }

  @Override
  public void toJson(JsonWriter writer, E value) throws IOException {
    if (value == null) {
      throw new NullPointerException("value was null: wrap this adapter with nullSafe()");
    }
    writer.value(names[value.ordinal()]);
  }

  @Override
  public String toString() {
    return "TolerantEnumAdapter(" + type.getName() + ")";
  }
}
