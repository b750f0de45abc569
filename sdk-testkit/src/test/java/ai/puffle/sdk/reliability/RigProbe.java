package ai.puffle.sdk.reliability;

import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import okhttp3.Dispatcher;

/**
 * Tells a {@link VirtualDriver} when a client and its emulator are quiet: no Puffle call in
 * flight, and no Trigger.dev call but those the emulator holds on its clock (live feed requests)
 * or never answers (stalled ones).
 */
class RigProbe implements VirtualDriver.Probe {
  private final FakePuffle fake;
  private final Dispatcher puffleCalls;
  private final Dispatcher runCalls;

  /** A probe of the calls on {@code puffleCalls} and {@code runCalls} to {@code fake}. */
  RigProbe(FakePuffle fake, Dispatcher puffleCalls, Dispatcher runCalls) {
    this.fake = fake;
    this.puffleCalls = puffleCalls;
    this.runCalls = runCalls;
  }

  /**
   * Read twice around the emulator's count, so that a call ending and the next one starting in
   * between is not taken for quiet.
   */
  @Override
  public boolean quiet() {
    int p1 = inFlight(puffleCalls);
    int r1 = inFlight(runCalls);
    if (p1 != 0) {
      return false;
    }
    int blocked = fake.heldRunFeeds();
    if (r1 > blocked) {
      blocked += stalledRunRequests();
    }
    int r2 = inFlight(runCalls);
    int p2 = inFlight(puffleCalls);
    return p2 == 0 && r1 == r2 && r1 <= blocked;
  }

  @Override
  public int held() {
    return fake.heldRunFeeds();
  }

  private static int inFlight(Dispatcher d) {
    return d.runningCallsCount() + d.queuedCallsCount();
  }

  /** Run requests the emulator stalls (logged once their never-ending answer is on its way). */
  private int stalledRunRequests() {
    int n = 0;
    for (RecordedCall c : fake.requests()) {
      if (isRun(c.operation()) && c.fault().map(f -> f.kind() == Fault.Kind.STALL).orElse(false)) {
        n++;
      }
    }
    return n;
  }

  /** Whether {@code operation} is one of Trigger.dev's run endpoints. */
  static boolean isRun(Operation operation) {
    return operation == Operation.SUBSCRIBE_TO_RUN || operation == Operation.RETRIEVE_RUN;
  }
}
