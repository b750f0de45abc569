package ai.puffle.sdk.testkit.internal.trigger;

/**
 * Tells a benchmark when the emulator wrote each chunk of a run's stream to a connection (after
 * the flush), so that it can time the way to the client. Off (null) by default, costing nothing.
 */
public final class StreamTap {
  /** Told of each data record written, in order per connection. */
  public interface Listener {
    /**
     * The {@code index}-th data record of this connection's stream of run {@code runId} was
     * written and flushed at {@code nanoTime} ({@link System#nanoTime()}).
     */
    void written(String runId, int index, long nanoTime);
  }

  private static volatile Listener listener;

  private StreamTap() {}

  /** Sets the one listener, or none with null. */
  public static void listen(Listener l) {
    listener = l;
  }

  static Listener listener() {
    return listener;
  }
}
