package ai.puffle.sdk.internal.exec;

/** Whether the client has been closed. */
public final class Lifecycle {
  private volatile boolean closed;

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /** Marks the client closed: new attempts fail with "client is closed". */
  public void close() {
    closed = true;
  }
}
