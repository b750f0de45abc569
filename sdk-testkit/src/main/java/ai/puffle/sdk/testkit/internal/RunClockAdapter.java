package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.TimeMode;
import ai.puffle.sdk.testkit.internal.trigger.RunClock;
import java.time.Duration;
import java.time.Instant;

/** The emulator's clock as the Trigger.dev runs see it. */
final class RunClockAdapter implements RunClock {
  private final Scheduler scheduler;
  private final TimeMode mode;

  RunClockAdapter(Scheduler scheduler, TimeMode mode) {
    this.scheduler = scheduler;
    this.mode = mode;
  }

  @Override
  public Instant now() {
    return scheduler.now();
  }

  @Override
  public boolean isVirtual() {
    return mode.isVirtual();
  }

  @Override
  public Instant after(Instant from, Duration serviceTime) {
    return from.plus(mode.isVirtual() ? serviceTime : wallTime(serviceTime));
  }

  @Override
  public Duration wallTime(Duration serviceTime) {
    return Duration.ofNanos((long) (serviceTime.toNanos() * mode.scale()));
  }

  @Override
  public void onTimeMoved(Runnable listener) {
    scheduler.onTimeMoved(listener);
  }
}
