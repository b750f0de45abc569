package ai.puffle.sdk.testkit;

import ai.puffle.sdk.testkit.internal.Emulator;
import ai.puffle.sdk.PuffleClock;
import ai.puffle.sdk.testkit.internal.EmulatorConfig;
import ai.puffle.sdk.testkit.internal.VirtualClientClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;

/**
 * A stateful in-process Puffle API emulator on a loopback port: campaigns with sequence nodes,
 * AI chat sessions with asynchronous turns and example generation, generate-content, and
 * generated messages, answering with the same JSON shapes and error bodies
 * ({@code {"error": "..."}}) as the real service. It also serves Trigger.dev's run endpoints for
 * the run of every turn and example run it accepts, on the same base URL ({@link
 * #triggerApiUrl()}): retrieve, the realtime feed and the turn's realtime stream ({@code chat},
 * in wire version v1 or v2, see {@link StreamVersion}), authenticated with the run's public access
 * token.
 *
 * <pre>{@code
 * try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start()) {
 *   SeededCampaign campaign = fake.defaultCampaign();  // a draft email campaign with an ai node
 *   // point a client at fake.baseUrl() with fake.apiKey(), create a session, send a turn ...
 *   fake.clock().advance(Duration.ofSeconds(15));      // the turn's task completes
 *   fake.assertTurnReceivedOnce(sessionId, "Write an intro email");
 * }
 * }</pre>
 *
 * <p>Behaviour worth knowing: every call needs {@code Authorization: Bearer <apiKey()>} (401
 * otherwise); ids are checked against Puffle's UUID pattern (400); unknown or other accounts'
 * ids answer 404; creating a session is a plain insert (a second create for the same node makes a
 * second session), while generate-content finds or creates the node's oldest session. A turn
 * holds {@code task_status} for 15 s of service time, examples for 10 s + 3 s per lead; see
 * {@link TimeMode}. Thread-safe.
 */
public final class FakePuffle implements AutoCloseable {
  private final Emulator emulator;
  private final long seed;
  private VirtualClientClock clientClock;

  private FakePuffle(EmulatorConfig config) {
    this.emulator = new Emulator(config);
    this.seed = config.seed;
  }

  /** Starts an emulator with the defaults of {@link Builder}. */
  public static FakePuffle start() {
    return builder().start();
  }

