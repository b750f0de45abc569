package ai.puffle.sdk.opentelemetry;

import ai.puffle.sdk.internal.exec.CallerRunsScheduler;
import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.testkit.FakePuffle;
import dev.failsafe.spi.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for blocking calls, shared with a {@link FakePuffle} on its virtual clock: every
 * backoff or poll wait moves both clocks at once, so tasks end and busy sessions free up without
 * real waiting. Jitter comes from a seeded source. Asynchronous calls are not supported.
 */
final class VirtualTime implements Timing {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Random random = new Random(7);
  private final FakePuffle fake;
  private final Scheduler blocking = new CallerRunsScheduler(this::sleep);

  VirtualTime(FakePuffle fake) {
    this.fake = fake;
  }

  private void sleep(long nanos) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    Duration d = Duration.ofNanos(nanos);
    sleeps.add(d);
    now.addAndGet(nanos);
    fake.clock().advance(d);
  }

  /** Every wait so far, in order. */
  List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  @Override
  public long nanoTime() {
    return now.get();
  }

  @Override
  public synchronized double random() {
    return random.nextDouble();
  }

  @Override
  public Scheduler blocking() {
    return blocking;
  }

  @Override
  public Scheduler async() {
    throw new UnsupportedOperationException("virtual time runs blocking calls only");
  }

  @Override
  public void close() {}
}
