package ai.puffle.sdk;

import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.run.RunWatcher;

/**
 * Lets the reliability tests give a client virtual time (the builder's timing hook is
 * package-private). A copy of sdk-core's test-only {@code ClientTestAccess}; the testkit does not
 * depend on sdk-core's test classes.
 */
public final class ReliabilityAccess {
  private ReliabilityAccess() {}

  /** {@code builder} running on {@code timing}. */
  public static PuffleClient.Builder withTiming(PuffleClient.Builder builder, Timing timing) {
    return builder.timing(timing);
  }

  /** The watcher that follows the runs of {@code client}'s tasks. */
  public static RunWatcher runWatcher(PuffleClient client) {
    return client.runWatcher();
  }
}
