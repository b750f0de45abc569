package ai.puffle.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.api.CampaignsApi;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.json.PuffleJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.ByteString;

/**
 * Executes generated {@link ApiRequest}s the way the client does (an interceptor adds the bearer
 * key) against a MockWebServer, and reads back what went over the wire.
 */
final class WireHarness implements AutoCloseable {
  /** A key of the documented shape: {@code pk_live_} and 64 hex characters. */
  static final String API_KEY = "pk_live_" + "0123456789abcdef".repeat(4);

  private static final Type JSON_OBJECT =
      Types.newParameterizedType(Map.class, String.class, Object.class);

  final AiChatSessionsApi sessions;
  final CampaignsApi campaigns;
  private final MockWebServer server;
  private final OkHttpClient http;

  /** Requests resolve against the server's root. */
  WireHarness(MockWebServer server) {
    this(server, server.url("/"));
  }

  /** Requests resolve against {@code baseUrl} (which may carry a path prefix). */
  WireHarness(MockWebServer server, HttpUrl baseUrl) {
    this.server = server;
    RequestFactory factory = new RequestFactory(baseUrl, PuffleJson.moshi());
    this.sessions = new AiChatSessionsApi(factory);
    this.campaigns = new CampaignsApi(factory);
    this.http =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    chain.proceed(
                        chain.request().newBuilder()
                            .header("Authorization", "Bearer " + API_KEY)
                            .build()))
            .callTimeout(10, TimeUnit.SECONDS)
            .build();
  }

  /** Sends the request, fails on a non-2xx status, and decodes the success body. */
  <T> T execute(ApiRequest<T> request) throws IOException {
    try (Response response = http.newCall(request.httpRequest()).execute()) {
      assertTrue(response.isSuccessful(), request + " answered " + response.code());
      return request.decode(response.body().source());
    }
  }

  /** The next request the server received. */
  RecordedRequest take() throws InterruptedException {
    RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(recorded, "no request reached the server");
    return recorded;
  }

  /** Method, path, auth and Accept of a recorded request. */
  static void assertCall(RecordedRequest recorded, String method, String encodedPath) {
    assertEquals(method, recorded.getMethod());
    assertEquals(encodedPath, recorded.getUrl().encodedPath());
    assertEquals("Bearer " + API_KEY, recorded.getHeaders().get("Authorization"));
    assertEquals("application/json", recorded.getHeaders().get("Accept"));
  }

  /** The request had no query string at all. */
  static void assertNoQuery(RecordedRequest recorded) {
    assertNull(recorded.getUrl().encodedQuery(), "query of " + recorded.getUrl());
  }

  /** The request carried no body and no Content-Type. */
  static void assertNoBody(RecordedRequest recorded) {
    assertNull(recorded.getHeaders().get("Content-Type"));
    assertEquals(0L, recorded.getBodySize());
  }

  /** The JSON body as text, after checking the Content-Type. */
  static String jsonText(RecordedRequest recorded) {
    String contentType = recorded.getHeaders().get("Content-Type");
    assertNotNull(contentType, "Content-Type");
    assertEquals("application/json; charset=utf-8", contentType);
    ByteString body = recorded.getBody();
    assertNotNull(body, "request body");
    return body.utf8();
  }

  /** The JSON body parsed as a map (numbers are Doubles). */
  static Map<String, Object> jsonBody(RecordedRequest recorded) throws IOException {
    return parseObject(jsonText(recorded));
  }

  /** A JSON object parsed as a map (numbers are Doubles). */
  static Map<String, Object> parseObject(String json) throws IOException {
    JsonAdapter<Map<String, Object>> adapter = PuffleJson.moshi().adapter(JSON_OBJECT);
    return adapter.fromJson(json);
  }

  /** The exact set of keys of a JSON object. */
  static void assertKeys(Object jsonObject, String... expected) {
    assertTrue(jsonObject instanceof Map, "not a JSON object: " + jsonObject);
    assertEquals(
        new LinkedHashSet<>(Arrays.asList(expected)), ((Map<?, ?>) jsonObject).keySet());
  }

  /** A member that is a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object parent, String key) {
    Object value = ((Map<?, ?>) parent).get(key);
    assertTrue(value instanceof Map, key + " is not an object: " + value);
    return (Map<String, Object>) value;
  }

  /** A member that is a JSON array. */
  static List<?> array(Object parent, String key) {
    Object value = ((Map<?, ?>) parent).get(key);
    assertTrue(value instanceof List, key + " is not an array: " + value);
    return (List<?>) value;
  }

  /** Keys must match exactly (ordered). */
  static void assertKeyOrder(Map<?, ?> map, String... expected) {
    assertEquals(List.of(expected), List.copyOf(map.keySet()));
  }

  /** An ordered set of names, for assertions on query parameter names. */
  static Set<String> names(String... names) {
    return new LinkedHashSet<>(Arrays.asList(names));
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
