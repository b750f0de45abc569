package ai.puffle.sdk.reliability;

import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Call;
import okhttp3.Dispatcher;

/**
 * Tells a {@link VirtualDriver} when a client and its emulator are quiet: no Puffle call in
 * flight, and no Trigger.dev call but those the emulator holds on its clock (live feed requests)
 * or never answers (stalled ones).
 */
class RigProbe implements VirtualDriver.Probe {
  private final FakePuffle fake;
  private final List<Dispatcher> dispatchers = new ArrayList<>();

  /**
   * A probe of the calls to {@code fake} on {@code puffleCalls} and {@code runCalls} (Trigger.dev
   * retrieves run on the dispatcher of Puffle's calls, so calls are told apart by their path).
   */
  RigProbe(FakePuffle fake, Dispatcher puffleCalls, List<Dispatcher> runCalls) {
    this.fake = fake;
    dispatchers.add(puffleCalls);
    for (Dispatcher d : runCalls) {
      if (!dispatchers.contains(d)) {
        dispatchers.add(d);
      }
    }
  }

  /**
   * Read twice around the emulator's count, so that a call ending and the next one starting in
   * between is not taken for quiet.
   */
  @Override
  public boolean quiet() {
    int p1 = inFlight(false);
    int r1 = inFlight(true);
    if (p1 != 0) {
      return false;
    }
    int blocked = fake.heldRunFeeds();
    if (r1 > blocked) {
      blocked += stalledRunRequests();
    }
    int r2 = inFlight(true);
    int p2 = inFlight(false);
    return p2 == 0 && r1 == r2 && r1 <= blocked;
  }

  @Override
  public int held() {
    return fake.heldRunFeeds();
  }

  /** Calls running or queued, to Trigger.dev's run endpoints when {@code run}, else to Puffle. */
  private int inFlight(boolean run) {
    int n = 0;
    for (Dispatcher d : dispatchers) {
      for (Call c : d.runningCalls()) {
        n += isRunCall(c) == run ? 1 : 0;
      }
      for (Call c : d.queuedCalls()) {
        n += isRunCall(c) == run ? 1 : 0;
      }
    }
    return n;
  }

  private static boolean isRunCall(Call c) {
    String path = c.request().url().encodedPath();
    return path.startsWith("/api/v3/runs/") || path.startsWith("/realtime/");
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
