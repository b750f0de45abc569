package ai.puffle.sdk.testkit.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when told to. Due tasks run on the thread that advances the clock, in
 * due order (ties in scheduling order), each at its own due time.
 */
final class VirtualScheduler implements Scheduler {
  /** The virtual epoch: the timestamp of Puffle's documented example payloads. */
  static final Instant EPOCH = Instant.parse("2026-04-22T10:00:00Z");
  private static final int MAX_TASKS_PER_ADVANCE = 100_000;

  private final PriorityQueue<Entry> queue = new PriorityQueue<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private long nowNanos;
  private long sequence;
  private boolean closed;

  @Override
  public synchronized Instant now() {
    return EPOCH.plusNanos(nowNanos);
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    if (!closed) {
      queue.add(new Entry(nowNanos + delay.toNanos(), sequence++, task));
    }
  }

  @Override
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot go back in time: " + duration);
    }
    long target;
    synchronized (this) {
      target = nowNanos + duration.toNanos();
    }
    runUntil(target);
    synchronized (this) {
      nowNanos = Math.max(nowNanos, target);
    }
    timeMoved();
  }

  @Override
  public int advanceUntilIdle() {
    int ran = runUntil(Long.MAX_VALUE);
    timeMoved();
    return ran;
  }

  @Override
  public void onTimeMoved(Runnable listener) {
    listeners.add(listener);
  }

  private void timeMoved() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }

  /** Runs due tasks one by one, outside this lock (tasks take the store's lock). */
  private int runUntil(long target) {
    int ran = 0;
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.due > target || closed) {
          return ran;
        }
        queue.poll();
        nowNanos = Math.max(nowNanos, next.due);
      }
      next.task.run();
      if (++ran > MAX_TASKS_PER_ADVANCE) {
        throw new IllegalStateException("tasks keep scheduling tasks; gave up");
      }
    }
  }

  @Override
  public synchronized int pendingTasks() {
    return queue.size();
  }

  @Override
  public synchronized void close() {
    closed = true;
    queue.clear();
  }

  @Override
  public String toString() {
    return "VirtualClock{" + now() + "}";
  }

  private static final class Entry implements Comparable<Entry> {
    final long due;
    final long sequence;
    final Runnable task;

    Entry(long due, long sequence, Runnable task) {
      this.due = due;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public int compareTo(Entry other) {
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }
  }
}
