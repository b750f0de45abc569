package ai.puffle.sdk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The scale harness: N concurrent turn-and-wait flows on one client against FakePuffle (turns
 * take 2 s of real time), each scenario in a fresh JVM with {@code -Xmx512m}, printed as
 * Markdown tables.
 *
 * <pre>
 * java -cp CLASSPATH ai.puffle.sdk.bench.ScaleHarness            # every scenario
 * java -cp CLASSPATH ai.puffle.sdk.bench.ScaleHarness sdk-10000  # some, by name
 * java -cp CLASSPATH ai.puffle.sdk.bench.ScaleHarness --list
 * </pre>
 *
 * <p>A child JVM runs {@code --child MODE N TASK_MS STAGGER_MS NAME} and prints one {@link
 * ScaleResult} line.
 */
public final class ScaleHarness {
  private static final String HEAP = "-Xmx" + System.getProperty("bench.childHeap", "512m");
  /** A child JVM that has not ended by then is stopped (its last progress line is reported). */
  private static final Duration CHILD_LIMIT = Duration.ofMinutes(6);

  /** One scenario: a name and the child's arguments. */
  static final class Scenario {
    final String name;
    final String table;
    final ScaleRun.Mode mode;
    final int n;
    final long taskMs;
    final long staggerMs;

    Scenario(String name, String table, ScaleRun.Mode mode, int n, long taskMs, long staggerMs) {
      this.name = name;
      this.table = table;
      this.mode = mode;
      this.n = n;
      this.taskMs = taskMs;
      this.staggerMs = staggerMs;
    }
  }

  static final List<Scenario> SCENARIOS = List.of(
      new Scenario("sdk-100", "scale", ScaleRun.Mode.SDK, 100, 2000, 0),
      new Scenario("sdk-1000", "scale", ScaleRun.Mode.SDK, 1000, 2000, 0),
      new Scenario("sdk-10000", "scale", ScaleRun.Mode.SDK, 10_000, 2000, 0),
      new Scenario("fixed-1000", "scale", ScaleRun.Mode.SDK_NON_REJECTING, 1000, 2000, 0),
      new Scenario("fixed-10000", "scale", ScaleRun.Mode.SDK_NON_REJECTING, 10_000, 2000, 0),
      new Scenario("naive-100", "scale", ScaleRun.Mode.NAIVE, 100, 2000, 0),
      new Scenario("naive-1000", "scale", ScaleRun.Mode.NAIVE, 1000, 2000, 0),
      new Scenario("watch-1000", "scale", ScaleRun.Mode.WATCH_CAPPED, 1000, 2000, 0),
      new Scenario("watch-10000", "scale", ScaleRun.Mode.WATCH_CAPPED, 10_000, 2000, 0),
      new Scenario("wake-sdk-2s", "wakeup", ScaleRun.Mode.SDK, 300, 2000, 5000),
      new Scenario("wake-naive-2s", "wakeup", ScaleRun.Mode.NAIVE, 300, 2000, 5000),
      new Scenario("wake-sdk-15s", "wakeup", ScaleRun.Mode.SDK, 300, 15000, 5000),
      new Scenario("wake-watch-15s", "wakeup", ScaleRun.Mode.WATCH, 300, 15000, 5000),
      new Scenario("wake-watch-capped-15s", "wakeup", ScaleRun.Mode.WATCH_CAPPED, 300, 15000, 5000),
      new Scenario("wake-naive-15s", "wakeup", ScaleRun.Mode.NAIVE, 300, 15000, 5000));

  private ScaleHarness() {}

