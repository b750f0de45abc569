package ai.puffle.sdk.testing;

import ai.puffle.sdk.internal.exec.CallerRunsScheduler;
import ai.puffle.sdk.internal.exec.Timing;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for tests: sleeping advances the clock at once and records the delay; the async
 * scheduler advances the clock by the delay and runs the task at once on one worker thread.
 * Nothing really waits.
 */
public final class FakeTiming implements Timing, ai.puffle.sdk.PuffleClock {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final java.util.Random random = new java.util.Random(42);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "fake-timing");
            t.setDaemon(true);
            return t;
          });
  private final Scheduler blocking = new CallerRunsScheduler(this::sleep);
  private final java.util.Queue<java.util.concurrent.FutureTask<Object>> held =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile boolean holdDelayed;
  private final Scheduler async =
      (callable, delay, unit) -> {
        long nanos = unit.toNanos(delay);
        java.util.concurrent.FutureTask<Object> task =
            new java.util.concurrent.FutureTask<>(
                () -> {
                  if (nanos > 0) {
                    sleeps.add(Duration.ofNanos(nanos));
                    now.addAndGet(nanos);
                  }
                  return callable.call();
                });
        if (nanos > 0 && holdDelayed) {
          held.add(task);
        } else {
          worker.execute(task);
        }
        return new ScheduledFutureAdapter(task, nanos);
      };

  /**
   * From now on, async tasks scheduled with a delay wait until {@link #releaseDelayed()} instead
   * of running at once: a test can act between two polls.
   */
  public FakeTiming holdDelayedTasks() {
    holdDelayed = true;
    return this;
  }

  /** How many delayed async tasks are waiting (cancelled ones included). */
  public int heldTasks() {
    return held.size();
  }

  /**
   * Runs the delayed tasks held now (a cancelled one does nothing); returns how many ran. Tasks
   * they schedule in turn stay held: one call releases one step, however fast the server answers.
   */
  public int releaseDelayed() throws Exception {
    int ran = 0;
    java.util.concurrent.FutureTask<Object> t;
    for (int n = held.size(); n > 0 && (t = held.poll()) != null; n--) {
      if (!t.isCancelled()) {
        ran++;
      }
      worker.submit(t).get();
    }
    return ran;
  }

  private void sleep(long nanos) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(Duration.ofNanos(nanos));
    now.addAndGet(nanos);
  }

  /** A client's blocking wait: advances the clock at once. */
  @Override
  public void sleep(Duration duration) throws InterruptedException {
    sleep(duration.toNanos());
  }

  /** A client's asynchronous wait: as {@link #async()}. */
  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    java.util.concurrent.ScheduledFuture<?> f = async.schedule(() -> {
      task.run();
      return null;
    }, delay.toNanos(), TimeUnit.NANOSECONDS);
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

  /** Every wait so far, in order. */
  public List<Duration> sleeps() {
    return sleeps;
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    now.addAndGet(d.toNanos());
  }

  @Override
  public long nanoTime() {
    return now.get();
  }

  /** Jitter from a fixed seed: every run of a test waits the same virtual times. */
  @Override
  public synchronized double random() {
    return random.nextDouble();
  }

  /** Seeds the jitter. */
  public synchronized FakeTiming seed(long seed) {
    random.setSeed(seed);
    return this;
  }

  @Override
  public Scheduler blocking() {
    return blocking;
  }

  @Override
  public Scheduler async() {
    return async;
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }

  private static final class ScheduledFutureAdapter
      implements java.util.concurrent.ScheduledFuture<Object> {
    private final Future<?> f;
    private final long nanos;

    ScheduledFutureAdapter(Future<?> f, long nanos) {
      this.f = f;
      this.nanos = nanos;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(java.util.concurrent.Delayed o) {
      return Long.compare(nanos, o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean b) {
      return f.cancel(b);
    }

    @Override
    public boolean isCancelled() {
      return f.isCancelled();
    }

    @Override
    public boolean isDone() {
      return f.isDone();
    }

    @Override
    public Object get() throws InterruptedException, java.util.concurrent.ExecutionException {
      return f.get();
    }

    @Override
    public Object get(long t, TimeUnit u)
        throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
      return f.get(t, u);
    }
  }
}
