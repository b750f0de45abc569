package ai.puffle.sdk.examples.support;

import java.time.Duration;
import java.util.Locale;

/** Formats durations for people: {@code 0.2 s}, {@code 12.3 s}, {@code 2 min 5 s}. */
public final class Durations {
  private Durations() {}

  /** The duration in seconds with one decimal, or minutes and seconds from two minutes on. */
  public static String format(Duration d) {
    long millis = d.toMillis();
    if (millis >= 120_000) {
      return (millis / 60_000) + " min " + (millis % 60_000) / 1000 + " s";
    }
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
