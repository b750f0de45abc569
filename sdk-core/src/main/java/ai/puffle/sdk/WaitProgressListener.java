package ai.puffle.sdk;

/**
 * Told of every poll of a wait, on the thread that ran the poll. Keep it quick; an exception it
 * throws is ignored.
 */
@FunctionalInterface
public interface WaitProgressListener {
  /** One poll completed. */
  void onPoll(WaitProgress progress);
}
