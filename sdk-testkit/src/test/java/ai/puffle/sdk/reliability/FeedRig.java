package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.ClientInternals;
import ai.puffle.sdk.internal.run.RunWatcher;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One cell's world for waits that follow their task's run: a fresh emulator on a virtual clock,
 * a client that follows runs (over the feed, or by polling retrieve beyond its cap), and a
 * {@link VirtualDriver} that runs the client's async steps on the emulator's clock. It stamps
 * every request of the emulator's log with the virtual time it was answered at, so that a cell
 * can tell what ended a wait and when.
 *
 * <p>Tasks last 30 s here (turns, and example runs for two leads: 24 s + 3 s a lead), twice the
 * first safety-net interval of a followed wait (15 s, then 22.5 s): a wait that kept the safety
 * net's pace after its watch gave up would end 7.5 s or more after its task, past the usual
 * interval (5 s, plus up to 20% jitter), so the two paces can be told apart.
 */
final class FeedRig implements AutoCloseable {
  static final Duration TURN = Duration.ofSeconds(30);
  static final Duration EXAMPLES_BASE = Duration.ofSeconds(24);
  static final Duration EXAMPLES_PER_LEAD = Duration.ofSeconds(3);
  /** The client's default cap on live feeds. */
  static final int DEFAULT_MAX_LIVE_FEEDS = 16;

  final FakePuffle fake;
  final SeededCampaign campaign;
  final VirtualTiming timing;
  final PuffleClient client;
  final RunWatcher watcher;
  private final RigProbe probe;
  private final Instant emulatorStart;
  private final Map<Long, Long> answeredAt = new ConcurrentHashMap<>();
  private volatile Consumer<FeedRig> onQuiet;
  private volatile int mostLiveFeeds;
  private volatile int mostHeld;
  /** A wait a cell starts beside its own (see {@link FeedFault#OVER_THE_CAP}), or null. */
  volatile Supplier<CompletableFuture<Session>> background;

  FeedRig(MatrixRig.Shared shared, int maxLiveFeeds) {
    shared.hooks.clear();
    shared.http.connectionPool().evictAll();
    this.fake = FakePuffle.builder().timeMode(TimeMode.virtual())
        .turnDuration(TURN).examplesDuration(EXAMPLES_BASE, EXAMPLES_PER_LEAD).start();
    this.campaign = fake.defaultCampaign();
    this.emulatorStart = fake.clock().now();
    this.timing = new VirtualTiming(d -> fake.clock().advance(d));
    this.client = PuffleClient.builder()
                .apiKey(fake.apiKey())
                .baseUrl(fake.baseUrl())
                .triggerApiUrl(fake.triggerApiUrl())
                .okHttpClient(shared.http)
                .maxLiveRunFeeds(maxLiveFeeds)
                .clock(timing)
            .build();
    this.watcher = ClientInternals.context(client).runWatcher();
    this.probe = new RigProbe(fake, shared.http.dispatcher(), watcher.http().dispatchers()) {
      @Override
      public void onQuiet() {
        mostLiveFeeds = Math.max(mostLiveFeeds, watcher.liveFeeds());
        mostHeld = Math.max(mostHeld, fake.heldRunFeeds());
        Consumer<FeedRig> hook = FeedRig.this.onQuiet;
        if (hook != null) {
          hook.accept(FeedRig.this);
        }
      }
    };
    timing.beforeMove(this::stamp);
    timing.drive(probe, VirtualDriver.STEP);
  }

  /** Whether {@code operation} is one of Trigger.dev's run endpoints. */
  static boolean isRun(Operation operation) {
    return RigProbe.isRun(operation);
  }

  /** Runs {@code hook} on the driver thread at each quiet point (null: none). */
  void onQuiet(Consumer<FeedRig> hook) {
    this.onQuiet = hook;
  }

  VirtualDriver driver() {
    return timing.driver();
  }

  /** The virtual time now, on the client's clock. */
  long now() {
    return timing.nanoTime();
  }

  /** {@code instant} of the emulator's clock on the client's clock. */
  long clientNanos(Instant instant) {
    return VirtualTiming.START_NANOS + Duration.between(emulatorStart, instant).toNanos();
  }

  /** The emulator's clock minus the client's: zero while they move together. */
  Duration drift() {
    return Duration.between(emulatorStart, fake.clock().now())
        .minusNanos(now() - VirtualTiming.START_NANOS);
  }

  /**
   * Moves both clocks to the next whole second, so the task a cell starts now, and the steps of
   * its run, fall on the driver's steps.
   */
  void alignClock() {
    long second = Duration.ofSeconds(1).toNanos();
    timing.moveTo((now() + second - 1) / second * second);
  }

  /** Stamps the requests answered since the last stamp with the virtual time now. */
  private void stamp() {
    long t = timing.nanoTime();
    for (RecordedCall c : fake.requests()) {
      answeredAt.putIfAbsent(c.sequence(), t);
    }
  }

  /** Stamps what was answered until now (call when the system is quiet). */
  void stampNow() {
    stamp();
  }

  /** When {@code call} was answered, on the client's clock. */
  long answeredAt(RecordedCall call) {
    Long t = answeredAt.get(call.sequence());
    if (t == null) {
      throw new IllegalStateException("not stamped: " + call);
    }
    return t;
  }

  /** The client's requests after the first {@code skip} of the log (the rig sends none). */
  List<RecordedCall> callsAfter(int skip) {
    List<RecordedCall> all = fake.requests();
    return new ArrayList<>(all.subList(Math.min(skip, all.size()), all.size()));
  }

  /** The most feeds the client had in use at once, at any quiet point. */
  int mostLiveFeeds() {
    return mostLiveFeeds;
  }

  /** The most feed requests the emulator held at once, at any quiet point. */
  int mostHeld() {
    return mostHeld;
  }

  /** A session for the default campaign's AI node. */
  String newSession() {
    return client.sessions().create(campaign.campaignId(), campaign.aiNodeId()).id();
  }

  /** Chats until the session has a skeleton (two followed turns with the default reply model). */
  void chatToSkeleton(String sessionId) {
    client.sessions().turnAndWait(sessionId, TurnRequest.of("Intro email for VPs of Sales"),
        WaitOptions.defaults());
    if (!client.sessions().turnAndWait(sessionId, TurnRequest.of("Enterprise teams; a 15-minute call"),
        WaitOptions.defaults()).session().hasSkeleton()) {
      throw new IllegalStateException("no skeleton after two turns");
    }
  }

  /** When the session's last task ended (its updated_at), on the client's clock. */
  long taskEnd(String sessionId) {
    Object updated = fake.session(sessionId).orElseThrow().get("updated_at");
    return clientNanos(OffsetDateTime.parse((String) updated).toInstant());
  }

  @Override
  public void close() {
    onQuiet = null;
    client.close();
    timing.close();
    fake.close();
  }
}
