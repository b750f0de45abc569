package ai.puffle.sdk.bench;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of a sample (nearest-rank), for latencies and repeated timings. */
public final class Stats {
  private Stats() {}

  /** The {@code p}-th percentile (0 to 100) by nearest rank; NaN for an empty sample. */
  public static double percentile(Collection<? extends Number> values, double p) {
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return percentile(sorted, p);
  }

  /** The {@code p}-th percentile of an already sorted array; NaN when empty. */
  public static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
  }

  /** The median. */
  public static double median(Collection<? extends Number> values) {
    return percentile(values, 50);
  }

  /** The median of an array (copied, then sorted). */
  public static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return percentile(sorted, 50);
  }
}
