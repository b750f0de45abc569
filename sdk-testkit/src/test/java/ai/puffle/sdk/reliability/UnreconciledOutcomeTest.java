package ai.puffle.sdk.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A turn whose outcome is unknown and whose reconciling read fails as well (found by the soak):
 * the caller must learn that the turn may have been taken, not see a read's 503 that suggests it
 * failed and invites sending it again.
 */
class UnreconciledOutcomeTest {
  private static final MatrixRig.Shared SHARED = new MatrixRig.Shared();

  @AfterAll
  static void close() {
    SHARED.close();
  }

  @Test
  void aTakenTurnWhoseReconcileReadFailsThrowsTheUnknownOutcomeNotTheRead() {
    try (MatrixRig rig = new MatrixRig(SHARED)) {
      String session = rig.newSession();
      rig.fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
      // Once the turn is on its way, every read the client retries fails: 1 + 3 retries.
      rig.hooks().before(MatrixOp.TURN::isMain,
          () -> rig.fake.faults().next(Operation.GET_SESSION, 4, Fault.status(503)));

      PuffleConnectionException e = assertThrows(PuffleConnectionException.class,
          () -> rig.client.sessions().turnAndWait(session, TurnRequest.of("hello"), MatrixRig.FAST_WAIT));

      assertTrue(e.requestSent(), "the caller learns the turn may have arrived: " + e);
      assertTrue(Arrays.stream(e.getSuppressed()).anyMatch(s -> s.getCause() instanceof ServerException
              && s.getMessage().contains("may have reached Puffle")),
          "what reconciling found, with the failed read, is attached: " + Arrays.toString(e.getSuppressed()));
      assertEquals(1, rig.fake.requestCount(Operation.RUN_TURN), "not sent again");
      rig.fake.clock().advanceUntilIdle();
      assertEquals(List.of("hello"), rig.fake.turnMessagesAccepted(session));
    }
  }

  @Test
  void aTurnThatWasNotTakenAndCannotBeReconciledThrowsTheOriginal502() {
    try (MatrixRig rig = new MatrixRig(SHARED)) {
      String session = rig.newSession();
      rig.fake.faults().next(Operation.RUN_TURN, Fault.status(502));
      rig.hooks().before(MatrixOp.TURN::isMain,
          () -> rig.fake.faults().next(Operation.GET_SESSION, 4, Fault.status(503)));

      ServerException e = assertThrows(ServerException.class,
          () -> rig.client.sessions().turnAndWait(session, TurnRequest.of("hello"), MatrixRig.FAST_WAIT));

      assertEquals(502, e.statusCode(), "the turn's own failure, not the read's 503");
      assertEquals(1, rig.fake.requestCount(Operation.RUN_TURN));
      assertEquals(List.of(), rig.fake.turnMessagesAccepted(session));
    }
  }
}
