package ai.puffle.sdk.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results ({@code -rf json}) into the Markdown tables of BENCHMARKS.md, with
 * the SDK-to-baseline ratios next to their targets.
 *
 * <pre>java -cp CLASSPATH ai.puffle.sdk.bench.JmhSummary results.json [more.json ...]</pre>
 */
public final class JmhSummary {
  private static final JsonAdapter<List<Map<String, Object>>> JSON = new Moshi.Builder().build().adapter(
      Types.newParameterizedType(List.class, Types.newParameterizedType(Map.class, String.class, Object.class)));

  private JmhSummary() {}

  /** Prints the tables for the given result files. */
  public static void main(String[] args) throws IOException {
    List<Map<String, Object>> all = new ArrayList<>();
    for (String file : args) {
      all.addAll(JSON.fromJson(Files.readString(Path.of(file), StandardCharsets.UTF_8)));
    }
    perCall(all);
    decode(all);
    async(all);
  }

  private static void perCall(List<Map<String, Object>> all) {
    Map<String, Object> sdk = find(all, "PerCallBenchmark.sdkGet");
    Map<String, Object> base = find(all, "PerCallBenchmark.baselineGet");
    if (sdk == null || base == null) {
      return;
    }
    System.out.println("### PerCallBenchmark (JMH, average time per call)");
    System.out.println();
    System.out.println("| benchmark | us/op | +- (99.9%) | client.alloc.norm B/op | gc.alloc.rate.norm B/op (whole JVM, server included) |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Map<String, Object> r : List.of(sdk, base)) {
      System.out.println(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %,.0f | %,.0f |", name(r), score(r),
          error(r), secondary(r, "client.alloc.norm"), secondary(r, "gc.alloc.rate.norm")));
    }
    System.out.println(String.format(Locale.ROOT,
        "| **SDK / baseline** | **%.3f** (target <= 1.05) | | **%.3f** (target <= 1.10) | %.3f |",
        score(sdk) / score(base), secondary(sdk, "client.alloc.norm") / secondary(base, "client.alloc.norm"),
        secondary(sdk, "gc.alloc.rate.norm") / secondary(base, "gc.alloc.rate.norm")));
    System.out.println();
  }

  private static void decode(List<Map<String, Object>> all) {
    Map<String, Object> sdk = find(all, "DecodeBenchmark.sdkToSession");
    Map<String, Object> model = find(all, "DecodeBenchmark.moshiToModel");
    if (sdk == null || model == null) {
      return;
    }
    System.out.println("### DecodeBenchmark (JMH, large session: 200 messages, 10 blocks, 50 examples)");
    System.out.println();
    System.out.println("| benchmark | ops/s | +- (99.9%) | gc.alloc.rate.norm B/op |");
    System.out.println("|---|---:|---:|---:|");
    for (Map<String, Object> r : List.of(sdk, model)) {
      System.out.println(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %,.0f |", name(r), score(r), error(r),
          secondary(r, "gc.alloc.rate.norm")));
    }
    System.out.println(String.format(Locale.ROOT, "| **to Session / model only** | time %.3f | | alloc %.3f |",
        score(model) / score(sdk), secondary(sdk, "gc.alloc.rate.norm") / secondary(model, "gc.alloc.rate.norm")));
    System.out.println();
  }

  private static void async(List<Map<String, Object>> all) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : all) {
      if (String.valueOf(r.get("benchmark")).contains("AsyncTurnThroughputBenchmark")) {
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    System.out.println("### AsyncTurnThroughputBenchmark (JMH, turns per second, tasks finish at once)");
    System.out.println();
    System.out.println("| benchmark | http | turns/s | +- (99.9%) | gc.alloc.rate.norm B/turn (whole JVM, emulator included) |");
    System.out.println("|---|---|---:|---:|---:|");
    for (Map<String, Object> r : rows) {
      Object params = r.get("params");
      String http = params instanceof Map ? String.valueOf(((Map<?, ?>) params).get("http")) : "";
      System.out.println(String.format(Locale.ROOT, "| %s | %s | %,.0f | %,.0f | %,.0f |", name(r), http, score(r),
          error(r), secondary(r, "gc.alloc.rate.norm")));
    }
    System.out.println();
  }

  private static Map<String, Object> find(List<Map<String, Object>> all, String suffix) {
    for (Map<String, Object> r : all) {
      if (String.valueOf(r.get("benchmark")).endsWith(suffix)) {
        return r;
      }
    }
    return null;
  }

  private static String name(Map<String, Object> r) {
    String b = String.valueOf(r.get("benchmark"));
    return b.substring(b.lastIndexOf('.', b.lastIndexOf('.') - 1) + 1);
  }

  @SuppressWarnings("unchecked")
  private static double score(Map<String, Object> r) {
    return ((Number) ((Map<String, Object>) r.get("primaryMetric")).get("score")).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static double error(Map<String, Object> r) {
    Object e = ((Map<String, Object>) r.get("primaryMetric")).get("scoreError");
    return e instanceof Number ? ((Number) e).doubleValue() : Double.NaN;
  }

  @SuppressWarnings("unchecked")
  private static double secondary(Map<String, Object> r, String key) {
    Map<String, Object> metrics = (Map<String, Object>) r.get("secondaryMetrics");
    if (metrics == null || !(metrics.get(key) instanceof Map)) {
      return Double.NaN;
    }
    return ((Number) ((Map<String, Object>) metrics.get(key)).get("score")).doubleValue();
  }
}
