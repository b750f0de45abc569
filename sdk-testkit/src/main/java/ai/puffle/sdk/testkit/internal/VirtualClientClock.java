package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.PuffleClock;
import ai.puffle.sdk.testkit.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A client's {@link PuffleClock} on an emulator's virtual clock. A blocking call's wait moves the
 * emulator's clock by the wait (its due tasks run, on the waiting thread) and returns at once. An
 * asynchronous call's wait is queued; one daemon thread takes the earliest, moves the emulator's
 * clock to its due time and runs it. Jitter draws from a source seeded by the emulator's seed, so
 * a test's waits replay exactly.
 */
public final class VirtualClientClock implements PuffleClock, AutoCloseable {
  private final FakeClock clock;
  private final Instant origin;
  private final Random random;
  private final PriorityQueue<Step> steps = new PriorityQueue<>();
  private long sequence;
  private boolean closed;
  private Thread worker;

  /** A client clock on {@code clock}, which must be virtual; jitter seeded with {@code seed}. */
  public VirtualClientClock(FakeClock clock, long seed) {
    if (!clock.isVirtual()) {
      throw new IllegalArgumentException("the emulator's clock is not virtual");
    }
    this.clock = clock;
    this.origin = clock.now();
    this.random = new Random(seed);
  }

  @Override
  public long nanoTime() {
    return Duration.between(origin, clock.now()).toNanos();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    if (!duration.isNegative() && !duration.isZero()) {
      clock.advance(duration);
    }
  }

  @Override
  public synchronized Cancellable schedule(Runnable task, Duration delay) {
    Step step = new Step(nanoTime() + Math.max(0, delay.toNanos()), sequence++, task);
    if (closed) {
      step.cancel();
      return step;
    }
    steps.add(step);
    if (worker == null) {
      worker = new Thread(this::loop, "puffle-virtual-client-clock");
      worker.setDaemon(true);
      worker.start();
    }
    notifyAll();
    return step;
  }

  @Override
  public synchronized double random() {
    return random.nextDouble();
  }

  /** Drops the queued waits and stops the thread. */
  @Override
  public synchronized void close() {
    closed = true;
    steps.clear();
    notifyAll();
  }

  private void loop() {
    while (true) {
      Step next;
      synchronized (this) {
        while (!closed && steps.isEmpty()) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        next = steps.poll();
      }
      if (next.isDone()) {
        continue; // cancelled: time does not move for it
      }
      long ahead = next.due - nanoTime();
      if (ahead > 0) {
        clock.advance(Duration.ofNanos(ahead));
      }
      try {
        next.run();
      } catch (RuntimeException | Error e) {
        Thread t = Thread.currentThread();
        t.getUncaughtExceptionHandler().uncaughtException(t, e);
      }
    }
  }

  /** A queued wait. */
  private static final class Step implements Cancellable, Comparable<Step> {
    final long due;
    final long order;
    private final Runnable task;
    private boolean done;

    Step(long due, long order, Runnable task) {
      this.due = due;
      this.order = order;
      this.task = task;
    }

    void run() {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      task.run();
    }

    @Override
    public synchronized boolean cancel() {
      if (done) {
        return false;
      }
      done = true;
      return true;
    }

    @Override
    public synchronized boolean isDone() {
      return done;
    }

    @Override
    public int compareTo(Step o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
