package ai.puffle.sdk.reliability;

import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.testkit.RecordedCall;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Runs one cell of the matrix and says what happened. */
final class MatrixCell {
  final MatrixOp op;
  final MatrixFault fault;
  final String outcome;
  final int requests;
  final Integer accepted;
  /** Broken invariants (taken twice, lost, fault not exercised ...), beyond the table. */
  final List<String> violations;
  /** The cell's request log, retry events and virtual waits, shown when the cell fails. */
  final String trace;

  private MatrixCell(MatrixOp op, MatrixFault fault, String outcome, int requests, Integer accepted,
      List<String> violations, String trace) {
    this.op = op;
    this.fault = fault;
    this.outcome = outcome;
    this.requests = requests;
    this.accepted = accepted;
    this.violations = violations;
    this.trace = trace;
  }

  /** A cell as the expected table states it. */
  static MatrixCell expected(MatrixOp op, MatrixFault fault, String outcome, int requests, Integer accepted) {
    return new MatrixCell(op, fault, outcome, requests, accepted, List.of(), "");
  }

  /** Runs {@code op} under {@code fault} on a fresh emulator. */
  static MatrixCell run(MatrixRig.Shared shared, MatrixOp op, MatrixFault fault) {
    try (MatrixRig rig = new MatrixRig(shared)) {
      String session = op.setup(rig);
      int before = rig.fake.requestCount(op.main);
      rig.events.clear();
      fault.arm(rig, op, session);
      PuffleException failure = null;
      String outcome;
      try {
        op.run(rig, session);
        outcome = null;
      } catch (PuffleException e) {
        failure = e;
        outcome = e.getClass().getSimpleName();
      } catch (RuntimeException e) {
        outcome = "untyped " + e.getClass().getName();
      }
      rig.hooks().clear();
      rig.fake.faults().clear();
      rig.fake.clock().advanceUntilIdle();
      List<RecordedCall> calls = rig.fake.requests(op.main);
      List<RecordedCall> mine = new ArrayList<>();
      for (RecordedCall c : calls.subList(before, calls.size())) {
        if (c.header(MatrixRig.RAW_HEADER).isEmpty()) {
          mine.add(c);
        }
      }
      List<RetryLog.Retry> events = new ArrayList<>();
      for (RetryLog.Retry e : rig.events.list()) {
        if (e.operation().equals(op.main.operationId())) {
          events.add(e);
        }
      }
      if (outcome == null) {
        outcome = classify(events, mine);
      }
      Integer accepted = op.accepted(rig, session);
      List<String> violations = new ArrayList<>();
      if (accepted != null && accepted > 1) {
        violations.add("the server took the work " + accepted + " times");
      }
      if (accepted != null && outcome.indexOf("Exception") < 0 && accepted != 1) {
        violations.add("the call succeeded but the server took the work " + accepted + " times (lost)");
      }
      if (failure != null && accepted != null && accepted != 0) {
        violations.add("the call failed with " + outcome + " but the server took the work");
      }
      if (fault == MatrixFault.REFUSED && rig.refusalUnused()) {
        violations.add("no connection was refused: the cell did not exercise the fault");
      }
      if (fault == MatrixFault.RATE_LIMITED_RETRY_AFTER && failure == null) {
        Duration wanted = Duration.ofSeconds(MatrixFault.RETRY_AFTER_SECONDS);
        boolean honoured = events.stream().anyMatch(e -> e.delay().compareTo(wanted) >= 0);
        if (!honoured) {
          violations.add("Retry-After not honoured: " + events);
        }
      }
      violations.addAll(rig.timing.driver().problems());
      return new MatrixCell(op, fault, outcome, mine.size(), accepted, violations, trace(rig));
    }
  }

  /** A cell's request log (as the emulator saw it), retry events and virtual waits. */
  private static String trace(MatrixRig rig) {
    StringBuilder out = new StringBuilder();
    for (RecordedCall c : rig.fake.requests()) {
      out.append("\n      #").append(c.sequence()).append(' ').append(c.method()).append(' ')
          .append(c.path()).append(" -> ").append(c.status())
          .append(c.header(MatrixRig.RAW_HEADER).isPresent() ? " (rig)" : "")
          .append(c.fault().map(f -> " " + f).orElse(""));
    }
    rig.events.list().forEach(e -> out.append("\n      retry: ").append(e));
    return out.append("\n      virtual waits: ").append(rig.timing.sleeps()).toString();
  }

  /**
   * The success outcomes: {@code waited} (409 waited out, then sent), {@code resent} (unknown
   * outcome, the server's state showed the request was not taken, sent once more), {@code retried}
   * (a failure that proves nothing was done, retried), {@code reconciled} (unknown outcome, the
   * server's state showed the work was done: not sent again), {@code ok} (no failure seen by the
   * client, e.g. OkHttp itself replayed an idempotent request).
   */
  private static String classify(List<RetryLog.Retry> events, List<RecordedCall> calls) {
    if (events.stream().anyMatch(e -> e.reason() == RetryReason.SESSION_BUSY)) {
      return "waited";
    }
    if (events.stream().anyMatch(e -> e.reason() == RetryReason.NOT_TAKEN)) {
      return "resent";
    }
    if (!events.isEmpty()) {
      return "retried";
    }
    boolean cleanAnswer = calls.stream().anyMatch(c -> c.fault().isEmpty() && c.status() < 300);
    return cleanAnswer ? "ok" : "reconciled";
  }

  /** The cell's key in the tables. */
  String key() {
    return op.label + " | " + fault.label;
  }

  /** The cell as a line of the expected table. */
  String line() {
    return String.format("%-18s| %-17s| %-24s| %d | %s",
        op.label, fault.label, outcome, requests, accepted == null ? "-" : accepted.toString());
  }

  /** Whether outcome, requests and accepted match {@code other}. */
  boolean sameAs(MatrixCell other) {
    return outcome.equals(other.outcome) && requests == other.requests
        && Objects.equals(accepted, other.accepted);
  }
}
