package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.CampaignSeed;
import ai.puffle.sdk.testkit.FakeClock;
import ai.puffle.sdk.testkit.Faults;
import ai.puffle.sdk.testkit.InjectedFault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.StreamVersion;
import ai.puffle.sdk.testkit.internal.trigger.RunRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;

/** Wires the store, handlers, clock, faults and log behind one MockWebServer. */
public final class Emulator implements AutoCloseable {
  private final String apiKey;
  private final Store store;
  private final Scheduler scheduler;
  private final WireJson json = new WireJson();
  private final FaultPlan faults = new FaultPlan();
  private final RequestLog log = new RequestLog();
  private final TurnLedger ledger = new TurnLedger();
  private final RunRegistry runs;
  private final ContractCheck contract;
  private final Seeder seeder;
  private final SeededCampaign defaultCampaign;
  private final MockWebServer server = new MockWebServer();
  private final HttpUrl url;

  /**
   * Starts an emulator on the loopback interface.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public Emulator(EmulatorConfig config) {
    this.contract = config.validateContract ? ContractCheck.on() : ContractCheck.off();
    IdGenerator ids = new IdGenerator(config.seed);
    this.apiKey = config.apiKey != null ? config.apiKey : ids.apiKey();
    this.scheduler = config.timeMode.isVirtual()
        ? new VirtualScheduler()
        : new ScaledScheduler(config.timeMode.scale());
    this.store = new Store(ids, scheduler, config.credits);
    this.runs = new RunRegistry(new RunClockAdapter(scheduler, config.timeMode), config.seed);
    runs.streamVersion(config.streamVersion);
    this.seeder = new Seeder(store);
    this.defaultCampaign =
        config.seedDefaultCampaign ? seeder.seed(Seeder.defaultCampaign()) : null;
    Timings timings = new Timings(config.turn, config.examplesBase, config.examplesPerLead);
    ChatEngine chat = new ChatEngine(store, config.replyModel);
    Api api = new Api(
        new SessionHandler(store, json),
        new TaskHandler(store, json, scheduler, chat, ledger, timings, runs),
        new ContentHandler(store, json, chat, ledger),
        new MessageGeneration(store, json, scheduler, timings),
        new MessageHandler(store, json),
        new CampaignHandler(store, json));
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    TriggerDispatch trigger = new TriggerDispatch(runs, faults, json, log, scheduler);
    server.setDispatcher(
        new PuffleDispatcher(apiKey, api, json, faults, log, ledger, scheduler, trigger, contract));
    try {
      InetAddress loopback = InetAddress.getLoopbackAddress();
      server.start(loopback, config.port);
      this.url = new HttpUrl.Builder()
          .scheme("http").host(loopback.getHostAddress()).port(server.getPort()).build();
    } catch (IOException e) {
      scheduler.close();
      throw new UncheckedIOException("cannot start the Puffle emulator", e);
    }
  }

  /** The base URL, with a trailing slash. */
  public HttpUrl url() {
    return url;
  }

  /** The accepted API key. */
  public String apiKey() {
    return apiKey;
  }

  /** The key owner's user id. */
  public String userId() {
    return store.userId;
  }

  /** The campaign planted at start, unless turned off. */
  public Optional<SeededCampaign> defaultCampaign() {
    return Optional.ofNullable(defaultCampaign);
  }

  /** Plants a campaign. */
  public SeededCampaign seed(CampaignSeed seed) {
    return seeder.seed(seed);
  }

  /** Whether Trigger.dev's run endpoints are served (else they answer 404). */
  public void serveTriggerRuns(boolean serve) {
    runs.serve(serve);
  }

  /** How many live run feed requests are held now. */
  public int heldRunFeeds() {
    return runs.heldFeeds();
  }

  /** Waits until at least {@code count} live run feed requests are held; false on timeout. */
  public boolean awaitHeldRunFeeds(int count, Duration timeout)
      throws InterruptedException {
    return runs.awaitHeldFeeds(count, timeout);
  }

  /** Serves the streams of runs started from now on in {@code version}. */
  public void streamVersion(StreamVersion version) {
    runs.streamVersion(version);
  }

  /** The stream wire version runs started now get. */
  public StreamVersion streamVersion() {
    return runs.streamVersion();
  }

  /** How many run stream connections are open now. */
  public int openRunStreams() {
    return runs.openStreams();
  }

  /** Waits until at least {@code count} run stream connections are open; false on timeout. */
  public boolean awaitOpenRunStreams(int count, Duration timeout) throws InterruptedException {
    return runs.awaitOpenStreams(count, timeout);
  }

  /** The clock that runs tasks. */
  public FakeClock clock() {
    return scheduler;
  }

  /** The fault script. */
  public Faults faults() {
    return faults;
  }

  /** The faults injected so far. */
  public List<InjectedFault> injectedFaults() {
    return faults.injected();
  }

  /** The request log, in arrival order. */
  public List<RecordedCall> requests() {
    return log.calls();
  }

  /** Requests of one operation so far. */
  public int requestCount(Operation operation) {
    return log.count(operation);
  }

  /** Requests so far. */
  public int requestCount() {
    return log.total();
  }

  /** Turn messages that reached a session. */
  public List<String> turnsReceived(String sessionId) {
    return ledger.received(sessionId);
  }

  /** Turn messages a session accepted. */
  public List<String> turnsAccepted(String sessionId) {
    return ledger.accepted(sessionId);
  }

  /** The session exactly as GET returns it, as a JSON tree. */
  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> session(String sessionId) {
    synchronized (store) {
      SessionState s = store.sessions.get(sessionId);
      return s == null
          ? Optional.empty()
          : Optional.of((Map<String, Object>) json.toTree(WireRows.session(s)));
    }
  }

  /** The account's credits. */
  public long credits() {
    synchronized (store) {
      return store.credits;
    }
  }

  /** Sets the account's credits. */
  public void setCredits(long credits) {
    synchronized (store) {
      store.credits = credits;
    }
  }

  /** Sets a generated message's status; unknown ids throw IllegalArgumentException. */
  public void setMessageStatus(String messageId, String status) {
    synchronized (store) {
      MessageState m = store.messages.get(messageId);
      if (m == null) {
        throw new IllegalArgumentException("no generated message " + messageId);
      }
      m.status = status;
    }
  }

  /** Sets a campaign's status; unknown ids throw IllegalArgumentException. */
  public void setCampaignStatus(String campaignId, String status) {
    synchronized (store) {
      CampaignState c = store.campaigns.get(campaignId);
      if (c == null) {
        throw new IllegalArgumentException("no campaign " + campaignId);
      }
      c.status = status;
      c.updatedAt = store.now();
    }
  }

  /** Whether requests and responses are checked against openapi.yaml. */
  public boolean validatesContract() {
    return contract.isOn();
  }

  /** Whether requests that break the contract are allowed (not recorded as violations). */
  public void allowBadRequests(boolean allowed) {
    contract.allowBadRequests(allowed);
  }

  /** Every contract violation so far. */
  public List<String> contractViolations() {
    return contract.violations();
  }

  /** The contract violations not reported yet, now marked as reported. */
  public List<String> takeUnreportedViolations() {
    return contract.takeUnreported();
  }

  /**
   * Stops the server and the clock; held run feed requests are answered first, open run streams
   * are dropped.
   */
  @Override
  public void close() {
    runs.close();
    scheduler.close();
    server.close();
  }
}
