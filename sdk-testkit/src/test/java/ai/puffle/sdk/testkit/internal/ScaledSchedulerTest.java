package ai.puffle.sdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScaledSchedulerTest {
  @Test
  void scalesAFifteenSecondTaskDownToAFewMilliseconds() throws InterruptedException {
    try (ScaledScheduler scheduler = new ScaledScheduler(0.0001)) {
      CountDownLatch ran = new CountDownLatch(1);
      long start = System.nanoTime();
      scheduler.schedule(Duration.ofSeconds(15), ran::countDown);
      assertTrue(ran.await(5, TimeUnit.SECONDS), "the task ran");
      assertTrue(System.nanoTime() - start >= Duration.ofNanos(1_500_000).toNanos());
      assertEquals(0, scheduler.pendingTasks());
    }
  }

  @Test
  void closeDropsPendingTasks() {
    ScaledScheduler scheduler = new ScaledScheduler(1.0);
    scheduler.schedule(Duration.ofHours(1), () -> { });
    assertEquals(1, scheduler.pendingTasks());
    scheduler.close();
    assertEquals(0, scheduler.pendingTasks());
    scheduler.schedule(Duration.ZERO, () -> { });
    assertEquals(0, scheduler.pendingTasks(), "nothing is scheduled after close");
  }
}
