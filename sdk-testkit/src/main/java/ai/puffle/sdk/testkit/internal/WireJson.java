package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.ErrorBody;
import ai.puffle.sdk.internal.json.PresenceTracking;
import ai.puffle.sdk.internal.json.PuffleJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Reads requests and writes responses with the SDK's own Moshi and generated models, so the wire
 * shapes live in one place. Responses are written with serializeNulls: a model field set to null
 * (every session field is set, null or not) appears as JSON null, as the real server sends it.
 */
final class WireJson {
  private static final Type MAP = Types.newParameterizedType(Map.class, String.class, Object.class);

  private final Moshi moshi = PuffleJson.moshi();
  private final JsonAdapter<Map<String, Object>> maps = moshi.adapter(MAP);
  private final JsonAdapter<Object> any = moshi.adapter(Object.class);

  /** The body as a JSON object, or 400. */
  Map<String, Object> parseObject(String body) {
    if (body == null || body.trim().isEmpty()) {
      throw HttpError.badRequest("Request body must be a JSON object");
    }
    Object value;
    try {
      value = any.fromJson(body);
    } catch (IOException | JsonDataException e) {
      throw HttpError.badRequest("Invalid JSON body");
    }
    if (!(value instanceof Map)) {
      throw HttpError.badRequest("Request body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) value;
    return object;
  }

  /** The body as a JSON object, or null when it is not one (for logging and bookkeeping). */
  Map<String, Object> tryParseObject(String body) {
    try {
      return parseObject(body);
    } catch (HttpError e) {
      return null;
    }
  }

  /**
   * A parsed object as a generated model, or 400 when a field has the wrong type. A key sent as
   * null is marked on the model ({@link PresenceTracking#isSet}), so a partial update reads
   * which keys it carried from the model alone.
   */
  <T> T decode(Map<String, Object> tree, Class<T> type) {
    try {
      T value = moshi.adapter(type).fromJsonValue(tree);
      if (value == null) {
        throw HttpError.badRequest("Request body must be a JSON object");
      }
      if (value instanceof PresenceTracking) {
        PresenceTracking presence = (PresenceTracking) value;
        tree.forEach((key, v) -> {
          if (v == null) {
            presence.markExplicitNull(key);
          }
        });
      }
      return value;
    } catch (JsonDataException | IllegalArgumentException e) {
      throw HttpError.badRequest("Invalid request body: " + e.getMessage());
    }
  }

  /** A response model as JSON text. */
  String encode(Object model) {
    if (model instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) model;
      return maps.serializeNulls().toJson(map);
    }
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) moshi.adapter(model.getClass());
    return adapter.serializeNulls().toJson(model);
  }

  /** A response model as a JSON-like tree (maps, lists, strings, doubles, booleans, nulls). */
  Object toTree(Object model) {
    try {
      return any.fromJson(encode(model));
    } catch (IOException e) {
      throw new IllegalStateException("cannot re-read own JSON", e);
    }
  }

  /** The error envelope {@code {"error": message}}. */
  String error(String message) {
    ErrorBody body = new ErrorBody();
    body.put(ErrorBody.KEY_ERROR, message);
    return encode(body);
  }
}
