package ai.puffle.sdk.internal.run;

import okhttp3.Dispatcher;

/**
 * Lets the reliability tests see the run watcher's HTTP dispatcher, so that a test on virtual
 * time knows when no Trigger.dev request is in flight (the watcher's client is package-private).
 */
public final class RunAccess {
  private RunAccess() {}

  /** The dispatcher of {@code watcher}'s Trigger.dev requests. */
  public static Dispatcher dispatcher(RunWatcher watcher) {
    return watcher.http().dispatcher();
  }
}
