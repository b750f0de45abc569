package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import ai.puffle.sdk.testkit.internal.NoDelayServerSocketFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The per-call setup shared by {@link PerCallBenchmark} and {@link PairedPerCall}: one loopback
 * MockWebServer (TCP_NODELAY) answering every request with the same realistic session body, the
 * SDK's client, and a hand-written baseline with the SDK's OkHttp settings and plain Moshi.
 */
public final class PerCallServer implements AutoCloseable {
  /** A key in Puffle's format; the server does not check it. */
  public static final String API_KEY = "pk_live_" + "0123456789abcdef".repeat(4);

  private final MockWebServer server = new MockWebServer();
  private final PuffleClient sdk;
  private final Baseline baseline;

  /** Starts the server and both clients. */
  public PerCallServer() throws IOException {
    String body = SessionBodies.perCall();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8")
            .body(body)
            .build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
    String base = server.url("/").toString();
    sdk = PuffleClient.builder().apiKey(API_KEY).baseUrl(base).build();
    baseline = new Baseline(base, API_KEY);
  }

  /** The SDK client. */
  public PuffleClient sdk() {
    return sdk;
  }

  /** Another SDK client on this server with {@code listener} attached; the caller closes it. */
  public PuffleClient sdkWith(ai.puffle.sdk.PuffleEventListener.Factory listener) {
    return PuffleClient.builder().apiKey(API_KEY).baseUrl(server.url("/").toString())
        .eventListener(listener).build();
  }

  /** The hand-written client. */
  public Baseline baseline() {
    return baseline;
  }

  /** Forgets the requests MockWebServer recorded, so its queue does not grow during a run. */
  public void drainRecordedRequests() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // drop it
    }
  }

  @Override
  public void close() {
    sdk.close();
    baseline.close();
    server.close();
  }

  /**
   * One GET decoded to a plain class with Moshi's reflective adapter, over an OkHttpClient with
   * the settings the SDK uses (timeouts 10/60/30 s, a pool of 10 idle connections, auth and
   * User-Agent headers).
   */
  public static final class Baseline implements AutoCloseable {
    private final OkHttpClient http;
    private final JsonAdapter<PlainEnvelope> adapter =
        new Moshi.Builder().build().adapter(PlainEnvelope.class);
    private final String url;
    private final String authorization;

    /** A client for {@code base} (with a trailing slash). */
    public Baseline(String base, String apiKey) {
      this.http = new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(10, 5, TimeUnit.MINUTES))
          .connectTimeout(Duration.ofSeconds(10))
          .readTimeout(Duration.ofSeconds(60))
          .writeTimeout(Duration.ofSeconds(30))
          .build();
      this.url = base + "api/campaigns/ai-chat-sessions/";
      this.authorization = "Bearer " + apiKey;
    }

    /** GET one session. */
    public PlainSession get(String id) throws IOException {
      Request request = new Request.Builder()
          .url(url + id)
          .header("Authorization", authorization)
          .header("User-Agent", "baseline/1.0")
          .header("Accept", "application/json")
          .build();
      try (Response response = http.newCall(request).execute()) {
        if (!response.isSuccessful()) {
          throw new IOException("HTTP " + response.code());
        }
        return adapter.fromJson(response.body().source()).session;
      }
    }

    @Override
    public void close() {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }

  /** The baseline's envelope. */
  public static final class PlainEnvelope {
    /** The session. */
    public PlainSession session;
  }

  /** The baseline's session: every wire field, timestamps kept as text. */
  public static final class PlainSession {
    /** Wire field. */
    public String id;
    /** Wire field. */
    @Json(name = "user_id") public String userId;
    /** Wire field. */
    @Json(name = "campaign_id") public String campaignId;
    /** Wire field. */
    @Json(name = "node_id") public String nodeId;
    /** Wire field. */
    public String title;
    /** Wire field. */
    public List<PlainMessage> messages;
    /** Wire field. */
    @Json(name = "draft_subject") public String draftSubject;
    /** Wire field. */
    @Json(name = "draft_body") public String draftBody;
    /** Wire field. */
    public Map<String, Object> skeleton;
    /** Wire field. */
    @Json(name = "skeleton_history") public List<Map<String, Object>> skeletonHistory;
    /** Wire field. */
    @Json(name = "draft_history") public List<Map<String, Object>> draftHistory;
    /** Wire field. */
    @Json(name = "framework_version") public Long frameworkVersion;
    /** Wire field. */
    @Json(name = "generated_examples") public List<PlainExample> generatedExamples;
    /** Wire field. */
    @Json(name = "task_status") public String taskStatus;
    /** Wire field. */
    @Json(name = "created_at") public String createdAt;
    /** Wire field. */
    @Json(name = "updated_at") public String updatedAt;
  }

  /** The baseline's chat message. */
  public static final class PlainMessage {
    /** Wire field. */
    public String role;
    /** Wire field. */
    public String content;
  }

  /** The baseline's generated example. */
  public static final class PlainExample {
    /** Wire field. */
    @Json(name = "lead_id") public String leadId;
    /** Wire field. */
    public String subject;
    /** Wire field. */
    public String body;
  }
}
