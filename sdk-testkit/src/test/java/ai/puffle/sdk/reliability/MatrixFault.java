package ai.puffle.sdk.reliability;

import ai.puffle.sdk.testkit.Fault;
import java.time.Duration;

/** The faults of the matrix, each aimed once at the operation's main request. */
enum MatrixFault {
  /** The OS refuses the connection the request would use (the pooled one is dropped first). */
  REFUSED("refused") {
    @Override
    void arm(MatrixRig rig, MatrixOp op, String session) {
      rig.hooks().before(op::isMain, rig::refuseNextConnection);
    }
  },
  /** The request arrives, the server closes the connection without acting on it. */
  DROP_BEFORE("drop before read", Fault.disconnect()),
  /** The server does the work, then closes the connection before answering. */
  DROP_AFTER("drop after read", Fault.disconnectAfterProcessing()),
  /** No response at all: the client's read timeout fires (nothing processed). */
  STALL("stall", Fault.stall()) {
    @Override
    void arm(MatrixRig rig, MatrixOp op, String session) {
      super.arm(rig, op, session);
      rig.hooks().readTimeout(op::isMain, MatrixRig.STALL_READ_TIMEOUT);
    }
  },
  /** The server does the work, sends the headers and holds the body: the read timeout fires. */
  STALL_PROCESSED("stall after read", Fault.stall().afterProcessing()) {
    @Override
    void arm(MatrixRig rig, MatrixOp op, String session) {
      super.arm(rig, op, session);
      rig.hooks().readTimeout(op::isMain, MatrixRig.STALL_READ_TIMEOUT);
    }
  },
  S500("500", Fault.status(500)),
  S502("502", Fault.status(502)),
  S503("503", Fault.status(503)),
  S504("504", Fault.status(504)),
  RATE_LIMITED_RETRY_AFTER("429 +Retry-After", Fault.rateLimited(Duration.ofSeconds(MatrixFault.RETRY_AFTER_SECONDS))),
  RATE_LIMITED("429", Fault.rateLimited()),
  /**
   * Task operations: another turn takes the session between the client's pre-read and its request,
   * so the server answers a genuine 409 until that turn ends 15 s later. Other operations: an
   * injected 409 (Puffle documents none for them).
   */
  BUSY("409 then free") {
    @Override
    void arm(MatrixRig rig, MatrixOp op, String session) {
      if (op.contendsForSession()) {
        rig.hooks().before(op::isMain, () -> rig.competingTurn(session));
      } else {
        rig.fake.faults().next(op.main, Fault.status(409));
      }
    }
  },
  /** A 200 whose body is not JSON, after the work was done. */
  MALFORMED("malformed JSON", Fault.malformedJson()),
  /** The real 200 body cut in half, after the work was done. */
  TRUNCATED("truncated body", Fault.truncatedJson()),
  /** A proxy's HTML 502 page; nothing processed. */
  HTML("HTML 502 page", Fault.htmlPage(502)),
  S401("401", Fault.status(401)),
  S404("404", Fault.status(404));

  static final int RETRY_AFTER_SECONDS = 3;

  final String label;
  private final Fault fault;

  MatrixFault(String label) {
    this(label, null);
  }

  MatrixFault(String label, Fault fault) {
    this.label = label;
    this.fault = fault;
  }

  /** Arms the fault for the operation's next main request. */
  void arm(MatrixRig rig, MatrixOp op, String session) {
    rig.fake.faults().next(op.main, fault);
  }
}
