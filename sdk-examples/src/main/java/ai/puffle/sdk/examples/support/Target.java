package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.TimeMode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a program runs: a client for a real Puffle server (with an API key), or for the embedded
 * emulator, which it then owns: started with time scaled by {@value #TIME_SCALE} (a 15 s turn
 * takes 150 ms) and seeded with the campaign to draft. Closing the target closes both.
 */
public final class Target implements AutoCloseable {
  /** How the emulator scales the real service's durations. */
  public static final double TIME_SCALE = 0.01;
  /** The line a program prints when it runs on the emulator. */
  public static final String EMULATOR_BANNER =
      "No PUFFLE_API_KEY: running on the embedded Puffle emulator (time scaled 1/100).";
  /** The timeout of one wait on the emulator, unless {@code --timeout} says otherwise. */
  public static final Duration EMULATOR_WAIT_TIMEOUT = Duration.ofSeconds(30);

  private final PuffleClient client;
  private final FakePuffle emulator;
  private final CampaignNodes ids;
  private final Duration timeout;
  private final ConsoleTelemetry telemetry;

  private Target(PuffleClient client, FakePuffle emulator, CampaignNodes ids, Duration timeout,
      ConsoleTelemetry telemetry) {
    this.client = client;
    this.emulator = emulator;
    this.ids = ids;
    this.timeout = timeout;
    this.telemetry = telemetry;
  }

  /**
   * Opens the target the settings describe and says which on {@code out}. Nothing is sent yet.
   * With {@code --trace} the client's spans and metrics are printed on {@code err}.
   *
   * @param seeding what to plant on the emulator (unused with an API key)
   * @param setup told of the emulator once seeded, before any request (tests inject faults here)
   * @throws ai.puffle.sdk.InvalidInputException for a malformed base URL or key
   */
  public static Target open(
      Settings settings, Seeding seeding, Consumer<FakePuffle> setup, PrintStream out, PrintStream err) {
    ConsoleTelemetry telemetry = settings.trace() ? new ConsoleTelemetry(err) : null;
    try {
      return open(settings, seeding, setup, out, telemetry);
    } catch (RuntimeException e) {
      if (telemetry != null) {
        telemetry.close();
      }
      throw e;
    }
  }

  private static Target open(Settings settings, Seeding seeding, Consumer<FakePuffle> setup,
      PrintStream out, ConsoleTelemetry telemetry) {
    Duration timeout = settings.timeout().orElse(null);
    if (settings.apiKey().isPresent()) {
      PuffleClient.Builder builder = traced(PuffleClient.builder().apiKey(settings.apiKey().get()), telemetry);
      settings.baseUrl().ifPresent(builder::baseUrl);
      settings.triggerApiUrl().ifPresent(builder::triggerApiUrl);
      PuffleClient client = builder.build();
      CampaignNodes ids = new CampaignNodes(settings.campaignId().orElseThrow(), settings.nodeIds());
      out.println("Running against " + client.baseUrl() + " (campaign " + ids.campaignId() + ").");
      return new Target(client, null, ids, timeout, telemetry);
    }
    out.println(EMULATOR_BANNER);
    if (settings.idsGiven()) {
      out.println("(--campaign and --node are used only with PUFFLE_API_KEY.)");
    }
    FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.scaled(TIME_SCALE)).start();
    try {
      CampaignNodes ids = seeding.seed(fake);
      setup.accept(fake);
      PuffleClient client = traced(PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
          .triggerApiUrl(fake.triggerApiUrl()), telemetry).build();
      return new Target(client, fake, ids, timeout == null ? EMULATOR_WAIT_TIMEOUT : timeout, telemetry);
    } catch (RuntimeException e) {
      fake.close();
      throw e;
    }
  }

  /** The builder with the console telemetry on, when there is one. */
  private static PuffleClient.Builder traced(PuffleClient.Builder builder, ConsoleTelemetry telemetry) {
    return telemetry == null ? builder : builder.eventListener(telemetry.telemetry());
  }

  /** The client. */
  public PuffleClient client() {
    return client;
  }

  /** The emulator, when the program runs on it. */
  public Optional<FakePuffle> emulator() {
    return Optional.ofNullable(emulator);
  }

  /** Whether the program runs on the embedded emulator. */
  public boolean emulated() {
    return emulator != null;
  }

  /** The campaign. */
  public String campaignId() {
    return ids.campaignId();
  }

  /** The first (or only) AI node to draft. */
  public String nodeId() {
    return ids.nodeIds().get(0);
  }

  /** Every AI node to draft, in order. */
  public List<String> nodeIds() {
    return ids.nodeIds();
  }

  /**
   * How to wait for turns and example runs: Puffle's advice on a real server (polls every 2 s
   * growing to 5 s), the same scaled by {@value #TIME_SCALE} on the emulator (20 ms growing to
   * 50 ms); the timeout from {@code --timeout} if given.
   */
  public WaitOptions waitOptions() {
    WaitOptions.Builder wait = WaitOptions.builder();
    if (emulated()) {
      wait.pollInterval(scaled(WaitOptions.DEFAULT_INITIAL_INTERVAL), scaled(WaitOptions.DEFAULT_MAX_INTERVAL));
    }
    if (timeout != null) {
      wait.timeout(timeout);
    }
    return wait.build();
  }

  private static Duration scaled(Duration d) {
    return Duration.ofNanos((long) (d.toNanos() * TIME_SCALE));
  }

  /** Closes the client, then the emulator if there is one, then prints the metrics ({@code --trace}). */
  @Override
  public void close() {
    try {
      client.close();
    } finally {
      try {
        if (emulator != null) {
          emulator.close();
        }
      } finally {
        if (telemetry != null) {
          telemetry.close();
        }
      }
    }
  }

  @Override
  public String toString() {
    return "Target{" + (emulated() ? "emulator " : "") + client.baseUrl() + ", " + ids + "}";
  }
}
