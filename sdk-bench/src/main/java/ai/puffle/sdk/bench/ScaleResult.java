package ai.puffle.sdk.bench;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one scale run. Public fields, so that a child JVM can hand it over as JSON. */
public final class ScaleResult {
  private static final JsonAdapter<ScaleResult> JSON =
      new Moshi.Builder().build().adapter(ScaleResult.class);

  /** The line prefix of a child JVM's partial results during the run. */
  public static final String PROGRESS = "SCALE_PROGRESS ";

  /** The line prefix a child JVM prints before the JSON. */
  public static final String PREFIX = "SCALE_RESULT ";

  /** Scenario label. */ public String scenario;
  /** How flows wait: sdk, sdk-nonrejecting or naive. */ public String mode;
  /** Concurrent flows. */ public int n;
  /** Emulator task time, ms. */ public long taskMs;
  /** Wait policy, in words. */ public String waitPolicy;
  /** Flows started over this many ms (0: all at once). */ public long staggerMs;
  /** ok; deadline (flows unfinished); or why the child JVM ended early (a partial result). */ public String outcome = "ok";
  /** Flows that returned a TurnResult. */ public int completed;
  /** Flows that failed. */ public int failed;
  /** Failures by exception class and the start of the message. */ public Map<String, Integer> failures = new TreeMap<>();
  /** First flow started to last flow ended, ms. */ public long wallMs;
  /** Peak live threads of the JVM during the run (emulator and flows included). */ public int peakLiveThreads;
  /** New threads named puffle-* or OkHttp* (MockWebServer's excluded). */ public int sdkOkHttpThreads;
  /** All threads started during the run. */ public long threadsStarted;
  /** New threads by kind. */ public Map<String, Integer> threadKinds = new TreeMap<>();
  /** Heap used after a full GC before the run (emulator seeded, client built), MB. */ public double heapBeforeMb;
  /** Peak heap used after GC during the run, MB. */ public double peakHeapAfterGcMb;
  /** Heap used after a full GC once all turns were sent, MB (-1: not reached). */ public double heapAllSentMb = -1;
  /** Heap used after a full GC after the run with the client closed (emulator state and logs), MB. */ public double heapAfterMb;
  /** The JVM's maximum heap, MB. */ public double maxHeapMb;
  /** Requests per flow (all operations). */ public double requestsPerTurn;
  /** GET session requests per flow. */ public double getsPerTurn;
  /** POST turn requests per flow. */ public double postsPerTurn;
  /** Trigger.dev run requests (retrieve and feed) per flow. */ public double runRequestsPerTurn;
  /** Retries the SDK reported to its event listener. */ public long retries;
  /** Of those, retries after OkHttp's "executor rejected". */ public long rejectedRetries;
  /** Wake-up latency median, ms (-1: none). */ public double wakeMedianMs = -1;
  /** Wake-up latency 99th percentile, ms (-1: none). */ public double wakeP99Ms = -1;
  /** Wake-up latency mean, ms (-1: none). */ public double wakeMeanMs = -1;
  /** Wake-up latency maximum, ms (-1: none). */ public double wakeMaxMs = -1;
  /** Flow time (start to result) median, ms. */ public double flowMedianMs = -1;

  /** This result as one line of JSON. */
  public String toJson() {
    return JSON.serializeNulls().toJson(this);
  }

  /** A result from {@link #toJson()}. */
  public static ScaleResult fromJson(String json) {
    try {
      return JSON.fromJson(json);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("not a scale result: " + json, e);
    }
  }
}
