package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleClock;
import ai.puffle.sdk.internal.exec.CallerRunsScheduler;
import ai.puffle.sdk.internal.exec.Timing;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Virtual time shared by a client and its emulator (the minimum of sdk-core's test {@code
 * FakeTiming}): every backoff or poll wait of a blocking call advances the clock at once, records
 * the wait and tells a listener, which moves the emulator's virtual clock by the same amount.
 * Client and emulator share one timeline, and nothing really sleeps. Jitter draws from a seeded
 * source.
 *
 * <p>Asynchronous waits (a wait that follows its task's run polls on the client's async
 * scheduler, and the run watcher waits there too) need a {@link VirtualDriver}, attached with
 * {@link #drive}: it runs their steps one at a time and moves the same clock when the client and
 * the emulator are quiet. Without one, {@link #async()} refuses.
 */
final class VirtualTiming implements Timing, PuffleClock {
  /** The client's clock at the start (any value: only differences count). */
  static final long START_NANOS = 1_000_000_000L;

  private final Object clock = new Object();
  private long now = START_NANOS;
  private final Random random = new Random(42);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Consumer<Duration> onMove;
  private volatile Runnable beforeMove = () -> {};
  private final Scheduler blocking = new CallerRunsScheduler(this::sleep);
  private volatile VirtualDriver driver;

  /** Virtual time that tells {@code onMove} of every move (a wait, or the driver's). */
  VirtualTiming(Consumer<Duration> onMove) {
    this.onMove = onMove;
  }

  /**
   * Runs asynchronous steps with a driver thread that moves this clock when {@code probe} says
   * the system is quiet, and never past {@code step} at a time while the emulator holds a
   * request on the clock.
   */
  VirtualTiming drive(VirtualDriver.Probe probe, Duration step) {
    driver = new VirtualDriver(this, probe, step.toNanos());
    return this;
  }

  /** The driver, or null. */
  VirtualDriver driver() {
    return driver;
  }

  /** Runs {@code hook} just before each move of the clock, with the clock not yet moved. */
  void beforeMove(Runnable hook) {
    beforeMove = hook;
  }

  private void sleep(long nanos) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(Duration.ofNanos(nanos));
    moveBy(nanos);
  }

  /** Moves client and emulator time forward to {@code target} (nothing when it has passed). */
  void moveTo(long target) {
    synchronized (clock) {
      if (target > now) {
        moveBy(target - now);
      }
    }
  }

  private void moveBy(long nanos) {
    synchronized (clock) {
      beforeMove.run();
      now += nanos;
      onMove.accept(Duration.ofNanos(nanos));
    }
  }

  /** Every wait of a blocking call so far, in order. */
  List<Duration> sleeps() {
    return sleeps;
  }

  @Override
  public long nanoTime() {
    synchronized (clock) {
      return now;
    }
  }

  @Override
  public synchronized double random() {
    return random.nextDouble();
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    sleep(duration.toNanos());
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    ScheduledFuture<?> f = async().schedule(Executors.callable(task), delay.toNanos(),
        TimeUnit.NANOSECONDS);
    return new Cancellable() {
      @Override
      public boolean cancel() {
        return f.cancel(false);
      }

      @Override
      public boolean isDone() {
        return f.isDone();
      }
    };
  }

  @Override
  public Scheduler blocking() {
    return blocking;
  }

  @Override
  public Scheduler async() {
    VirtualDriver d = driver;
    if (d == null) {
      throw new UnsupportedOperationException("no driver: this rig runs blocking calls only");
    }
    return d;
  }

  /** Stops the driver (the client does not close a clock it was given). */
  @Override
  public void close() {
    VirtualDriver d = driver;
    if (d != null) {
      d.close();
    }
  }
}
