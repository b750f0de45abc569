package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import java.lang.management.ManagementFactory;

/**
 * The smallest SDK program: a client from the environment ({@code PUFFLE_API_KEY}, {@code
 * PUFFLE_API_BASE_URL}), one {@code sessions().get(id)}. Prints the milliseconds from JVM start
 * (the RuntimeMXBean's start time, read after the response so that JMX does not count) to the
 * decoded session. {@link StartupProbe} runs it as a fresh JVM. With {@code --baseline} it does
 * the same with the hand-written OkHttp + Moshi client of the per-call benchmark instead.
 */
public final class FirstResponseMain {
  /** The line prefix of the result. */
  public static final String PREFIX = "FIRST_RESPONSE_MS ";

  private FirstResponseMain() {}

  /** {@code args[0]}: the session id; {@code args[1]}, optional: {@code --baseline}. */
  public static void main(String[] args) throws java.io.IOException {
    if (args.length > 1 && args[1].equals("--baseline")) {
      String base = System.getenv(PuffleClient.ENV_BASE_URL) + "/";
      try (PerCallServer.Baseline client = new PerCallServer.Baseline(base, System.getenv(PuffleClient.ENV_API_KEY))) {
        PerCallServer.PlainSession session = client.get(args[0]);
        report(session.id);
      }
      return;
    }
    try (PuffleClient client = PuffleClient.fromEnv()) {
      Session session = client.sessions().get(args[0]);
      report(session.id());
    }
  }

  private static void report(String id) {
    long now = System.currentTimeMillis();
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(PREFIX + (now - start) + " " + id.length());
  }
}
