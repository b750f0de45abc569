package ai.puffle.sdk.internal.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Both vocabularies map to one status type; the final set is Trigger.dev's FINAL_RUN_STATUSES. */
class RunStatusTest {
  @Test
  void databaseNamesMapAsTheTypeScriptSdkMapsThem() {
    Map<String, RunStatus> expected = Map.ofEntries(
        Map.entry("DELAYED", RunStatus.DELAYED), Map.entry("PENDING", RunStatus.QUEUED),
        Map.entry("PENDING_VERSION", RunStatus.PENDING_VERSION),
        Map.entry("WAITING_FOR_DEPLOY", RunStatus.PENDING_VERSION), Map.entry("DEQUEUED", RunStatus.DEQUEUED),
        Map.entry("EXECUTING", RunStatus.EXECUTING), Map.entry("RETRYING_AFTER_FAILURE", RunStatus.EXECUTING),
        Map.entry("WAITING_TO_RESUME", RunStatus.WAITING), Map.entry("PAUSED", RunStatus.WAITING),
        Map.entry("CANCELED", RunStatus.CANCELED), Map.entry("INTERRUPTED", RunStatus.FAILED),
        Map.entry("COMPLETED_SUCCESSFULLY", RunStatus.COMPLETED),
        Map.entry("COMPLETED_WITH_ERRORS", RunStatus.FAILED), Map.entry("SYSTEM_FAILURE", RunStatus.SYSTEM_FAILURE),
        Map.entry("CRASHED", RunStatus.CRASHED), Map.entry("EXPIRED", RunStatus.EXPIRED),
        Map.entry("TIMED_OUT", RunStatus.TIMED_OUT));
    expected.forEach((name, status) -> assertEquals(status, RunStatus.fromDatabase(name), name));
    // The server's FINAL_RUN_STATUSES (taskStatus.ts), and nothing else, are final.
    Set<String> finalNames = Set.of("CANCELED", "INTERRUPTED", "COMPLETED_SUCCESSFULLY",
        "COMPLETED_WITH_ERRORS", "SYSTEM_FAILURE", "CRASHED", "EXPIRED", "TIMED_OUT");
    expected.keySet().forEach(n -> assertEquals(finalNames.contains(n), RunStatus.fromDatabase(n).isFinal(), n));
  }

  @Test
  void apiNamesIncludingTheLegacyOnes() {
    for (RunStatus s : RunStatus.values()) {
      if (s != RunStatus.UNKNOWN) {
        assertEquals(s, RunStatus.fromApi(s.name()));
      }
    }
    assertEquals(RunStatus.FAILED, RunStatus.fromApi("INTERRUPTED"));
    assertEquals(RunStatus.EXECUTING, RunStatus.fromApi("REATTEMPTING"));
    assertEquals(RunStatus.WAITING, RunStatus.fromApi("FROZEN"));
    assertEquals(RunStatus.PENDING_VERSION, RunStatus.fromApi("WAITING_FOR_DEPLOY"));
    assertTrue(RunStatus.fromApi("EXPIRED").isFinal());
    assertTrue(RunStatus.fromApi("TIMED_OUT").isFinal());
  }

  @Test
  void unknownNamesAreToleratedAndNotFinal() {
    assertEquals(RunStatus.UNKNOWN, RunStatus.fromApi("SOMETHING_NEW"));
    assertEquals(RunStatus.UNKNOWN, RunStatus.fromDatabase("SOMETHING_NEW"));
    assertEquals(RunStatus.UNKNOWN, RunStatus.fromApi(null));
    // API names on the feed are not database names (the TS SDK reads them as QUEUED).
    assertEquals(RunStatus.UNKNOWN, RunStatus.fromDatabase("COMPLETED"));
    assertFalse(RunStatus.UNKNOWN.isFinal());
  }
}
