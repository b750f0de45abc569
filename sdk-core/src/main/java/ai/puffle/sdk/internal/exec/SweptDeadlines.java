package ai.puffle.sdk.internal.exec;

import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import okhttp3.Call;

/**
 * Call deadlines kept by one client in deadline order, with one timer set for the earliest: when
 * it fires, the calls whose deadline has passed are cancelled and the timer is set for the next.
 * A call whose deadline comes after the timer's (every call of a client with the same timeout,
 * one after another) only joins the set and leaves it, so it wakes no thread: OkHttp's own call
 * timeout wakes Okio's watchdog thread for each call, which costs a call on a loopback server
 * about 3% of its time (BENCHMARKS.md). A call whose deadline is the earliest resets the timer.
 * Thread-safe.
 */
final class SweptDeadlines implements CallDeadlines {
  /** Runs a task after a delay; may throw once the client is closing. */
  interface Timer {
    Future<?> schedule(Runnable task, long delayNanos);
  }

  private final LongSupplier clock;
  private final Timer timer;
  private final ConcurrentSkipListSet<Entry> running = new ConcurrentSkipListSet<>();
  private final AtomicLong order = new AtomicLong();
  private final Object lock = new Object();
  /** When the timer fires ({@link Long#MAX_VALUE}: not set). Written under {@link #lock}. */
  private volatile long sweepAt = Long.MAX_VALUE;
  private Future<?> pending;

  /** Deadlines on {@code clock} (monotonic nanoseconds), swept by {@code timer}. */
  SweptDeadlines(LongSupplier clock, Timer timer) {
    this.clock = clock;
    this.timer = timer;
  }

  @Override
  public Watch watch(Call call, long remainingNanos) {
    return watch(call::cancel, remainingNanos);
  }

  /** Runs {@code atDeadline} {@code remainingNanos} from now unless the watch ends first. */
  Watch watch(Runnable atDeadline, long remainingNanos) {
    long now = clock.getAsLong();
    long deadline = remainingNanos > Long.MAX_VALUE - 1 - now ? Long.MAX_VALUE - 1 : now + remainingNanos;
    Entry entry = new Entry(deadline, order.incrementAndGet(), atDeadline);
    running.add(entry);
    // The timer, when set no later than this deadline, sets itself again for the calls left
    // after it fires, this one included (it reads the set after clearing sweepAt).
    if (deadline < sweepAt) {
      setTimer(deadline);
    }
    return entry;
  }

  /** Deadlines watched now (tests). */
  int watched() {
    return running.size();
  }

  private void setTimer(long at) {
    synchronized (lock) {
      if (at >= sweepAt) {
        return;
      }
      if (pending != null) {
        pending.cancel(false);
      }
      try {
        pending = timer.schedule(this::sweep, Math.max(0, at - clock.getAsLong()));
        sweepAt = at;
      } catch (RuntimeException closing) {
        // The client is closing: its calls are cancelled with it.
        pending = null;
        sweepAt = Long.MAX_VALUE;
      }
    }
  }

  private void sweep() {
    synchronized (lock) {
      sweepAt = Long.MAX_VALUE;
      pending = null;
    }
    long now = clock.getAsLong();
    Entry next = null;
    for (Entry e : running) {
      if (e.deadline > now) {
        next = e;
        break;
      }
      if (running.remove(e)) {
        e.atDeadline.run();
      }
    }
    if (next != null) {
      // Should that call end meanwhile, the timer fires for nothing and moves on to the next.
      setTimer(next.deadline);
    }
  }

  /** One call's deadline. */
  private final class Entry implements Watch, Comparable<Entry> {
    final long deadline;
    final long order;
    final Runnable atDeadline;

    Entry(long deadline, long order, Runnable atDeadline) {
      this.deadline = deadline;
      this.order = order;
      this.atDeadline = atDeadline;
    }

    @Override
    public void callEnded() {
      running.remove(this);
    }

    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(deadline, o.deadline);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
