package ai.puffle.sdk.internal.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.internal.ops.TurnBaseline;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A live turn saved as a string, read back, and refused when malformed or altered. */
class SavedTurnTest {
  static final String SESSION = "d1d1d1d1-1111-4111-8111-111111111111";
  static final RunHandle RUN = RunHandle.of("run_abc123", "tr_pat_secret123");
  static final TurnBaseline BASE = new TurnBaseline(4, 2,
      TurnBaseline.digest("skeleton"), TurnBaseline.digest("draft"), TurnBaseline.digest("hello"));

  @Test
  void aTurnSavedWithoutItsTokenReadsBackWithoutIt() {
    String saved = SavedTurn.write(SESSION, RUN, BASE, false);
    assertFalse(saved.contains("tr_pat_secret123"));
    assertFalse(new String(Base64.getUrlDecoder().decode(saved.substring(14, saved.lastIndexOf('.'))),
        StandardCharsets.UTF_8).contains("secret"), "not even encoded");
    SavedTurn read = SavedTurn.read(saved);
    assertEquals(SESSION, read.sessionId());
    assertEquals("run_abc123", read.run().runId());
    assertEquals("", read.run().publicAccessToken());
    assertEquals(4, read.baseline().messages());
    assertEquals(2, read.baseline().frameworkVersion());
    assertEquals(BASE.messageDigest(), read.baseline().messageDigest());
    assertFalse(read.toString().contains("secret"));
  }

  @Test
  void aTurnSavedWithItsTokenCarriesIt() {
    SavedTurn read = SavedTurn.read(SavedTurn.write(SESSION, RUN, BASE, true));
    assertEquals(RUN, read.run());
    assertFalse(read.toString().contains("tr_pat_secret123"));
  }

  @Test
  void noFrameworkVersionAndAnUnknownRunRoundTrip() {
    TurnBaseline fresh = new TurnBaseline(0, Long.MIN_VALUE, BASE.skeletonDigest(), BASE.draftDigest(), BASE.messageDigest());
    SavedTurn read = SavedTurn.read(SavedTurn.write(SESSION, RunHandle.unknown(), fresh, true));
    assertEquals(Long.MIN_VALUE, read.baseline().frameworkVersion());
    assertFalse(read.run().isKnown());
  }

  @Test
  void malformedOrAlteredStringsAreRefusedNamingTheField() {
    String good = SavedTurn.write(SESSION, RUN, BASE, true);
    int dot = good.lastIndexOf('.');
    char c = good.charAt(20);
    String altered = good.substring(0, 20) + (c == 'A' ? 'B' : 'A') + good.substring(21);
    String[] bad = {
      null, "", "  ", "hello", "puffle-turn:2:abc.def", good.substring(0, dot), good.substring(0, dot + 3),
      altered, good + "x", "puffle-turn:1:" + "@@@@" + "." + TurnBaseline.digest("puffle-turn:1:@@@@"),
      SavedTurn.write("not-a-session", RUN, BASE, false),
      SavedTurn.write(SESSION, RunHandle.of("run with spaces", "t"), BASE, false),
      SavedTurn.write(SESSION, RunHandle.of("run_1", "token with space"), BASE, true),
      SavedTurn.write(SESSION, RUN, new TurnBaseline(1, 1, "short", BASE.draftDigest(), BASE.messageDigest()), false),
    };
    for (String s : bad) {
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> SavedTurn.read(s), String.valueOf(s));
      assertEquals("savedTurn", e.field());
      assertFalse(e.getMessage().contains("secret123"), e.getMessage());
    }
  }

  @Test
  void surroundingWhitespaceIsTolerated() {
    assertTrue(SavedTurn.read("  " + SavedTurn.write(SESSION, RUN, BASE, false) + "\n").run().isKnown());
  }
}
