package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.BodyHead;
import ai.puffle.sdk.internal.http.ErrorMapper;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.http.Transport;
import ai.puffle.sdk.internal.json.PuffleJson;
import ai.puffle.sdk.internal.mapping.WireMapper;
import java.io.IOException;
import ai.puffle.sdk.testkit.internal.NoDelayServerSocketFactory;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Where the SDK's per-call cost goes: the per-call GET rebuilt step by step, from the
 * hand-written baseline to the full {@code sessions().get}, each step measured in rotating
 * blocks against one loopback server (TCP_NODELAY), medians over rounds.
 *
 * <pre>java -cp CLASSPATH ai.puffle.sdk.bench.PerCallBreakdown [rounds] [callsPerBlock] [warmupSeconds]</pre>
 */
public final class PerCallBreakdown {
  /** How many steps there are. */
  public static final int STEPS = 6;

  /** The last head copied, kept so that the copy is not optimized away. */
  static volatile byte[] lastHead;

  private PerCallBreakdown() {}

  /** Runs and prints the breakdown. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 14;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Map<String, double[]> steps = run(rounds, calls, warmup);
    System.out.println("### Per-call cost, step by step (median of " + rounds + " rounds of " + calls + " calls)");
    System.out.println();
    System.out.println("| step | wall us/call | calling-thread CPU us/call | calling-thread bytes/call |");
    System.out.println("|---|---:|---:|---:|");
    for (Map.Entry<String, double[]> e : steps.entrySet()) {
      double[] v = e.getValue();
      System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,.0f |", e.getKey(), v[0], v[1], v[2]));
    }
    System.out.println();
  }

  /** Step name to median {wall us, CPU us, bytes} per call, in step order. */
  public static Map<String, double[]> run(int rounds, int calls, int warmupSeconds) throws Exception {
    String body = SessionBodies.perCall();
    MockWebServer server = new MockWebServer();
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200)
            .addHeader("Content-Type", "application/json; charset=utf-8").body(body).build();
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
    Transport.Settings settings = new Transport.Settings();
    settings.apiKey = PerCallServer.API_KEY;
    settings.userAgent = "puffle-java-bench";
    Transport transport = new Transport(settings);
    OkHttpClient sdkHttp = transport.client();
    AiChatSessionsApi api = new AiChatSessionsApi(new RequestFactory(server.url("/"), PuffleJson.moshi()));
    ApiRequest<SessionEnvelope> model = api.getAiChatSession(SessionBodies.SESSION_ID);
    ApiRequest<Session> mapped = api.getAiChatSession(SessionBodies.SESSION_ID).map(WireMapper::toSession);
    try (PerCallServer.Baseline baseline = new PerCallServer.Baseline(server.url("/").toString(), PerCallServer.API_KEY);
        PuffleClient sdk = PuffleClient.builder().apiKey(PerCallServer.API_KEY).baseUrl(server.url("/").toString()).build()) {
      Map<String, Paired.Op> ops = new LinkedHashMap<>();
      ops.put("A baseline: plain OkHttpClient, Moshi to a plain class", () -> baseline.get(SessionBodies.SESSION_ID));
      ops.put("B SDK's OkHttpClient (interceptors), generated-model decode", () -> {
        try (Response r = sdkHttp.newCall(model.httpRequest()).execute()) {
          return model.decode(r.body().source());
        }
      });
      ops.put("C  + the body head kept for error messages (as CallRunner does)", () -> {
        try (Response r = sdkHttp.newCall(model.httpRequest()).execute()) {
          return decodeKeepingHead(model, r);
        }
      });
      ops.put("D  + a call timeout (the 5 min deadline)", () -> {
        Call call = sdkHttp.newCall(model.httpRequest());
        call.timeout().timeout(5, TimeUnit.MINUTES);
        try (Response r = call.execute()) {
          return decodeKeepingHead(model, r);
        }
      });
      ops.put("E  + WireMapper.toSession", () -> {
        Call call = sdkHttp.newCall(mapped.httpRequest());
        call.timeout().timeout(5, TimeUnit.MINUTES);
        try (Response r = call.execute()) {
          return decodeKeepingHead(mapped, r);
        }
      });
      ops.put("F full sessions().get (validation, request, Failsafe, flow)", () -> sdk.sessions().get(SessionBodies.SESSION_ID));
      long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
      while (System.nanoTime() < warmEnd) {
        for (Paired.Op op : ops.values()) {
          Paired.block(op, 100);
        }
        drain(server);
      }
      Map<String, List<double[]>> samples = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        List<String> order = new ArrayList<>(ops.keySet());
        if (round % 2 == 1) {
          Collections.reverse(order);
        }
        for (String step : order) {
          samples.computeIfAbsent(step, k -> new ArrayList<>()).add(Paired.block(ops.get(step), calls));
          drain(server);
        }
      }
      Map<String, double[]> medians = new LinkedHashMap<>();
      for (String step : ops.keySet()) {
        double[] m = new double[3];
        for (int k = 0; k < 3; k++) {
          double[] column = new double[samples.get(step).size()];
          for (int i = 0; i < column.length; i++) {
            column[i] = samples.get(step).get(i)[k];
          }
          m[k] = Stats.median(column);
        }
        medians.put(step, m);
      }
      return medians;
    } finally {
      transport.close();
      server.close();
    }
  }

  /** Decodes as CallRunner does: the first 2 KiB of the body are copied aside first. */
  private static <T> T decodeKeepingHead(ApiRequest<T> request, Response response) throws IOException {
    BufferedSource source = response.body().source();
    source.request(ErrorMapper.SNIPPET_LIMIT);
    lastHead = BodyHead.copy(source.getBuffer(), ErrorMapper.SNIPPET_LIMIT);
    return request.decode(source);
  }

  private static void drain(MockWebServer server) throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // drop it
    }
  }
}
