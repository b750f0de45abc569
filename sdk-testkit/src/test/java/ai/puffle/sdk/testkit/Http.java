package ai.puffle.sdk.testkit;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Plain OkHttp against the emulator, with no SDK code: the tests check the emulator's wire
 * behaviour on its own. Connection failures are not retried, so a dropped request is seen once.
 */
final class Http {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final FakePuffle fake;
  private final OkHttpClient client;
  private String key;

  Http(FakePuffle fake) {
    this(fake, Duration.ofSeconds(5));
  }

  Http(FakePuffle fake, Duration readTimeout) {
    this.fake = fake;
    this.key = fake.apiKey();
    this.client = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .readTimeout(readTimeout)
        .build();
  }

  /** Sends requests with another Authorization key, or none when null. */
  Http withKey(String key) {
    Http other = new Http(fake);
    other.key = key;
    return other;
  }

  Res get(String path) {
    return send("GET", path, null);
  }

  Res post(String path, String json) {
    return send("POST", path, json);
  }

  Res patch(String path, String json) {
    return send("PATCH", path, json);
  }

  Res put(String path, String json) {
    return send("PUT", path, json);
  }

  Res delete(String path) {
    return send("DELETE", path, null);
  }

  /** Sends and reads the whole response; transport failures propagate as IOException. */
  Res sendOrThrow(String method, String path, String json) throws IOException {
    Request.Builder request = new Request.Builder().url(fake.baseUrl() + path);
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    request.method(method, json == null ? null : RequestBody.create(json, JSON));
    try (Response response = client.newCall(request.build()).execute()) {
      return new Res(response.code(), response.headers(), response.body().string());
    }
  }

  Res send(String method, String path, String json) {
    try {
      return sendOrThrow(method, path, json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A response: status, headers and body text, with JSON helpers. */
  static final class Res {
    final int status;
    final Headers headers;
    final String body;

    Res(int status, Headers headers, String body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    Map<String, Object> json() {
      try {
        return MOSHI.<Map<String, Object>>adapter(
            Types.newParameterizedType(Map.class, String.class, Object.class)).fromJson(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
      return (Map<String, Object>) json().get(key);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(String key) {
      return (List<Map<String, Object>>) json().get(key);
    }

    String error() {
      return (String) json().get("error");
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