  /** A builder for an emulator with options. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL to give a client, such as {@code http://127.0.0.1:41234} (no trailing slash). */
  public String baseUrl() {
    String text = emulator.url().toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * The URL to give a client as Trigger.dev's API ({@code PuffleClient.Builder.triggerApiUrl}):
   * the emulator serves {@code GET /api/v3/runs/{runId}}, {@code GET /realtime/v1/runs/{runId}}
   * and {@code GET /realtime/v1/streams/{runId}/{key}} for its runs on its own base URL, so this
   * is {@link #baseUrl()}.
   */
  public String triggerApiUrl() {
    return baseUrl();
  }

  /**
   * Whether the emulator serves Trigger.dev's run endpoints (default true). Off, every request to
   * them is answered {@code 404 {"error": "Not found"}} without {@code x-should-retry}, as from a
   * server without them, so a client has to fall back to polling the session; they are still
   * counted and logged under {@link Operation#RETRIEVE_RUN}, {@link Operation#SUBSCRIBE_TO_RUN}
   * and {@link Operation#READ_STREAM}, and no fault is injected into them. Runs go on meanwhile, so
   * switching back on shows them as they are.
   */
  public void serveTriggerRuns(boolean serve) {
    emulator.serveTriggerRuns(serve);
  }

  /**
   * How many live requests of the realtime run feed ({@code live=true}) the emulator is holding
   * now, waiting for their run to change or their hold to end.
   */
  public int heldRunFeeds() {
    return emulator.heldRunFeeds();
  }

  /**
   * Blocks until the emulator holds at least {@code count} live run feed requests, so a test on
   * the virtual clock can advance it knowing those requests are waiting for it.
   *
   * @throws AssertionError if that does not happen within {@code timeout} of real time, or the
   *     thread is interrupted (its interrupt flag is kept)
   */
  public void awaitHeldRunFeeds(int count, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    try {
      if (!emulator.awaitHeldRunFeeds(count, timeout)) {
        throw new AssertionError("expected " + count + " held run feed request(s) within "
            + timeout + ", but " + heldRunFeeds() + " are held");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for held run feed requests", e);
    }
  }

  /**
   * Serves the streams of runs started from now on in {@code version}; runs started before keep
   * theirs (Trigger.dev fixes a run's stream version when it is triggered). The builder's {@link
   * Builder#streamVersion} sets the first one.
   */
  public void streamVersion(StreamVersion version) {
    emulator.streamVersion(Objects.requireNonNull(version, "version"));
  }

  /** The stream wire version a run started now gets. */
  public StreamVersion streamVersion() {
    return emulator.streamVersion();
  }

  /**
   * How many connections to runs' realtime streams ({@code GET /realtime/v1/streams/...}) are
   * open now, being written or waiting for their next record.
   */
  public int openRunStreams() {
    return emulator.openRunStreams();
  }

  /**
   * Blocks until at least {@code count} run stream connections are open, so a test on the virtual
   * clock can advance it knowing its reader is connected (a stream's idle time counts from the
   * connection, and its pings from its last write).
   *
   * @throws AssertionError if that does not happen within {@code timeout} of real time, or the
   *     thread is interrupted (its interrupt flag is kept)
   */
  public void awaitOpenRunStreams(int count, Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    try {
      if (!emulator.awaitOpenRunStreams(count, timeout)) {
        throw new AssertionError("expected " + count + " open run stream(s) within " + timeout
            + ", but " + openRunStreams() + " are open");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for open run streams", e);
    }
  }

  /** The base URL as an OkHttp {@link HttpUrl} (with a trailing slash). */
  public HttpUrl url() {
    return emulator.url();
  }

  /** The port the emulator listens on. */
  public int port() {
    return emulator.url().port();
  }

  /** The only API key the emulator accepts ({@code pk_live_} and 64 hex digits by default). */
  public String apiKey() {
    return emulator.apiKey();
  }

  /** The id of the account that owns the key (the {@code user_id} of its sessions). */
  public String userId() {
    return emulator.userId();
  }

  /**
   * The campaign planted at start: a draft email campaign with an email node, a delay node, an
   * {@code ai} node and an end node, and three leads (Ada Lovelace, Grace Hopper, Alan Turing).
   *
   * @throws IllegalStateException if the builder turned it off
   */
  public SeededCampaign defaultCampaign() {
    return emulator.defaultCampaign()
        .orElseThrow(() -> new IllegalStateException("started without the default campaign"));
  }

  /** Plants a campaign and returns its ids. */
  public SeededCampaign seedCampaign(CampaignSeed seed) {
    return emulator.seed(Objects.requireNonNull(seed, "seed"));
  }

  /** The emulator's clock: advance it to complete tasks when the time mode is virtual. */
  public FakeClock clock() {
    return emulator.clock();
  }

  /**
   * A clock for the clients of this emulator in {@link TimeMode#virtual()}: give it to {@code
   * PuffleClient.Builder.clock}. Client and emulator then share one timeline: a blocking call's
   * back-off or poll interval moves the emulator's clock by that much and returns at once, so a
   * {@code turnAndWait} with the default {@code WaitOptions} finishes instantly, the same way
   * every run. An asynchronous call's waits run in due order on one thread of the emulator's,
   * which moves the clock to each one's time. Jitter is seeded by {@link Builder#seed}. One clock
   * per emulator, shared by its clients; {@link #close()} stops it.
   *
   * <p>Turn run watching off on such a client ({@code watchRuns(false)}): the polls alone then
   * decide when a wait ends, which keeps a test deterministic. {@link FakePuffleExtension} does
   * both for you when the emulator's time is virtual.
   *
   * @throws IllegalStateException when the time mode is not virtual (in scaled or real time a
   *     client keeps its own, real, clock)
   */
  public synchronized PuffleClock clientClock() {
    if (!emulator.clock().isVirtual()) {
      throw new IllegalStateException(
          "clientClock() needs TimeMode.virtual(); in scaled or real time clients keep the real clock");
    }
    if (clientClock == null) {
      clientClock = new VirtualClientClock(emulator.clock(), seed);
    }
    return clientClock;
  }

  /** The fault script. */
  public Faults faults() {
    return emulator.faults();
  }

  /** Every fault injected so far, in request order. */
  public List<InjectedFault> injectedFaults() {
    return emulator.injectedFaults();
  }

  /** Every request received so far, in arrival order, with credentials redacted. */
  public List<RecordedCall> requests() {
    return emulator.requests();
  }

  /** The requests of one operation, in arrival order. */
  public List<RecordedCall> requests(Operation operation) {
    return requests().stream()
        .filter(call -> call.operation() == operation)
        .collect(Collectors.toList());
  }

  /** How many requests of an operation arrived (whatever their outcome). */
  public int requestCount(Operation operation) {
    return emulator.requestCount(Objects.requireNonNull(operation, "operation"));
  }

  /** How many requests arrived in all. */
  public int requestCount() {
    return emulator.requestCount();
  }

  /**
   * The messages of every {@code /turn} request for the session that reached the emulator,
   * whatever the outcome (accepted, 409, injected 500, dropped connection ...), plus the
   * generate-content calls that reached its session.
   */
  public List<String> turnMessagesReceived(String sessionId) {
    return emulator.turnsReceived(sessionId);
  }

  /** The turn messages the emulator accepted for the session (claimed and ran), in order. */
  public List<String> turnMessagesAccepted(String sessionId) {
    return emulator.turnsAccepted(sessionId);
  }

  /**
   * Asserts that the emulator accepted the turn {@code message} for the session exactly once,
   * however many times it was received (a safe client retries without duplicating a turn).
   *
   * @throws AssertionError otherwise, stating how often it was accepted and received
   */
  public void assertTurnReceivedOnce(String sessionId, String message) {
    long accepted = turnMessagesAccepted(sessionId).stream().filter(message::equals).count();
    if (accepted != 1) {
      long received = turnMessagesReceived(sessionId).stream().filter(message::equals).count();
      throw new AssertionError("expected session " + sessionId + " to accept the turn \""
          + message + "\" once, but it was accepted " + accepted + " time(s) and received "
          + received + " time(s)");
    }
  }

  /**
   * The session exactly as {@code GET /api/campaigns/ai-chat-sessions/{id}} returns it (a JSON
   * tree: maps, lists, strings, doubles, booleans and nulls), if it exists.
   */
  public Optional<Map<String, Object>> session(String sessionId) {
    return emulator.session(sessionId);
  }

  /** The account's credits left (generate_ai costs 2 per lead). */
  public long credits() {
    return emulator.credits();
  }

  /** Sets the account's credits, for example to 0 to get 402 from generate_ai. */
  public void setCredits(long credits) {
    emulator.setCredits(credits);
  }

  /**
   * Sets a generated message's status ({@code pending}, {@code sent} ...), as sending would.
   *
   * @throws IllegalArgumentException for an unknown message id
   */
  public void setMessageStatus(String messageId, String status) {
    emulator.setMessageStatus(messageId, Objects.requireNonNull(status, "status"));
  }

  /**
   * Sets a campaign's status ({@code active}, {@code paused} ...), as launching would.
   *
   * @throws IllegalArgumentException for an unknown campaign id
   */
  public void setCampaignStatus(String campaignId, String status) {
    emulator.setCampaignStatus(campaignId, Objects.requireNonNull(status, "status"));
  }

  /**
   * Whether requests are allowed to break the contract from now on: call it in a test that
   * sends bad input on purpose (a malformed id, a missing key, an empty message ...). The
   * responses to them are still checked. Has no effect unless {@link Builder#validateContract}
   * is on. {@link FakePuffleExtension} turns it off again after each test.
   */
  public void allowBadRequests() {
    emulator.allowBadRequests(true);
  }

  /** Whether requests and responses are checked against openapi.yaml. */
  public boolean validatesContract() {
    return emulator.validatesContract();
  }

  /**
   * Every contract violation found so far, one line each: the operation, request or response
   * (with the status), the JSON pointer into the body where there is one, and the rule broken.
   * Empty unless {@link Builder#validateContract} is on.
   */
  public List<String> contractViolations() {
    return emulator.contractViolations();
  }

  /**
   * Fails if a request or response broke the contract since the last check.
   *
   * @throws AssertionError listing the violations
   */
  public void assertContractKept() {
    List<String> fresh = emulator.takeUnreportedViolations();
    if (!fresh.isEmpty()) {
      throw new AssertionError(fresh.size() + " request(s) or response(s) broke the contract"
          + " (openapi.yaml):\n  " + String.join("\n  ", fresh));
    }
  }

  /**
   * Stops serving and drops pending tasks. Idempotent.
   *
   * @throws AssertionError when the contract check is on and found violations that no
   *     {@link #assertContractKept()} has reported yet
   */
  @Override
  public void close() {
    synchronized (this) {
      if (clientClock != null) {
        clientClock.close();
      }
    }
    emulator.close();
    assertContractKept();
  }

  /** Ends one test of a shared emulator: reports its violations, disallows bad requests. */
  void endTest() {
    emulator.allowBadRequests(false);
    assertContractKept();
  }

  @Override
  public String toString() {
    return "FakePuffle{" + baseUrl() + "}";
  }

  /** Options of a {@link FakePuffle}. */
  public static final class Builder {
    /** The system property that turns {@link #validateContract} on by default: {@code true}. */
    public static final String VALIDATE_CONTRACT_PROPERTY = "puffle.testkit.validateContract";

    private final EmulatorConfig config = new EmulatorConfig();

    private Builder() {
      config.validateContract = Boolean.getBoolean(VALIDATE_CONTRACT_PROPERTY);
    }

    /** The API key to accept (default: {@code pk_live_} and 64 hex digits from the seed). */
    public Builder apiKey(String apiKey) {
      if (apiKey == null || apiKey.isEmpty()) {
        throw new IllegalArgumentException("apiKey must not be empty");
      }
      config.apiKey = apiKey;
      return this;
    }

    /** The loopback port to listen on (default 0: any free port). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port out of range: " + port);
      }
      config.port = port;
      return this;
    }

    /**
     * How time passes for tasks (default {@code TimeMode.scaled(0.01)}: a turn takes 150 ms,
     * so a real client's polling works out of the box). Use {@link TimeMode#virtual()} for
     * deterministic tests.
     */
    public Builder timeMode(TimeMode timeMode) {
      config.timeMode = Objects.requireNonNull(timeMode, "timeMode");
      return this;
    }

    /** How long a turn's task runs in service time (default 15 s). */
    public Builder turnDuration(Duration duration) {
      config.turn = nonNegative(duration);
      return this;
    }

    /** How long example generation runs: {@code base + perLead * leads} (default 10 s + 3 s). */
    public Builder examplesDuration(Duration base, Duration perLead) {
      config.examplesBase = nonNegative(base);
      config.examplesPerLead = nonNegative(perLead);
      return this;
    }

    /** Uses {@link ReplyModel#standard(int)}: the first skeleton on this turn (default 2). */
    public Builder turnsUntilSkeleton(int turns) {
      config.replyModel = ReplyModel.standard(turns);
      return this;
    }

    /** The fake LLM that answers turns (default {@link ReplyModel#standard()}). */
    public Builder replyModel(ReplyModel model) {
      config.replyModel = Objects.requireNonNull(model, "model");
      return this;
    }

    /** The account's credits (default 1000). */
    public Builder credits(long credits) {
      config.credits = credits;
      return this;
    }

    /** The seed of ids, the default key and run tokens (default 0: the same ids every run). */
    public Builder seed(long seed) {
      config.seed = seed;
      return this;
    }

    /** Whether to plant the default campaign (default true). */
    public Builder defaultCampaign(boolean seed) {
      config.seedDefaultCampaign = seed;
      return this;
    }

    /**
     * Whether to check every request to an operation of the wire contract (openapi.yaml), and
     * every response the emulator sends to it, against the contract, strictly ({@code null}
     * only where the contract allows it). Each violation fails the test: {@link
     * FakePuffleExtension} checks after each test, and {@link FakePuffle#close()} throws.
     * Responses shaped by an injected fault are not checked; a test that sends bad input on
     * purpose says so with {@link FakePuffle#allowBadRequests()}.
     *
     * <p>Default: the system property {@value #VALIDATE_CONTRACT_PROPERTY}, else off. Needs
     * {@code com.atlassian.oai:swagger-request-validator-core} (2.46.1) on the test class path.
     */
    public Builder validateContract(boolean validate) {
      config.validateContract = validate;
      return this;
    }

    /**
     * The wire version the streams of runs are served in (default {@link StreamVersion#V2},
     * Trigger.dev's default since SDK 4.1); {@link FakePuffle#streamVersion(StreamVersion)}
     * changes it for later runs.
     */
    public Builder streamVersion(StreamVersion version) {
      config.streamVersion = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Starts the emulator.
     *
     * @throws java.io.UncheckedIOException if the port cannot be bound
     */
    public FakePuffle start() {
      return new FakePuffle(config);
    }

    private static Duration nonNegative(Duration duration) {
      if (duration.isNegative()) {
        throw new IllegalArgumentException("negative duration: " + duration);
      }
      return duration;
    }
  }
}
