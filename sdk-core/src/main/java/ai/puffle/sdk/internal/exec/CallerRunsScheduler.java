package ai.puffle.sdk.internal.exec;

import dev.failsafe.spi.Scheduler;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Failsafe {@link Scheduler} that runs every task on the thread that scheduled the first one:
 * a blocking call's attempts and its waits happen on the caller's thread, with no thread hop.
 * Tasks scheduled while another runs (Failsafe schedules the next attempt from inside the previous
 * one) are queued and run after it returns, so the stack does not grow with the attempts.
 * An interrupt while sleeping stops the queue: the pending task is cancelled and the interrupt
 * flag stays set.
 */
public final class CallerRunsScheduler implements Scheduler {
  /** Sleeps on the current thread. */
  @FunctionalInterface
  public interface Sleeper {
    /** Sleeps for {@code nanos}. */
    void sleep(long nanos) throws InterruptedException;
  }

  private final Sleeper sleeper;
  private static final ThreadLocal<ArrayDeque<Task>> queue = new ThreadLocal<>();

  /** A scheduler that waits with {@code sleeper}. */
  public CallerRunsScheduler(Sleeper sleeper) {
    this.sleeper = sleeper;
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    Task task = new Task(callable, unit.toNanos(delay), sleeper);
    ArrayDeque<Task> pending = queue.get();
    if (pending != null) {
      pending.add(task);
      return task;
    }
    pending = new ArrayDeque<>();
    queue.set(pending);
    try {
      pending.add(task);
      Task next;
      while ((next = pending.poll()) != null) {
        if (!next.run()) {
          for (Task rest : pending) {
            rest.cancel(false);
          }
          break;
        }
      }
    } finally {
      queue.remove();
    }
    return task;
  }

  /**
   * Runs tasks queued on this thread until {@code done} holds or none is left: a blocking call
   * made while this thread is already running another call's tasks (from a listener, say) runs
   * its own steps here. Returns false when the thread was interrupted.
   */
  public static boolean runPending(java.util.function.BooleanSupplier done) {
    ArrayDeque<Task> pending = queue.get();
    if (pending == null) {
      return !Thread.currentThread().isInterrupted();
    }
    Task next;
    while (!done.getAsBoolean() && (next = pending.poll()) != null) {
      if (!next.run()) {
        return false;
      }
    }
    return !Thread.currentThread().isInterrupted();
  }

  private static final class Task extends StepFuture {
    private final Sleeper sleeper;

    Task(Callable<?> callable, long delayNanos, Sleeper sleeper) {
      super(callable, delayNanos);
      this.sleeper = sleeper;
    }

    /** Runs the task; false when the thread was interrupted while sleeping. */
    boolean run() {
      if (isCancelled()) {
        return true;
      }
      if (delayNanos > 0) {
        try {
          sleeper.sleep(delayNanos);
        } catch (InterruptedException e) {
          abandon();
          Thread.currentThread().interrupt();
          return false;
        }
      }
      call();
      return !Thread.currentThread().isInterrupted();
    }
  }
}
