package ai.puffle.sdk.internal.run;

/**
 * Told what a watch learns, on the watcher's HTTP threads, one event at a time per watch. Keep
 * it quick; an exception it throws is ignored. Nothing is reported after the watch ended.
 */
public interface RunWatchListener {
  /** A listener that ignores everything. */
  RunWatchListener NONE = new RunWatchListener() {};

  /**
   * New data on the run: the feed's row each time the feed is up to date after a change, or a
   * retrieve whose response differs from the previous one. Called before {@link #onStatus}.
   */
  default void onUpdate(RunUpdate update) {}

  /** The run's status differs from the last one reported (the first update always counts). */
  default void onStatus(RunStatus status, RunUpdate update) {}

  /**
   * The live feed was given up and the watch now polls retrieve, for {@code reason} ({@code
   * UNREADABLE}, {@code UNAVAILABLE} or {@code NOT_FOUND}); {@code detail} as in {@link
   * RunOutcome#detail()}.
   */
  default void onFallback(RunOutcome.Reason reason, String detail) {}
}
