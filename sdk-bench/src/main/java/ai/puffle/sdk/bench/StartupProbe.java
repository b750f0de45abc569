package ai.puffle.sdk.bench;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.SeededCampaign;
import ai.puffle.sdk.testkit.TimeMode;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Footprint ({@link FootprintTable}), and the time from JVM start to the first decoded response: {@link FirstResponseMain} run {@code runs} times as a fresh JVM on
 * the core's runtime class path against a FakePuffle in this JVM, alternating with the
 * hand-written OkHttp + Moshi baseline on the same class path. Reports the medians, and the
 * median of the per-pair ratios (each SDK run against the baseline run that follows it).
 *
 * <pre>java -cp CLASSPATH ai.puffle.sdk.bench.StartupProbe CORE_RUNTIME_CLASSPATH MAIN_CLASSES_DIR [runs]</pre>
 */
public final class StartupProbe {
  private StartupProbe() {}

  /** Runs the probe and prints its tables. */
  public static void main(String[] args) throws Exception {
    String coreClasspath = args[0];
    String mainClasses = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    FootprintTable.print(coreClasspath);

    double[] firstResponse = new double[runs];
    double[] process = new double[runs];
    double[] baselineFirst = new double[runs];
    double[] baselineProcess = new double[runs];
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.realTime()).start();
        PuffleClient setup = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build()) {
      SeededCampaign campaign = fake.defaultCampaign();
      String sessionId = setup.sessions().create(campaign.campaignId(), campaign.aiNodeId()).id();
      String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
      for (int i = 0; i < 2 * runs; i++) {
        boolean baseline = i % 2 == 1;
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", coreClasspath + File.pathSeparator + mainClasses,
            FirstResponseMain.class.getName(), sessionId, baseline ? "--baseline" : "--sdk");
        pb.environment().put(PuffleClient.ENV_API_KEY, fake.apiKey());
        pb.environment().put(PuffleClient.ENV_BASE_URL, fake.baseUrl());
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        long start = System.nanoTime();
        Process p = pb.start();
        String result = null;
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            if (line.startsWith(FirstResponseMain.PREFIX)) {
              result = line.substring(FirstResponseMain.PREFIX.length()).split(" ")[0];
            }
          }
        }
        int exit = p.waitFor();
        if (exit != 0 || result == null) {
          throw new IllegalStateException("run " + i + " failed (exit " + exit + ")");
        }
        (baseline ? baselineProcess : process)[i / 2] = (System.nanoTime() - start) / 1e6;
        (baseline ? baselineFirst : firstResponse)[i / 2] = Double.parseDouble(result);
      }
    }
    System.out.println("### Startup: JVM start to the first decoded response (fresh JVM, " + runs + " runs)");
    System.out.println();
    System.out.println("| measure | median ms | min ms | max ms | runs |");
    System.out.println("|---|---:|---:|---:|---|");
    row("SDK: JVM start -> first Session decoded", firstResponse);
    row("SDK: process launch -> exit", process);
    row("baseline OkHttp + Moshi: JVM start -> first decoded", baselineFirst);
    row("baseline OkHttp + Moshi: process launch -> exit", baselineProcess);
    System.out.println();
    double[] ratios = new double[runs];
    for (int i = 0; i < runs; i++) {
      ratios[i] = firstResponse[i] / baselineFirst[i];
    }
    System.out.println(String.format(Locale.ROOT,
        "SDK / baseline, JVM start to the first decoded response: **%.3f** (median of the %d"
            + " per-pair ratios, each SDK run against the baseline run after it; the medians above: %.3f)",
        Stats.median(ratios), runs, Stats.median(firstResponse) / Stats.median(baselineFirst)));
    System.out.println();
  }

  private static void row(String label, double[] values) {
    double min = Double.MAX_VALUE;
    double max = 0;
    StringBuilder all = new StringBuilder();
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
      all.append(all.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", v));
    }
    System.out.println(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %s |",
        label, Stats.median(values), min, max, all));
  }
}
