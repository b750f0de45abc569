package ai.puffle.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.LogLevel;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.GzipSink;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's HTTP log as a user sees it through {@code PuffleClient.Builder.logLevel} (the
 * transport the client builds): what each {@link LogLevel} shows, that header values show only
 * for allow-listed names, that the key and tokens never show, and that logging leaves the bodies
 * the caller reads, and the failures the caller sees, as they are.
 */
class HttpLogInterceptorTest {
  static final String KEY = TestClients.API_KEY;
  static final String TOKEN = "tr_pat_Zq9xK2mW7vB4nL8pR3tY6uI1oP5aS0dF";
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  static final String REQUEST_JSON = "{\"message\":\"hello\"}";
  static final String RESPONSE_JSON =
      "{\"runId\":\"run_1\",\"publicAccessToken\":\"" + TOKEN + "\",\"echo\":\"" + KEY + "\"}";

  final MockWebServer server = new MockWebServer();
  final List<String> log = new CopyOnWriteArrayList<>();
  Transport transport;

  HttpLogInterceptorTest() throws IOException {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.start();
  }

  @AfterEach
  void stop() {
    if (transport != null) {
      transport.close();
    }
    server.close();
    for (String line : log) {
      assertFalse(line.contains(KEY), "the key was logged: " + line);
      assertFalse(line.contains(TOKEN.substring(7)), "a token was logged: " + line);
    }
  }

  Transport transport(LogLevel level) {
    Transport.Settings s = new Transport.Settings();
    s.apiKey = KEY;
    s.userAgent = "puffle-java/test";
    s.logLevel = level;
    s.logger = log::add;
    transport = new Transport(s);
    return transport;
  }

