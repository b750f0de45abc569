package ai.puffle.sdk.internal;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.LogLevel;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.internal.http.Redactor;
import ai.puffle.sdk.internal.http.Transport;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** What {@code PuffleClient.Builder} collects, with the checks on key and base URL. */
public final class ClientConfig {
  private String apiKey;
  /** The parsed base URL. */
  public HttpUrl baseUrl = HttpUrl.get(PuffleClient.DEFAULT_BASE_URL);
  /** The user's OkHttpClient, or null. */
  public OkHttpClient userClient;
  /** Connect timeout. */
  public Duration connectTimeout;
  /** Read timeout per attempt. */
  public Duration readTimeout;
  /** Read timeout of generate-content. */
  public Duration contentReadTimeout = Duration.ofSeconds(180);
  /** Async calls in flight at once. */
  public int maxConcurrentRequests = 10;
  /** Default call options. */
  public RequestOptions defaults = RequestOptions.none();
  /** Event listener factories, in the order given. */
  public final List<PuffleEventListener.Factory> listeners = new ArrayList<>(1);
  /** Log level. */
  public LogLevel logLevel = LogLevel.NONE;
  /** Log sink, or null for standard error. */
  public Consumer<String> logger;
  /** Where Trigger.dev's run endpoints are. */
  public HttpUrl triggerApiUrl = HttpUrl.get(PuffleClient.DEFAULT_TRIGGER_API_URL);
  /** Whether waits follow the task's run. */
  public boolean watchRuns = true;
  /** Live run feeds (long-polls) open at once; waits beyond it poll the run instead. */
  public int maxLiveRunFeeds = DEFAULT_MAX_LIVE_RUN_FEEDS;

  /** Default of {@link #maxLiveRunFeeds}. */
  public static final int DEFAULT_MAX_LIVE_RUN_FEEDS = 16;

  /**
   * Sets the key after checking it: not blank, and only visible ASCII characters (no whitespace,
   * line breaks or other characters an HTTP header cannot carry).
   */
  public void apiKey(String key) {
    if (key == null) {
      throw new InvalidInputException("apiKey", "must not be null");
    }
    if (key.isBlank()) {
      throw new InvalidInputException("apiKey", "must not be blank");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new InvalidInputException(
            "apiKey",
            "must not contain whitespace, line breaks or non-ASCII characters (check how it was read)");
      }
    }
    this.apiKey = key;
  }

  /** Sets the base URL after checking it: a valid http(s) URL, https unless loopback. */
  public void baseUrl(String url) {
    this.baseUrl = serviceUrl("baseUrl", url, "the API key authenticates");
  }

  /** Sets Trigger.dev's API URL after the same checks as the base URL. */
  public void triggerApiUrl(String url) {
    this.triggerApiUrl = serviceUrl("triggerApiUrl", url, "each run's token authenticates");
  }

  private static HttpUrl serviceUrl(String field, String url, String whoAuthenticates) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    HttpUrl parsed = HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new InvalidInputException(field, "must be an http or https URL (was '" + url + "')");
    }
    if (!parsed.username().isEmpty() || !parsed.password().isEmpty()) {
      throw new InvalidInputException(field, "must not contain credentials (" + whoAuthenticates + ")");
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new InvalidInputException(
          field, "must use https (plain http is allowed only for loopback addresses)");
    }
    if (parsed.query() != null || parsed.fragment() != null) {
      throw new InvalidInputException(field, "must not have a query or fragment");
    }
    return parsed;
  }

  /** Reads key, base URL and Trigger.dev URL from properties (first) or the environment. */
  public void fromEnv(Function<String, String> properties, Function<String, String> env) {
    String key = firstSet(properties.apply(PuffleClient.PROP_API_KEY), env.apply(PuffleClient.ENV_API_KEY));
    if (key != null) {
      apiKey(key);
    }
    String url = firstSet(properties.apply(PuffleClient.PROP_BASE_URL), env.apply(PuffleClient.ENV_BASE_URL));
    if (url != null) {
      baseUrl(url);
    }
    String trigger = firstSet(
        properties.apply(PuffleClient.PROP_TRIGGER_API_URL), env.apply(PuffleClient.ENV_TRIGGER_API_URL));
    if (trigger != null) {
      triggerApiUrl(trigger);
    }
  }

  /** Fails when no key was set. */
  public void requireKey() {
    if (apiKey == null) {
      throw new InvalidInputException(
          "apiKey", "is required: set it on the builder, or in " + PuffleClient.ENV_API_KEY);
    }
  }

  /** The key (for the auth header and the redactor only). */
  public String apiKeyValue() {
    return apiKey;
  }

  /** The transport settings. */
  public Transport.Settings transportSettings() {
    Transport.Settings s = new Transport.Settings();
    s.apiKey = apiKey;
    s.userAgent = Version.userAgent();
    s.userClient = userClient;
    s.connectTimeout = connectTimeout;
    s.readTimeout = readTimeout;
    s.maxConcurrentRequests = maxConcurrentRequests;
    s.maxLiveRunFeeds = maxLiveRunFeeds;
    s.logLevel = logLevel;
    s.logger = logger;
    return s;
  }

  static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost") || host.endsWith(".localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+") && !host.contains(":")) {
      return false;
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  private static String firstSet(String a, String b) {
    if (a != null && !a.isEmpty()) {
      return a;
    }
    return b != null && !b.isEmpty() ? b : null;
  }

  @Override
  public String toString() {
    return "apiKey=" + Redactor.keyPrefix(apiKey) + ", baseUrl=" + baseUrl
        + ", triggerApiUrl=" + triggerApiUrl + ", watchRuns=" + watchRuns;
  }
}
