package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.ClientInternals;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One cell's world: a fresh emulator on a virtual clock, a client whose waits advance that clock
 * (blocking waits on the caller's thread, waits that follow their task's run on a {@link
 * VirtualDriver}), the retry events the client reported, and the hooks that inject transport
 * faults (refused connections) and races (a competing turn) at the right moment.
 *
 * <p>The client is built on a caller-supplied OkHttpClient (a supported configuration): that is
 * where the refusing socket factory, the hooks and the short read timeout go. Everything the SDK
 * adds (auth, send tracking, one-shot bodies, retries, reconciliation) is unchanged.
 */
final class MatrixRig implements AutoCloseable {
  /** The read timeout of every attempt, content turns included. */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
  /**
   * The read timeout of the one stalled request of a stall cell: a stall costs this much real
   * time, while every other response keeps {@link #READ_TIMEOUT} (the build machine may be busy).
   */
  static final Duration STALL_READ_TIMEOUT = Duration.ofMillis(300);
  /** Waits poll quickly (virtual time anyway) and give up after two virtual minutes. */
  static final WaitOptions FAST_WAIT =
      WaitOptions.builder()
          .pollInterval(Duration.ofMillis(500), Duration.ofSeconds(2))
          .timeout(Duration.ofMinutes(2))
          .build();
  /** Marks the rig's own raw requests, which are not the client's and are not counted. */
  static final String RAW_HEADER = "X-Matrix-Raw";
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Moshi MOSHI = new Moshi.Builder().build();

  final FakePuffle fake;
  final SeededCampaign campaign;
  final VirtualTiming timing;
  final RetryLog events = new RetryLog();
  final PuffleClient client;
  private final Shared shared;

  /** What every cell shares: the OkHttpClient with its pool, hooks and socket factory. */
  static final class Shared implements AutoCloseable {
    final RefusingSockets sockets = new RefusingSockets();
    final Hooks hooks = new Hooks();
    final OkHttpClient http =
        new OkHttpClient.Builder()
            .socketFactory(sockets)
            .addInterceptor(hooks)
            .connectTimeout(2, TimeUnit.SECONDS)
            .readTimeout(READ_TIMEOUT)
            .build();
    /** A plain client for raw calls that must bypass hooks and faults of the client under test. */
    final OkHttpClient raw = new OkHttpClient.Builder().readTimeout(5, TimeUnit.SECONDS).build();

    @Override
    public void close() {
      for (OkHttpClient c : List.of(http, raw)) {
        c.dispatcher().executorService().shutdown();
        c.connectionPool().evictAll();
      }
      sockets.close();
    }
  }

  MatrixRig(Shared shared) {
    this.shared = shared;
    shared.hooks.clear();
    shared.sockets.refuseNext(0);
    shared.http.connectionPool().evictAll();
    this.fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start();
    this.campaign = fake.defaultCampaign();
    this.timing = new VirtualTiming(d -> fake.clock().advance(d));
    this.client =
        PuffleClient.builder()
                    .apiKey(fake.apiKey())
                    .baseUrl(fake.baseUrl())
                    .triggerApiUrl(fake.triggerApiUrl())
                    .okHttpClient(shared.http)
                    .contentReadTimeout(READ_TIMEOUT)
                    .eventListener(events)
                .clock(timing)
            .build();
    // Waits follow their task's run (as by default): their polls and the run watcher's requests
    // run on the driver, on the same virtual clock.
    timing.drive(new RigProbe(fake, shared.http.dispatcher(),
        ClientInternals.context(client).runWatcher().http().dispatchers()), VirtualDriver.STEP);
  }

  Hooks hooks() {
    return shared.hooks;
  }

  /** Drops the pooled connections and has the next connect refused. */
  void refuseNextConnection() {
    shared.http.connectionPool().evictAll();
    shared.sockets.refuseNext(1);
  }

  /** Whether an armed refusal was not used (the cell did not exercise it). */
  boolean refusalUnused() {
    return shared.sockets.armed() > 0;
  }

  /** A session for the default campaign's AI node, created before any fault is armed. */
  String newSession() {
    return client.sessions().create(campaign.campaignId(), campaign.aiNodeId()).id();
  }

  /** Chats until the session has a skeleton (two turns with the default reply model). */
  void chatToSkeleton(String sessionId) {
    client.sessions().turnAndWait(sessionId, TurnRequest.of("Intro email for VPs of Sales"), FAST_WAIT);
    Session s = client.sessions().turnAndWait(
        sessionId, TurnRequest.of("Enterprise teams; a 15-minute call"), FAST_WAIT).session();
    if (!s.hasSkeleton()) {
      throw new IllegalStateException("no skeleton after two turns");
    }
  }

  /** Sends a turn straight to the emulator, bypassing the client: the session becomes busy. */
  void competingTurn(String sessionId) {
    String path = "/api/campaigns/ai-chat-sessions/" + sessionId + "/turn";
    try (Response r = rawPost(path, "{\"message\":\"a competing turn from another tab\"}")) {
      if (r.code() != 200) {
        throw new IllegalStateException("competing turn answered " + r.code());
      }
    }
  }

  /** The emulator's view of a session, read without faults or hooks. */
  Map<String, Object> sessionState(String sessionId) {
    return fake.session(sessionId).orElseThrow();
  }

  /** How many sessions the node has, read straight from the emulator. */
  int sessionsOfNode(String nodeId) {
    String path = "/api/campaigns/ai-chat-sessions?campaign_id=" + campaign.campaignId();
    try (Response r = shared.raw.newCall(new Request.Builder()
            .url(fake.baseUrl() + path)
            .header("Authorization", "Bearer " + fake.apiKey())
            .header(RAW_HEADER, "1").build()).execute()) {
      Map<?, ?> body = MOSHI.adapter(Map.class).fromJson(r.body().string());
      return (int) ((List<?>) body.get("sessions")).stream()
          .filter(s -> nodeId.equals(((Map<?, ?>) s).get("node_id")))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Response rawPost(String path, String json) {
    try {
      return shared.raw.newCall(new Request.Builder()
              .url(fake.baseUrl() + path)
              .header("Authorization", "Bearer " + fake.apiKey())
              .header(RAW_HEADER, "1")
              .post(RequestBody.create(json, JSON)).build())
          .execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    shared.hooks.clear();
    client.close();
    timing.close();
    fake.close();
  }
}
