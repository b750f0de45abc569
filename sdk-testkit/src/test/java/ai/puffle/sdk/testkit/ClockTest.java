package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockTest {
  @Test
  void theVirtualClockRunsDueTasksInOrderAtTheirDueTime() {
    try (Fixture f = new Fixture()) {
      FakeClock clock = f.fake.clock();
      assertTrue(clock.isVirtual());
      Instant start = clock.now();
      String a = f.createSession();
      String b = f.createSession();
      f.turn(a, "first");
      clock.advance(Duration.ofSeconds(5));
      f.turn(b, "second");
      assertEquals(2, clock.pendingTasks());

      clock.advance(Duration.ofSeconds(10));
      assertEquals(1, clock.pendingTasks(), "a is due at 15 s, b at 20 s");
      assertEquals(start.plusSeconds(15).toString(), f.session(a).get("updated_at"));
      assertEquals(1, clock.advanceUntilIdle());
      assertEquals(start.plusSeconds(20), clock.now());
      assertEquals(start.plusSeconds(20).toString(), f.session(b).get("updated_at"));
      assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
    }
  }

  @Test
  void aScaledClockFollowsRealTimeAndCannotBeAdvanced() {
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.scaled(0.5)).start()) {
      FakeClock clock = fake.clock();
      assertFalse(clock.isVirtual());
      assertTrue(Duration.between(clock.now(), Instant.now()).abs().getSeconds() < 5);
      assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofSeconds(1)));
      assertThrows(IllegalStateException.class, clock::advanceUntilIdle);
    }
  }

  @Test
  void timeModesValidateTheirFactor() {
    assertEquals(TimeMode.scaled(1.0), TimeMode.realTime());
    assertEquals(0.01, TimeMode.scaled(0.01).scale());
    assertTrue(TimeMode.virtual().isVirtual());
    assertThrows(IllegalArgumentException.class, () -> TimeMode.scaled(-1));
    assertThrows(IllegalArgumentException.class, () -> TimeMode.scaled(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> TimeMode.scaled(Double.POSITIVE_INFINITY));
  }
}
