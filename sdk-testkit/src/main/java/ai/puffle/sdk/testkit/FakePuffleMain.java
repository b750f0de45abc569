package ai.puffle.sdk.testkit;

import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakePuffle} as a standalone server on the loopback interface until the process
 * is killed, for curl or the Puffle CLI ({@code PUFFLE_API_BASE_URL}).
 *
 * <pre>
 * java -cp ... ai.puffle.sdk.testkit.FakePuffleMain [port] [--time-scale=0.1] [--seed=0]
 *     [--api-key=pk_live_...] [--stream-version=v2]
 * </pre>
 *
 * <p>The port defaults to 8787. Tasks run at {@code --time-scale} times the real service's
 * durations (default 0.1: a turn takes 1.5 s); runs' streams use wire version {@code
 * --stream-version} ({@code v1} or {@code v2}, default v2). It prints the base URL, Trigger.dev's
 * URL for the runs of turns (the same server), the test key it accepts and the ids of the seeded
 * campaign.
 */
public final class FakePuffleMain {
  /** The default port. */
  public static final int DEFAULT_PORT = 8787;
  /** The default time scale. */
  public static final double DEFAULT_TIME_SCALE = 0.1;

  private FakePuffleMain() {}

  /**
   * Starts the server and blocks until the JVM shuts down.
   *
   * @param args {@code [port] [--time-scale=X] [--seed=N] [--api-key=KEY]
   *     [--stream-version=v1|v2]}
   */
  public static void main(String[] args) throws InterruptedException {
    FakePuffle fake;
    try {
      fake = builder(args).start();
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println("usage: FakePuffleMain [port] [--time-scale=X] [--seed=N] "
          + "[--api-key=KEY] [--stream-version=v1|v2]");
      System.exit(2);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      fake.close();
      stopped.countDown();
    }, "fake-puffle-shutdown"));
    printBanner(fake, System.out);
    stopped.await();
  }

  /** The builder the command line describes. */
  static FakePuffle.Builder builder(String[] args) {
    FakePuffle.Builder builder = FakePuffle.builder()
        .port(DEFAULT_PORT)
        .timeMode(TimeMode.scaled(DEFAULT_TIME_SCALE));
    for (String arg : args) {
      try {
        if (arg.startsWith("--time-scale=")) {
          builder.timeMode(TimeMode.scaled(Double.parseDouble(value(arg))));
        } else if (arg.startsWith("--seed=")) {
          builder.seed(Long.parseLong(value(arg)));
        } else if (arg.startsWith("--api-key=")) {
          builder.apiKey(value(arg));
        } else if (arg.startsWith("--stream-version=")) {
          builder.streamVersion(streamVersion(value(arg)));
        } else if (!arg.startsWith("--")) {
          builder.port(Integer.parseInt(arg));
        } else {
          throw new IllegalArgumentException("unknown option: " + arg);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number in " + arg, e);
      }
    }
    return builder;
  }

  private static StreamVersion streamVersion(String name) {
    for (StreamVersion version : StreamVersion.values()) {
      if (version.wireName().equals(name)) {
        return version;
      }
    }
    throw new IllegalArgumentException("--stream-version is v1 or v2: " + name);
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  static void printBanner(FakePuffle fake, PrintStream out) {
    SeededCampaign campaign = fake.defaultCampaign();
    out.println("Puffle emulator listening on " + fake.baseUrl());
    out.println();
    out.println("  export PUFFLE_API_BASE_URL=" + fake.baseUrl());
    out.println("  export PUFFLE_TRIGGER_API_URL=" + fake.triggerApiUrl()
        + "   # Trigger.dev's run endpoints, same server");
    out.println("  export PUFFLE_API_KEY=" + fake.apiKey() + "   # test key, accepted only here");
    out.println("  # a turn's run streams \"chat\" in wire version "
        + fake.streamVersion().wireName());
    out.println();
    out.println("  draft campaign: " + campaign.campaignId());
    out.println("  ai node:        " + campaign.aiNodeId());
    out.println();
    out.println("  curl -s -H \"Authorization: Bearer $PUFFLE_API_KEY\" "
        + "$PUFFLE_API_BASE_URL/api/campaigns/" + campaign.campaignId());
    out.println();
    out.println("Serving until killed (Ctrl+C).");
    out.flush();
  }
}
