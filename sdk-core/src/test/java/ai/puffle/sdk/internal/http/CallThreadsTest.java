package ai.puffle.sdk.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A dispatcher's pool: threads only as calls need them, at most its maximum, never refusing. */
class CallThreadsTest {
  final ExecutorService pool = CallThreads.create(4, "test-call-");
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void close() {
    release.countDown();
    pool.shutdownNow();
  }

  @Test
  void callsOneAfterAnotherShareOneThread() throws Exception {
    for (int i = 0; i < 50; i++) {
      pool.submit(() -> { }).get(5, TimeUnit.SECONDS);
      awaitIdle();
    }
    assertEquals(1, ((ThreadPoolExecutor) pool).getLargestPoolSize(), "one thread, reused");
  }

  @Test
  void busyThreadsMakeNewOnesUpToTheMaximumThenCallsWaitTheirTurn() throws Exception {
    CountDownLatch started = new CountDownLatch(4);
    List<Future<?>> held = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      held.add(pool.submit(() -> {
        started.countDown();
        release.await();
        return null;
      }));
    }
    assertTrue(started.await(5, TimeUnit.SECONDS), "four calls run at once");
    Future<String> fifth = pool.submit(() -> Thread.currentThread().getName());
    Future<String> sixth = pool.submit(() -> Thread.currentThread().getName());
    assertFalse(fifth.isDone(), "the fifth call waits: the pool is full");
    assertEquals(4, ((ThreadPoolExecutor) pool).getPoolSize());

    release.countDown();
    assertTrue(fifth.get(5, TimeUnit.SECONDS).startsWith("test-call-"));
    assertTrue(sixth.get(5, TimeUnit.SECONDS).startsWith("test-call-"));
    assertEquals(4, ((ThreadPoolExecutor) pool).getLargestPoolSize(), "never more than the maximum");
  }

  @Test
  void aClosedPoolRefuses() {
    pool.shutdown();
    assertThrows(RejectedExecutionException.class, () -> pool.submit(() -> { }));
  }

  private void awaitIdle() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (((ThreadPoolExecutor) pool).getActiveCount() > 0 && System.nanoTime() < end) {
      Thread.sleep(1);
    }
  }
}