  String post(Transport t, String path) throws IOException {
    Request request = new Request.Builder().url(server.url(path))
        .header("X-Custom-Secret", "hunter2")
        .post(RequestBody.create(REQUEST_JSON, JSON)).build();
    try (Response response = t.newCall(request).execute()) {
      return response.body().string();
    }
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "req_42").addHeader("Set-Cookie", "session=abc123")
        .body(body).build();
  }

  boolean logged(String regex) {
    Pattern p = Pattern.compile(regex);
    return log.stream().anyMatch(l -> p.matcher(l).matches());
  }

  @Test
  void basicShowsTheRequestAndResponseLinesOnly() throws IOException {
    server.enqueue(json(RESPONSE_JSON));
    post(transport(LogLevel.BASIC), "/api/turn");

    int requestBytes = REQUEST_JSON.getBytes(StandardCharsets.UTF_8).length;
    int responseBytes = RESPONSE_JSON.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(logged("--> POST " + Pattern.quote(server.url("/api/turn").toString())
        + " http/1\\.1 \\(" + requestBytes + "-byte body\\)"), "" + log);
    assertTrue(logged("<-- 200 OK " + Pattern.quote(server.url("/api/turn").toString())
        + " \\(\\d+ms, " + responseBytes + "-byte body\\)"), "" + log);
    assertEquals(2, log.size(), "nothing but the two lines: " + log);
  }

  @Test
  void headersShowsAllowListedValuesAndMasksEveryOtherHeader() throws IOException {
    server.enqueue(json(RESPONSE_JSON));
    post(transport(LogLevel.HEADERS), "/api/turn");

    assertTrue(log.contains("Authorization: [redacted]"), "" + log);
    assertTrue(log.contains("X-Custom-Secret: [redacted]"), "not on the allow-list: " + log);
    assertTrue(log.contains("Set-Cookie: [redacted]"), "" + log);
    assertTrue(log.contains("User-Agent: puffle-java/test"), "" + log);
    assertTrue(log.contains("X-Request-Id: req_42"), "" + log);
    assertTrue(log.contains("Content-Type: application/json; charset=utf-8"), "" + log);
    assertTrue(log.contains("--> END POST"), "" + log);
    assertTrue(log.contains("<-- END HTTP"), "" + log);
    assertFalse(log.stream().anyMatch(l -> l.contains("hunter2") || l.contains("abc123")), "" + log);
    assertFalse(log.stream().anyMatch(l -> l.contains("hello") || l.contains("run_1")), "no bodies: " + log);
  }

  @Test
  void anAllowListedHeaderStillHasItsSecretsMasked() throws IOException {
    server.enqueue(new MockResponse.Builder().code(302)
        .addHeader("Location", "/next?token=" + TOKEN).build());
    Transport t = transport(LogLevel.HEADERS);
    Request request = new Request.Builder().url(server.url("/api/a")).build();
    try (Response response = t.client().newBuilder().followRedirects(false).build()
        .newCall(request).execute()) {
      assertEquals(302, response.code());
    }
    assertTrue(log.contains("Location: /next?token=[redacted]"), "" + log);
  }

  @Test
  void bodyShowsBodiesWithSecretsMaskedAndTheCallerReadsThemWhole() throws Exception {
    server.enqueue(json(RESPONSE_JSON));
    String read = post(transport(LogLevel.BODY), "/api/turn");

    assertEquals(RESPONSE_JSON, read, "the caller reads the body as sent, secrets and all");
    assertEquals(REQUEST_JSON, server.takeRequest().getBody().utf8(), "the server gets the request body");
    assertTrue(log.contains(REQUEST_JSON), "" + log);
    assertTrue(log.contains("--> END POST (" + REQUEST_JSON.length() + "-byte body)"), "" + log);
    assertTrue(log.contains(
        "{\"runId\":\"run_1\",\"publicAccessToken\":\"[redacted]\",\"echo\":\"[redacted]\"}"), "" + log);
    assertTrue(log.contains("<-- END HTTP (" + RESPONSE_JSON.length() + "-byte body)"), "" + log);
  }

  @Test
  void aGzipBodyIsUnzippedForTheLogOnly() throws IOException {
    Buffer gzipped = new Buffer();
    try (okio.BufferedSink sink = Okio.buffer(new GzipSink(gzipped))) {
      sink.writeUtf8(RESPONSE_JSON);
    }
    long gzippedBytes = gzipped.size();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("Content-Encoding", "gzip").body(gzipped).build());
    String read = post(transport(LogLevel.BODY), "/api/turn");

    assertEquals(RESPONSE_JSON, read);
    assertTrue(log.stream().anyMatch(l -> l.startsWith("{\"runId\":\"run_1\",\"publicAccessToken\":\"[redacted]\"")),
        "" + log);
    assertTrue(log.contains("<-- END HTTP (" + RESPONSE_JSON.length() + "-byte, " + gzippedBytes
        + "-gzipped-byte body)"), "" + log);
  }

  @Test
  void aBinaryBodyIsOmitted() throws IOException {
    Buffer binary = new Buffer().write(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7});
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/octet-stream").body(binary).build());
    post(transport(LogLevel.BODY), "/api/file");

    assertTrue(log.contains("<-- END HTTP (binary 7-byte body omitted)"), "" + log);
  }

  @Test
  void aFailedExchangeIsLoggedAndStillFails() {
    server.enqueue(new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
    Transport t = transport(LogLevel.BODY);
    Request request = new Request.Builder().url(server.url("/api/a")).build();
    assertThrows(IOException.class,
        () -> t.client().newBuilder().retryOnConnectionFailure(false).build().newCall(request).execute());
    assertTrue(log.stream().anyMatch(l -> l.startsWith("<-- HTTP FAILED: ")), "" + log);
  }

  @Test
  void aBodyCutShortFailsTheCallersReadAsWithoutLogging() throws IOException {
    for (LogLevel level : new LogLevel[] {LogLevel.NONE, LogLevel.BODY}) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(RESPONSE_JSON).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build());
      Transport t = transport(level);
      Request request = new Request.Builder().url(server.url("/api/a")).build();
      try (Response response = t.newCall(request).execute()) {
        assertEquals(200, response.code(), level + ": the response arrives");
        assertThrows(IOException.class, () -> response.body().string(), level + ": its body does not");
      }
      t.close();
    }
    assertTrue(log.stream().anyMatch(l -> l.startsWith("<-- END HTTP (unreadable body: ")), "" + log);
  }

  @Test
  void noneInstallsNoInterceptor() {
    assertThrows(IllegalArgumentException.class,
        () -> new HttpLogInterceptor(LogLevel.NONE, new Redactor(KEY), log::add));
    int before = new okhttp3.OkHttpClient().networkInterceptors().size();
    assertEquals(before + 1, transport(LogLevel.NONE).client().networkInterceptors().size(),
        "only the send marker");
  }

  @Test
  void textIsToldFromBinaryByItsFirstCodePoints() {
    assertTrue(HttpLogInterceptor.isProbablyText(new Buffer()));
    assertTrue(HttpLogInterceptor.isProbablyText(new Buffer().writeUtf8("{\"a\":\"é ✓ 😀\"}\r\n\t")));
    assertFalse(HttpLogInterceptor.isProbablyText(new Buffer().writeUtf8("PK\u0003\u0004")));
    assertTrue(HttpLogInterceptor.isProbablyText(new Buffer().writeUtf8("😀".repeat(40))));
    assertFalse(HttpLogInterceptor.isProbablyText(
        new Buffer().writeUtf8("ab").write(new byte[] {(byte) 0xf0, (byte) 0x9f})), "cut inside a code point");
    Buffer kept = new Buffer().writeUtf8("abc");
    HttpLogInterceptor.isProbablyText(kept);
    assertEquals(3, kept.size(), "the buffer is left as it was");
  }
}
