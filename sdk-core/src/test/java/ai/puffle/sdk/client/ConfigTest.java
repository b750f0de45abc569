package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.internal.ClientConfig;
import ai.puffle.sdk.testing.TestClients;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The builder's rules for key, base URL, timeouts and concurrency, and fromEnv(). */
class ConfigTest {
  static final String KEY = TestClients.API_KEY;
  static final String OTHER_KEY =
      "pk_live_fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

  final ScriptedServer server = new ScriptedServer();

  @AfterEach
  void stop() {
    System.clearProperty(PuffleClient.PROP_API_KEY);
    System.clearProperty(PuffleClient.PROP_BASE_URL);
    server.close();
  }

  static InvalidInputException invalid(org.junit.jupiter.api.function.Executable e, String field) {
    InvalidInputException x = assertThrows(InvalidInputException.class, e);
    assertEquals(field, x.field());
    assertFalse(x.rule().isBlank());
    assertTrue(x.getMessage().startsWith(field + " " + x.rule()), x.getMessage());
    return x;
  }

  // ------------------------------------------------------------------ key

  @Test
  void aKeyIsRequired() {
    InvalidInputException e = invalid(() -> PuffleClient.builder().build(), "apiKey");
    assertTrue(e.getMessage().contains("PUFFLE_API_KEY"), "says where to set it: " + e.getMessage());
  }

  @Test
  void nullAndBlankKeysAreRejected() {
    invalid(() -> PuffleClient.builder().apiKey(null), "apiKey");
    invalid(() -> PuffleClient.builder().apiKey(""), "apiKey");
    invalid(() -> PuffleClient.builder().apiKey("   "), "apiKey");
  }

  @ParameterizedTest
  @ValueSource(strings = {"pk_live_abc def", "pk_live_abc\n", "\tpk_live_abc", "pk_live_abc\r\n", "pk_live_\u00a0abc"})
  void keysWithWhitespaceOrLineBreaksAreRejectedWithoutEchoingThem(String key) {
    InvalidInputException e = invalid(() -> PuffleClient.builder().apiKey(key), "apiKey");
    assertTrue(e.getMessage().contains("whitespace"), e.getMessage());
    assertFalse(e.getMessage().contains("pk_live_abc"), "the key is not echoed: " + e.getMessage());
  }

  // ------------------------------------------------------------------ base URL

