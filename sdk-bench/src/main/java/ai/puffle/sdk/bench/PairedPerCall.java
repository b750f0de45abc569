package ai.puffle.sdk.bench;

import ai.puffle.sdk.Session;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.json.PuffleJson;
import ai.puffle.sdk.internal.mapping.WireMapper;
import java.io.PrintStream;
import java.util.Locale;
import okhttp3.HttpUrl;
import okio.Buffer;

/**
 * The comparisons of {@link PerCallBenchmark} and {@link DecodeBenchmark} measured with {@link
 * Paired} (ABBA blocks in one JVM, against one server), printed as Markdown tables with the
 * targets. The ratios here are the steadier figures on a shared machine.
 *
 * <pre>java -cp CLASSPATH ai.puffle.sdk.bench.PairedPerCall [rounds] [callsPerBlock] [warmupSeconds]</pre>
 */
public final class PairedPerCall {
  private PairedPerCall() {}

  /** Runs both comparisons and prints them. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    print(System.out, "Per call: sessions().get vs hand-written GET, paired in one JVM against one server",
        "SDK sessions().get", "baseline (OkHttp + Moshi, plain class)", run(rounds, calls, warmup), true);
    print(System.out, "Decode of the large session (200 messages, 10 blocks, 50 examples), paired",
        "SDK: bytes -> Session", "Moshi: bytes -> generated model", decode(rounds, calls, warmup), false);
  }

  /** The per-call comparison: A = SDK, B = baseline. */
  public static Paired.Result run(int rounds, int calls, int warmupSeconds) throws Exception {
    try (PerCallServer server = new PerCallServer()) {
      return Paired.run(
          () -> server.sdk().sessions().get(SessionBodies.SESSION_ID),
          () -> server.baseline().get(SessionBodies.SESSION_ID),
          rounds, calls, warmupSeconds,
          () -> {
            try {
              server.drainRecordedRequests();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    }
  }

  /** The decode comparison: A = bytes to Session, B = bytes to the generated model. */
  public static Paired.Result decode(int rounds, int ops, int warmupSeconds) throws Exception {
    byte[] body = SessionBodies.bytes(SessionBodies.large());
    AiChatSessionsApi api = new AiChatSessionsApi(
        new RequestFactory(HttpUrl.get("https://app.puffle.ai/"), PuffleJson.moshi()));
    ApiRequest<SessionEnvelope> toModel = api.getAiChatSession(SessionBodies.SESSION_ID);
    ApiRequest<Session> toSession = api.getAiChatSession(SessionBodies.SESSION_ID).map(WireMapper::toSession);
    return Paired.run(
        () -> toSession.decode(new Buffer().write(body)),
        () -> toModel.decode(new Buffer().write(body)),
        rounds, ops, warmupSeconds, () -> { });
  }

  static void print(PrintStream out, String title, String a, String b, Paired.Result r, boolean targets) {
    out.println("### " + title + " (median of " + r.rounds + " ABBA rounds of " + r.ops + ")");
    out.println();
    out.println("| | wall us/op | calling-thread CPU us/op | calling-thread bytes/op |");
    out.println("|---|---:|---:|---:|");
    out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,.0f |", a, r.aMicros, r.aCpuMicros, r.aBytes));
    out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,.0f |", b, r.bMicros, r.bCpuMicros, r.bBytes));
    out.println(String.format(Locale.ROOT, "| **ratio** (median of per-round ratios) | **%.3f**%s | %.3f | **%.3f**%s |",
        r.timeRatio, targets ? " (target <= 1.05)" : "", r.cpuRatio, r.allocRatio, targets ? " (target <= 1.10)" : ""));
    out.println();
  }
}
