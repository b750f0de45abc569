package ai.puffle.sdk;

import ai.puffle.sdk.internal.exec.Timing;

/** Lets tests in other packages give a client virtual time. */
public final class ClientTestAccess {
  private ClientTestAccess() {}

  /** {@code builder} running on {@code timing}. */
  public static PuffleClient.Builder withTiming(PuffleClient.Builder builder, Timing timing) {
    return builder.timing(timing);
  }

  /** The client's run watcher. */
  public static ai.puffle.sdk.internal.run.RunWatcher runWatcher(PuffleClient client) {
    return client.runWatcher();
  }
}
