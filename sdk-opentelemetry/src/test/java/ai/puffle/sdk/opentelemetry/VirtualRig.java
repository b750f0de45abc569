package ai.puffle.sdk.opentelemetry;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A client with {@link PuffleTelemetry} on an in-memory OpenTelemetry SDK, talking to a {@link
 * FakePuffle} on a virtual clock that the client's waits move ({@link VirtualTime}); runs are not
 * followed. Actions can be hooked before the client's n-th turn request reaches the server.
 */
final class VirtualRig implements AutoCloseable {
  final InMemoryTelemetry otel = new InMemoryTelemetry();
  final FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start();
  final SeededCampaign campaign = fake.defaultCampaign();
  final VirtualTime time = new VirtualTime(fake);
  private final Map<Integer, Runnable> beforeTurn = new ConcurrentHashMap<>();
  private final AtomicInteger turns = new AtomicInteger();
  private final OkHttpClient raw = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();
  private final OkHttpClient http = new OkHttpClient.Builder()
      .readTimeout(5, TimeUnit.SECONDS)
      .addInterceptor(this::hook)
      .build();
  final PuffleClient client = PuffleClient.builder()
      .apiKey(fake.apiKey())
      .baseUrl(fake.baseUrl())
      .okHttpClient(http)
      .watchRuns(false)
      .eventListener(otel.telemetry)
      .clock(time)
      .build();

  /** Runs {@code action} just before the client's {@code n}-th turn request (from 1) is sent. */
  VirtualRig beforeTurn(int n, Runnable action) {
    beforeTurn.put(n, action);
    return this;
  }

  private Response hook(Interceptor.Chain chain) throws IOException {
    Request r = chain.request();
    if (r.method().equals("POST") && r.url().encodedPath().endsWith("/turn")) {
      Runnable action = beforeTurn.remove(turns.incrementAndGet());
      if (action != null) {
        action.run();
      }
    }
    return chain.proceed(r);
  }

  /** Another client's turn on {@code sessionId}, sent straight to the emulator: it holds the session 15 s. */
  void competingTurn(String sessionId) {
    Request request = new Request.Builder()
        .url(fake.baseUrl() + "/api/campaigns/ai-chat-sessions/" + sessionId + "/turn")
        .header("Authorization", "Bearer " + fake.apiKey())
        .post(RequestBody.create("{\"message\":\"a turn from another tab\"}", MediaType.get("application/json")))
        .build();
    try (Response r = raw.newCall(request).execute()) {
      if (r.code() != 200) {
        throw new IllegalStateException("the competing turn answered " + r.code());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      client.close();
      for (OkHttpClient c : new OkHttpClient[] {http, raw}) {
        c.dispatcher().executorService().shutdown();
        c.connectionPool().evictAll();
      }
      otel.close();
    } finally {
      fake.close();
    }
  }
}