  /** Runs the scenarios named in {@code args} (all when none), or one child run. */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(args);
      return;
    }
    if (args.length > 0 && args[0].equals("--list")) {
      SCENARIOS.forEach(s -> System.out.println(s.name));
      return;
    }
    List<String> wanted = Arrays.asList(args);
    List<Scenario> chosen = new ArrayList<>();
    for (Scenario s : SCENARIOS) {
      if (wanted.isEmpty() || wanted.contains(s.name)) {
        chosen.add(s);
      }
    }
    List<ScaleResult> results = new ArrayList<>();
    List<Scenario> ran = new ArrayList<>();
    for (Scenario s : chosen) {
      ScaleResult r = spawn(s);
      if (r != null) {
        results.add(r);
        ran.add(s);
      }
    }
    print(System.out, ran, results);
  }

  private static void child(String[] a) throws Exception {
    ScaleRun.Config cfg = new ScaleRun.Config();
    cfg.mode = ScaleRun.Mode.of(a[1]);
    cfg.n = Integer.parseInt(a[2]);
    cfg.task = Duration.ofMillis(Long.parseLong(a[3]));
    cfg.stagger = Duration.ofMillis(Long.parseLong(a[4]));
    cfg.scenario = a[5];
    cfg.deadline = Duration.ofMinutes(4);
    cfg.progress = p -> System.out.println(ScaleResult.PROGRESS + p.toJson());
    ScaleResult r = ScaleRun.run(cfg);
    System.out.println(ScaleResult.PREFIX + r.toJson());
  }

  /** Runs a scenario in a fresh JVM and reads its result; null when it produced none. */
  static ScaleResult spawn(Scenario s) throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> cmd = List.of(java, HEAP, "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
        ScaleHarness.class.getName(), "--child", s.mode.label, String.valueOf(s.n),
        String.valueOf(s.taskMs), String.valueOf(s.staggerMs), s.name);
    System.err.println("== " + s.name + " (" + HEAP + ")");
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread watchdog = new Thread(() -> {
      try {
        if (!p.waitFor(CHILD_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
          System.err.println("!! " + s.name + ": no result after " + CHILD_LIMIT.toMinutes() + " min; stopping it");
          p.destroyForcibly();
        }
      } catch (InterruptedException ignored) {
        // the child ended
      }
    }, "bench-child-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    ScaleResult result = null;
    ScaleResult last = null;
    long previousReport = -1;
    long started = System.nanoTime();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(ScaleResult.PREFIX)) {
          result = ScaleResult.fromJson(line.substring(ScaleResult.PREFIX.length()));
        } else if (line.startsWith(ScaleResult.PROGRESS)) {
          last = ScaleResult.fromJson(line.substring(ScaleResult.PROGRESS.length()));
          if (last.wallMs / 2000 != previousReport) {
            previousReport = last.wallMs / 2000;
            System.err.println("   " + s.name + ": " + last.completed + " completed, " + last.failed
              + " failed, " + last.wallMs / 1000 + " s, peak heap after GC " + last.peakHeapAfterGcMb
              + " MB, retries " + last.retries + " (rejected " + last.rejectedRetries + ")");
          }
        } else {
          System.err.println(line);
        }
      }
    }
    p.waitFor();
    watchdog.interrupt();
    if (result == null && last != null) {
      result = last;
      long secs = (System.nanoTime() - started) / 1_000_000_000L;
      result.outcome = (p.exitValue() == 3 ? "OutOfMemoryError" : "exit " + p.exitValue())
          + " after " + secs + " s (last progress shown)";
      result.failed = result.n - result.completed;
    }
    if (result == null) {
      System.err.println("!! " + s.name + " produced no result (exit " + p.exitValue() + ")");
      result = new ScaleResult();
      result.scenario = s.name;
      result.mode = s.mode.label;
      result.n = s.n;
      result.taskMs = s.taskMs;
      result.failed = s.n;
      result.outcome = "exit " + p.exitValue() + " before the first progress report";
    }
    return result;
  }

  /** Prints the tables. */
  static void print(PrintStream out, List<Scenario> scenarios, List<ScaleResult> results) {
    List<ScaleResult> scale = new ArrayList<>();
    List<ScaleResult> wake = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      (scenarios.get(i).table.equals("wakeup") ? wake : scale).add(results.get(i));
    }
    if (!scale.isEmpty()) {
      out.println("### Scale: N concurrent turnAndWait flows, one client, 2 s tasks, -Xmx512m");
      out.println();
      out.println("| scenario | mode | N | completed | failed | wall s | peak live threads | SDK+OkHttp threads created"
          + " | all threads started | heap after GC: peak MB | at all-sent MB | emulator-only MB |");
      out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (ScaleResult r : scale) {
        boolean whole = r.outcome.equals("ok");
        out.println(String.format(Locale.ROOT,
            "| %s | %s | %,d | %,d | %,d | %.1f%s | %d | %d | %s | %.0f | %s | %s |",
            r.scenario, r.mode, r.n, r.completed, r.failed, r.wallMs / 1000.0, whole ? "" : " (ended early)",
            r.peakLiveThreads, r.sdkOkHttpThreads, whole ? String.format(Locale.ROOT, "%,d", r.threadsStarted) : "-",
            r.peakHeapAfterGcMb, r.heapAllSentMb < 0 ? "-" : String.format(Locale.ROOT, "%.0f", r.heapAllSentMb),
            whole ? String.format(Locale.ROOT, "%.0f", r.heapAfterMb) : "-"));
      }
      out.println();
      out.println("| scenario | requests/turn | GET/turn | POST turn/turn | run requests/turn | SDK retries (executor rejected)"
          + " | flow p50 s | wake-up p50 ms | wake-up p99 ms |");
      out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (ScaleResult r : scale) {
        out.println(trafficRow(r));
      }
      out.println();
      for (ScaleResult r : scale) {
        out.println("- " + r.scenario + ": new threads " + r.threadKinds
            + (r.failures.isEmpty() ? "" : "; failures " + r.failures)
            + (r.outcome.equals("ok") ? "" : "; outcome: " + r.outcome));
      }
      out.println();
    }
    if (!wake.isEmpty()) {
      out.println("### Wake-up latency (task_status cleared -> waiter returns), flows started over 5 s");
      out.println();
      out.println("| scenario | mode | wait policy | N | task s | completed | wake-up p50 ms | wake-up p99 ms | mean ms | max ms"
          + " | GET/turn | run requests/turn | requests/turn | SDK retries | SDK+OkHttp threads |");
      out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
      for (ScaleResult r : wake) {
        out.println(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.0f | %d | %s | %s | %s | %s | %.2f | %.2f | %.2f | %d | %d |",
            r.scenario, r.mode, r.waitPolicy, r.n, r.taskMs / 1000.0, r.completed, ms(r.wakeMedianMs), ms(r.wakeP99Ms),
            ms(r.wakeMeanMs), ms(r.wakeMaxMs), r.getsPerTurn, r.runRequestsPerTurn, r.requestsPerTurn, r.retries,
            r.sdkOkHttpThreads));
      }
      out.println();
    }
  }

  private static String trafficRow(ScaleResult r) {
    if (!r.outcome.equals("ok")) {
      return String.format(Locale.ROOT, "| %s | - | - | - | - | %,d (%,d) | - | - | - |",
          r.scenario, r.retries, r.rejectedRetries);
    }
    return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %,d (%,d) | %.1f | %s | %s |",
        r.scenario, r.requestsPerTurn, r.getsPerTurn, r.postsPerTurn, r.runRequestsPerTurn, r.retries, r.rejectedRetries,
        r.flowMedianMs / 1000.0, ms(r.wakeMedianMs), ms(r.wakeP99Ms));
  }

  private static String ms(double v) {
    return v < 0 ? "-" : String.format(Locale.ROOT, "%.0f", v);
  }
}
