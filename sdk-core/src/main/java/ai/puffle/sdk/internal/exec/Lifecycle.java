package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.ClientClosedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the client has been closed, and the operations still in progress: closing ends each of
 * them with {@link ClientClosedException} and stops its pending step, so no future is left
 * waiting on a scheduler or connection that no longer runs.
 */
public final class Lifecycle {
  private final Map<Flow<?>, String> inProgress = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** The failure of {@code operation} started on a closed client. */
  public ClientClosedException closedFailure(String operation) {
    return new ClientClosedException(operation + ": the PuffleClient is closed");
  }

  /**
   * Registers {@code flow} (running {@code operation}) until it completes, so that {@link
   * #close()} can end it; ends it at once when the client is already closed.
   */
  public void track(Flow<?> flow, String operation) {
    if (flow.isDone() || inProgress.putIfAbsent(flow, operation) != null) {
      return;
    }
    flow.whenComplete((v, e) -> inProgress.remove(flow));
    if (closed) {
      flow.abort(closedFailure(operation));
    }
  }

  /** Marks the client closed and ends every operation in progress. */
  public void close() {
    closed = true;
    for (Map.Entry<Flow<?>, String> f : inProgress.entrySet()) {
      f.getKey().abort(new ClientClosedException(
          f.getValue() + ": the PuffleClient was closed while the call was in progress"));
    }
  }
}
