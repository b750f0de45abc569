package ai.puffle.sdk.internal.run;

/**
 * Told what a run's streams carry. Calls for one stream come one at a time, in order, on a
 * delivery thread (never an HTTP thread); calls for different streams may run at once. An
 * exception it throws is ignored. A slow listener does not slow the reading: chunks it has not
 * taken yet wait in a bounded queue, and beyond the bound they are coalesced or dropped (see
 * {@link StreamOutcome#coalesced()}).
 */
public interface StreamListener {
  /**
   * One chunk of stream {@code streamKey}.
   *
   * @param json the chunk as a JSON tree ({@code Map}, {@code List}, {@code String}, {@code
   *     Double}, {@code Boolean} or null); a chunk that is not JSON comes as its text
   * @param textDelta the text the chunk adds, by {@link StreamText#delta}'s rule, or null when it
   *     carries none. A coalesced chunk carries the joined text of the chunks merged into it and
   *     the JSON of the last of them.
   */
  void chunk(String streamKey, Object json, String textDelta);

  /** Stream {@code streamKey} has ended; nothing more comes for it. Called once per stream. */
  default void ended(String streamKey, StreamOutcome outcome) {}
}
