package ai.puffle.sdk.internal;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.internal.ops.ClientContext;
import java.util.function.Function;

/**
 * What the SDK's own modules (and its tests) may reach inside a {@link PuffleClient} without a
 * public method on it: its context (run watcher, transports, clock). {@code PuffleClient} hands
 * over the accessor when its class is initialised. Not exported to users.
 */
public final class ClientInternals {
  private static volatile Function<PuffleClient, ClientContext> context;

  private ClientInternals() {}

  /** Called once, by {@code PuffleClient}'s class initialiser. */
  public static void expose(Function<PuffleClient, ClientContext> accessor) {
    context = accessor;
  }

  /** The context of {@code client}. */
  public static ClientContext context(PuffleClient client) {
    Function<PuffleClient, ClientContext> c = context;
    if (c == null) {
      try {
        Class.forName(PuffleClient.class.getName(), true, PuffleClient.class.getClassLoader());
      } catch (ClassNotFoundException impossible) {
        throw new IllegalStateException(impossible);
      }
      c = context;
    }
    return c.apply(client);
  }
}
