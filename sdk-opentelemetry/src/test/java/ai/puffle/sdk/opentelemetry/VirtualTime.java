package ai.puffle.sdk.opentelemetry;

import ai.puffle.sdk.PuffleClock;
import ai.puffle.sdk.testkit.FakePuffle;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Virtual time for blocking calls, shared with a {@link FakePuffle} on its virtual clock: every
 * backoff or poll wait moves both clocks at once, so tasks end and busy sessions free up without
 * real waiting, and is recorded. Jitter comes from a seeded source. Asynchronous calls are not
 * supported.
 */
final class VirtualTime implements PuffleClock {
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final Random random = new Random(7);
  private final FakePuffle fake;

  VirtualTime(FakePuffle fake) {
    this.fake = fake;
  }

  @Override
  public void sleep(Duration d) throws InterruptedException {
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedException();
    }
    sleeps.add(d);
    now.addAndGet(d.toNanos());
    fake.clock().advance(d);
  }

  @Override
  public Cancellable schedule(Runnable task, Duration delay) {
    throw new UnsupportedOperationException("virtual time runs blocking calls only");
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
}
