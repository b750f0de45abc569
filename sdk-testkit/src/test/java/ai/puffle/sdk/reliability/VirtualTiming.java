package ai.puffle.sdk.reliability;

import ai.puffle.sdk.internal.exec.CallerRunsScheduler;
import ai.puffle.sdk.internal.exec.Timing;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Virtual time for blocking client calls (the minimum of sdk-core's test {@code FakeTiming}):
 * every backoff or poll wait advances the clock at once, records the wait and tells a listener,
 * which moves the emulator's virtual clock by the same amount. Client and emulator share one
 * timeline, and nothing really sleeps. Asynchronous flows are not supported.
 */
final class VirtualTiming implements Timing {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Consumer<Duration> onSleep;
  private final Scheduler blocking = new CallerRunsScheduler(this::sleep);

  /** Virtual time that tells {@code onSleep} of every wait. */
  VirtualTiming(Consumer<Duration> onSleep) {
    this.onSleep = onSleep;
  }

  private void sleep(long nanos) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    Duration d = Duration.ofNanos(nanos);
    sleeps.add(d);
    now.addAndGet(nanos);
    onSleep.accept(d);
  }

  /** Every wait so far, in order. */
  List<Duration> sleeps() {
    return sleeps;
  }

  /** Total virtual time waited. */
  Duration slept() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public Scheduler blocking() {
    return blocking;
  }

  @Override
  public Scheduler async() {
    throw new UnsupportedOperationException("the fault matrix runs blocking calls only");
  }

  @Override
  public void close() {}
}
