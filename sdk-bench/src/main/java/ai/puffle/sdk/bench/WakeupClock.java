package ai.puffle.sdk.bench;

import ai.puffle.sdk.testkit.Reply;
import ai.puffle.sdk.testkit.ReplyModel;
import ai.puffle.sdk.testkit.TurnContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReplyModel} that notes, per session, when the emulator completes a turn. FakePuffle
 * calls the reply model while it holds its state lock, immediately before it writes the reply
 * and clears {@code task_status}; no request can see the session idle before this moment, and
 * the lock is released microseconds after it. {@code System.nanoTime()} here and in the waiter's
 * completion callback share one clock (same JVM), so their difference is the wake-up latency.
 */
public final class WakeupClock implements ReplyModel {
  private final ReplyModel delegate;
  private final Map<String, Long> clearedAt = new ConcurrentHashMap<>();

  /** Wraps the standard model. */
  public WakeupClock() {
    this(ReplyModel.standard());
  }

  /** Wraps {@code delegate}. */
  public WakeupClock(ReplyModel delegate) {
    this.delegate = delegate;
  }

  @Override
  public Reply reply(TurnContext turn) {
    clearedAt.put(turn.sessionId(), System.nanoTime());
    return delegate.reply(turn);
  }

  /** When the session's last turn completed ({@code System.nanoTime()}), or null. */
  public Long clearedAt(String sessionId) {
    return clearedAt.get(sessionId);
  }
}