  @ParameterizedTest
  @ValueSource(strings = {"http://example.com", "http://app.puffle.ai", "http://10.0.0.1:8080", "http://localhost.example.com"})
  void plainHttpIsRejectedOutsideLoopback(String url) {
    InvalidInputException e = invalid(() -> PuffleClient.builder().baseUrl(url), "baseUrl");
    assertTrue(e.getMessage().contains("https"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1", "http://127.0.0.1:4010", "http://localhost", "http://localhost:3000/",
      "http://[::1]", "http://[::1]:8080", "http://127.1.2.3", "https://app.puffle.ai", "https://example.com/puffle"})
  void httpsOrLoopbackIsAllowed(String url) {
    try (PuffleClient c = PuffleClient.builder().apiKey(KEY).baseUrl(url).build()) {
      assertTrue(c.baseUrl().startsWith(url.substring(0, url.indexOf(':'))), c.baseUrl());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a url", "app.puffle.ai", "ftp://app.puffle.ai", "https://", "://x", "https://app.puffle.ai?x=1",
      "https://app.puffle.ai/#frag"})
  void garbageUrlsAreRejected(String url) {
    invalid(() -> PuffleClient.builder().baseUrl(url), "baseUrl");
  }

  @Test
  void nullAndBlankUrlsAreRejected() {
    invalid(() -> PuffleClient.builder().baseUrl(null), "baseUrl");
    invalid(() -> PuffleClient.builder().baseUrl(" "), "baseUrl");
  }

  @Test
  void theDefaultBaseUrlIsProduction() {
    try (PuffleClient c = PuffleClient.builder().apiKey(KEY).build()) {
      assertTrue(c.baseUrl().startsWith(PuffleClient.DEFAULT_BASE_URL), c.baseUrl());
    }
  }

  @Test
  void aBaseUrlWithAPathPrefixKeepsItInRequests() throws Exception {
    for (String prefix : new String[] {"/proxy/puffle", "/proxy/puffle/"}) {
      server.fixture("session-created.json");
      try (PuffleClient c = PuffleClient.builder().apiKey(KEY)
          .baseUrl(server.server.url(prefix).toString()).build()) {
        c.sessions().get(SESSION_ID);
      }
      RecordedRequest r = server.server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("/proxy/puffle/api/campaigns/ai-chat-sessions/" + SESSION_ID, r.getUrl().encodedPath());
    }
  }

  // ------------------------------------------------------------------ timeouts and concurrency

  @Test
  void timeoutsMustBePositive() {
    invalid(() -> PuffleClient.builder().connectTimeout(Duration.ZERO), "connectTimeout");
    invalid(() -> PuffleClient.builder().connectTimeout(Duration.ofSeconds(-1)), "connectTimeout");
    invalid(() -> PuffleClient.builder().connectTimeout(null), "connectTimeout");
    invalid(() -> PuffleClient.builder().readTimeout(Duration.ZERO), "readTimeout");
    invalid(() -> PuffleClient.builder().readTimeout(Duration.ofMillis(-5)), "readTimeout");
    invalid(() -> PuffleClient.builder().contentReadTimeout(Duration.ZERO), "contentReadTimeout");
    invalid(() -> PuffleClient.builder().contentReadTimeout(Duration.ofMinutes(-1)), "contentReadTimeout");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1025, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void maxConcurrentRequestsOutOfRangeIsRejected(int max) {
    InvalidInputException e = invalid(() -> PuffleClient.builder().maxConcurrentRequests(max), "maxConcurrentRequests");
    assertTrue(e.getMessage().contains("between 1 and 1024"), e.getMessage());
  }

  @Test
  void validSettingsBuildAWorkingClient() throws Exception {
    server.fixture("session-created.json");
    try (PuffleClient c = PuffleClient.builder().apiKey(KEY).baseUrl(server.server.url("/").toString())
        .connectTimeout(Duration.ofMillis(1)).readTimeout(Duration.ofSeconds(5))
        .contentReadTimeout(Duration.ofMinutes(10)).maxConcurrentRequests(1).build()) {
      assertEquals(SESSION_ID, c.sessions().get(SESSION_ID).id());
    }
  }

  // ------------------------------------------------------------------ fromEnv

  @Test
  void propertiesWinOverTheEnvironment() {
    ClientConfig c = new ClientConfig();
    Map<String, String> props = Map.of(
        PuffleClient.PROP_API_KEY, KEY, PuffleClient.PROP_BASE_URL, "https://props.example.com");
    Map<String, String> env = Map.of(
        PuffleClient.ENV_API_KEY, OTHER_KEY, PuffleClient.ENV_BASE_URL, "https://env.example.com");
    c.fromEnv(props::get, env::get);
    assertEquals(KEY, c.apiKeyValue());
    assertEquals("https://props.example.com/", c.baseUrl.toString());
  }

  @Test
  void theEnvironmentIsUsedWhenNoPropertyIsSet() {
    ClientConfig c = new ClientConfig();
    Map<String, String> env = Map.of(
        PuffleClient.ENV_API_KEY, OTHER_KEY, PuffleClient.ENV_BASE_URL, "http://localhost:4010");
    Map<String, String> emptyProps = new HashMap<>();
    emptyProps.put(PuffleClient.PROP_API_KEY, "");
    c.fromEnv(emptyProps::get, env::get);
    assertEquals(OTHER_KEY, c.apiKeyValue(), "an empty property does not hide the environment");
    assertEquals("http://localhost:4010/", c.baseUrl.toString());
  }

  @Test
  void nothingSetLeavesTheDefaultsAndStillRequiresAKey() {
    ClientConfig c = new ClientConfig();
    c.fromEnv(k -> null, k -> null);
    assertNull(c.apiKeyValue());
    assertEquals(PuffleClient.DEFAULT_BASE_URL + "/", c.baseUrl.toString());
    invalid(c::requireKey, "apiKey");
  }

  @Test
  void theTriggerUrlComesFromAPropertyOverTheEnvironmentAndDefaultsToTriggerDev() {
    ClientConfig c = new ClientConfig();
    assertEquals(PuffleClient.DEFAULT_TRIGGER_API_URL + "/", c.triggerApiUrl.toString());
    c.fromEnv(
        Map.of(PuffleClient.PROP_TRIGGER_API_URL, "https://trigger.props.example.com")::get,
        Map.of(PuffleClient.ENV_TRIGGER_API_URL, "https://trigger.env.example.com")::get);
    assertEquals("https://trigger.props.example.com/", c.triggerApiUrl.toString());
    ClientConfig fromEnv = new ClientConfig();
    fromEnv.fromEnv(k -> null, Map.of(PuffleClient.ENV_TRIGGER_API_URL, "http://127.0.0.1:4010")::get);
    assertEquals("http://127.0.0.1:4010/", fromEnv.triggerApiUrl.toString());
  }

  @Test
  void theTriggerUrlIsCheckedLikeTheBaseUrl() {
    invalid(() -> PuffleClient.builder().triggerApiUrl("http://api.trigger.example.com"), "triggerApiUrl");
    invalid(() -> PuffleClient.builder().triggerApiUrl("https://u:p@api.trigger.dev"), "triggerApiUrl");
    invalid(() -> PuffleClient.builder().triggerApiUrl(" "), "triggerApiUrl");
    invalid(() -> PuffleClient.builder().maxLiveRunFeeds(-1), "maxLiveRunFeeds");
  }

  @Test
  void badValuesFromTheEnvironmentAreRejectedLikeBuilderValues() {
    invalid(() -> new ClientConfig().fromEnv(k -> null,
        Map.of(PuffleClient.ENV_API_KEY, "pk_live_abc\n")::get), "apiKey");
    invalid(() -> new ClientConfig().fromEnv(
        Map.of(PuffleClient.PROP_API_KEY, KEY, PuffleClient.PROP_BASE_URL, "http://example.com")::get,
        k -> null), "baseUrl");
  }

  @Test
  void fromEnvReadsSystemProperties() throws Exception {
    System.setProperty(PuffleClient.PROP_API_KEY, OTHER_KEY);
    System.setProperty(PuffleClient.PROP_BASE_URL, server.server.url("/").toString());
    server.fixture("session-created.json");
    try (PuffleClient c = PuffleClient.fromEnv()) {
      assertEquals(server.server.url("/").toString(), c.baseUrl());
      c.sessions().get(SESSION_ID);
    }
    RecordedRequest r = server.server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("Bearer " + OTHER_KEY, r.getHeaders().get("Authorization"));
  }

  @Test
  void builderSettersAfterFromEnvWin() {
    System.setProperty(PuffleClient.PROP_API_KEY, OTHER_KEY);
    System.setProperty(PuffleClient.PROP_BASE_URL, "https://props.example.com");
    try (PuffleClient c = PuffleClient.builder().fromEnv().baseUrl("https://mine.example.com").build()) {
      assertEquals("https://mine.example.com/", c.baseUrl());
    }
  }

  // ------------------------------------------------------------------ printing

  @Test
  void toStringNeverShowsTheKey() {
    PuffleClient.Builder b = PuffleClient.builder().apiKey(KEY).baseUrl("https://app.puffle.ai");
    assertFalse(b.toString().contains(KEY), b.toString());
    assertFalse(b.toString().contains(KEY.substring(12)), "not even most of it: " + b);
    try (PuffleClient c = b.build()) {
      assertFalse(c.toString().contains(KEY), c.toString());
      assertTrue(c.toString().contains("https://app.puffle.ai"), c.toString());
      assertFalse(c.options().toString().contains(KEY));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"short", "pk_live_1234", "pk_live_12345", "abcdefghijklmnopq", "pk_test_0123456789abcdef"})
  void toStringOfShortOrOddKeysShowsAtMostAQuarterOfThem(String key) {
    String shown = PuffleClient.builder().apiKey(key).toString();
    String visible = shown.substring(shown.indexOf("apiKey=") + 7, shown.indexOf(", baseUrl"));
    String prefix = visible.replace("…", "");
    assertTrue(key.startsWith(prefix), shown);
    assertTrue(prefix.length() * 4 <= key.length(), "shows too much of " + key + ": " + shown);
  }

  @Test
  void aBaseUrlWithCredentialsIsRefused() {
    ai.puffle.sdk.InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(
        ai.puffle.sdk.InvalidInputException.class,
        () -> ai.puffle.sdk.PuffleClient.builder().baseUrl("https://user:secret@app.puffle.ai"));
    org.junit.jupiter.api.Assertions.assertEquals("baseUrl", e.field());
    org.junit.jupiter.api.Assertions.assertFalse(e.getMessage().contains("secret"));
  }

  @Test
  void aPerCallUserAgentIsRefused() {
    org.junit.jupiter.api.Assertions.assertThrows(ai.puffle.sdk.InvalidInputException.class,
        () -> ai.puffle.sdk.RequestOptions.builder().header("User-Agent", "mine"));
  }

  @Test
  void builderTimeoutsApplyToAUsersOkHttpClientAndItsOwnAreKeptOtherwise() {
    okhttp3.OkHttpClient mine = new okhttp3.OkHttpClient.Builder()
        .connectTimeout(java.time.Duration.ofSeconds(3)).readTimeout(java.time.Duration.ofSeconds(4)).build();
    ai.puffle.sdk.internal.http.Transport.Settings s = new ai.puffle.sdk.internal.http.Transport.Settings();
    s.apiKey = "pk_live_x";
    s.userAgent = "t";
    s.userClient = mine;
    ai.puffle.sdk.internal.http.Transport kept = new ai.puffle.sdk.internal.http.Transport(s);
    org.junit.jupiter.api.Assertions.assertEquals(3000, kept.client().connectTimeoutMillis());
    org.junit.jupiter.api.Assertions.assertEquals(4000, kept.client().readTimeoutMillis());
    s.readTimeout = java.time.Duration.ofSeconds(9);
    ai.puffle.sdk.internal.http.Transport overridden = new ai.puffle.sdk.internal.http.Transport(s);
    org.junit.jupiter.api.Assertions.assertEquals(9000, overridden.client().readTimeoutMillis());
    org.junit.jupiter.api.Assertions.assertEquals(3000, overridden.client().connectTimeoutMillis());
  }
}
