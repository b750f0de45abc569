package ai.puffle.sdk.internal.exec;

import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Ends an HTTP call at its call's deadline: the call is cancelled if it is still running then,
 * which the SDK reports as a {@code PuffleTimeoutException}. {@link #OKHTTP} uses OkHttp's own
 * call timeout; a real-time client uses {@link SweptDeadlines}, which costs no thread wake-up
 * per call.
 */
public interface CallDeadlines {
  /** One call's deadline, watched until the call is over. */
  interface Watch {
    /** The call is over (its response closed, or it failed): its deadline no longer matters. */
    void callEnded();
  }

  /** A watch with nothing to end. */
  Watch NONE = () -> {};

  /**
   * OkHttp's call timeout, on real time: Okio's watchdog thread keeps every timeout in one queue
   * and is woken each time a new one is the earliest. Used for clients on a clock other than
   * real time, whose deadlines still bound real I/O.
   */
  CallDeadlines OKHTTP = (call, remainingNanos) -> {
    call.timeout().timeout(remainingNanos, TimeUnit.NANOSECONDS);
    return NONE;
  };

  /**
   * Cancels {@code call} if it is still running {@code remainingNanos} from now (the call has
   * not started yet); {@link Watch#callEnded()} when it is over.
   */
  Watch watch(Call call, long remainingNanos);
}
