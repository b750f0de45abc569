package ai.puffle.sdk.reliability;

import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The client's async scheduler on virtual time, as a discrete-event loop on one thread:
 *
 * <ol>
 *   <li>wait until the system is quiet ({@link Probe#quiet()}: no HTTP call in flight but those
 *       the emulator holds on its clock, such as a live feed request or a stalled response);
 *   <li>run the earliest scheduled step if it is due, then go back to 1;
 *   <li>else move the shared clock to that step's time, but no further than the next multiple of
 *       {@code step} while the emulator holds a request (a held request may be released by the
 *       emulator's own events: a run that changes, a hold that ends), then go back to 1.
 * </ol>
 *
 * <p>So each step's consequences (its requests, their callbacks, the steps they schedule) all
 * happen before the next step runs or time moves, and time moves only when nothing else can
 * happen first: the order of events depends on virtual time alone, not on thread timing. Steps
 * due at the same time run in the order they were scheduled. The emulator's move returns once
 * its held requests have looked at the new time, so the quiet check after it sees them.
 */
final class VirtualDriver implements Scheduler, AutoCloseable {
  /** What the driver needs to know of the system it drives. */
  interface Probe {
    /** True when no HTTP call is in flight but those the emulator holds on its clock. */
    boolean quiet();

    /** How many requests the emulator holds on its clock now. */
    int held();

    /**
     * Called on the driver thread at each quiet point, before a step runs or time moves; it may
     * arm faults or start calls (the driver waits for them to settle).
     */
    default void onQuiet() {}
  }

  /**
   * The step while the emulator holds a request, which its own events may release (the run
   * changes, the hold ends): such an event is seen at most this late, and not late at all when
   * it falls on a multiple of it (a task started on a whole second and lasting whole seconds).
   */
  static final Duration STEP = Duration.ofMillis(500);

  /** How long the system may take to become quiet, in real time, before the cell is failed. */
  static final long QUIET_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final VirtualTiming timing;
  private final Probe probe;
  private final long stepNanos;
  private final Object lock = new Object();
  private final PriorityQueue<Step> steps = new PriorityQueue<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private long sequence;
  private boolean paused;
  /** True while the driver runs a step or moves time. */
  private volatile boolean busy;
  private volatile boolean closed;

  VirtualDriver(VirtualTiming timing, Probe probe, long stepNanos) {
    this.timing = timing;
    this.probe = probe;
    this.stepNanos = stepNanos;
    this.thread = new Thread(this::loop, "virtual-driver");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public ScheduledFuture<?> schedule(Callable<?> callable, long delay, TimeUnit unit) {
    synchronized (lock) {
      Step s = new Step(callable, timing.nanoTime() + Math.max(0, unit.toNanos(delay)), sequence++);
      steps.add(s);
      lock.notifyAll();
      return s;
    }
  }

  /** Stops running steps and moving time (calls in flight still complete) until {@link #resume}. */
  void pause() {
    synchronized (lock) {
      paused = true;
    }
  }

  /** Runs steps again. */
  void resume() {
    synchronized (lock) {
      paused = false;
      lock.notifyAll();
    }
  }

  /**
   * Blocks (real time, at most {@link #QUIET_LIMIT_NANOS}) until the system is quiet and the
   * driver is between steps (a step may finish its work on the driver thread after its calls
   * ended, when a call completed before the step registered its callback).
   */
  boolean awaitQuiet() {
    return awaitQuiet(true);
  }

  private boolean awaitQuiet(boolean betweenSteps) {
    long end = System.nanoTime() + QUIET_LIMIT_NANOS;
    while (!closed) {
      if ((!betweenSteps || !busy) && probe.quiet()) {
        return true;
      }
      if (System.nanoTime() > end) {
        return false;
      }
      LockSupport.parkNanos(50_000);
    }
    return false;
  }

  /** Steps scheduled and not cancelled. */
  int pendingSteps() {
    synchronized (lock) {
      int n = 0;
      for (Step s : steps) {
        if (!s.isCancelled()) {
          n++;
        }
      }
      return n;
    }
  }

  /** What went wrong while driving (the system never became quiet, a step threw). */
  List<String> problems() {
    return new ArrayList<>(problems);
  }

  @Override
  public void close() {
    closed = true;
    synchronized (lock) {
      lock.notifyAll();
    }
  }

  private void loop() {
    while (!closed) {
      Step next;
      synchronized (lock) {
        while (!steps.isEmpty() && steps.peek().isCancelled()) {
          steps.poll();
        }
        next = paused ? null : steps.peek();
        if (next == null) {
          try {
            lock.wait(5);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
      }
      if (!awaitQuiet(false)) {
        if (!closed) {
          problems.add("the system was not quiet after "
              + TimeUnit.NANOSECONDS.toSeconds(QUIET_LIMIT_NANOS) + " s of real time");
          closed = true;
        }
        return;
      }
      probe.onQuiet();
      if (!probe.quiet()) {
        continue; // the hook started something: let it settle first
      }
      long now = timing.nanoTime();
      synchronized (lock) {
        if (paused || steps.peek() != next || next.isCancelled()) {
          continue; // something was scheduled or cancelled meanwhile: look again
        }
        if (next.due <= now) {
          steps.poll();
        }
        busy = true;
      }
      try {
        if (next.due <= now) {
          next.run(problems);
          continue;
        }
        long target = next.due;
        if (probe.held() > 0) {
          target = Math.min(target, (now / stepNanos + 1) * stepNanos);
        }
        timing.moveTo(target);
      } finally {
        busy = false;
      }
    }
  }

  /** One scheduled step. */
  private static final class Step implements ScheduledFuture<Object>, Comparable<Delayed> {
    private final Callable<?> callable;
    final long due;
    private final long sequence;
    private volatile boolean cancelled;
    private volatile boolean done;

    Step(Callable<?> callable, long due, long sequence) {
      this.callable = callable;
      this.due = due;
      this.sequence = sequence;
    }

    void run(List<String> problems) {
      if (cancelled) {
        return;
      }
      try {
        callable.call();
      } catch (Exception | Error e) {
        problems.add("a step threw " + e);
      } finally {
        done = true;
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      Step other = (Step) o;
      int byDue = Long.compare(due, other.due);
      return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
