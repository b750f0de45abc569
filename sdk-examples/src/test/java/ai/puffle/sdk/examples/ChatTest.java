package ai.puffle.sdk.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.examples.support.ExitCodes;
import ai.puffle.sdk.examples.support.Target;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.FakePuffle;
import ai.puffle.sdk.testkit.Operation;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ChatTest {
  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  @Test
  void chatsThenShowsSkeletonDraftExamplesAndApplies() {
    AtomicReference<FakePuffle> fake = new AtomicReference<>();
    Runs.Result r = Runs.run(new Chat(fake::set)::run, Map.of(), lines(
        "/help",
        "/skeleton",
        "/examples",
        "Write a follow-up for sales leaders about time-to-ROI",
        "",
        "Audience: VPs of Sales. Goal: a 15-minute call.",
        "/skeleton",
        "/draft",
        "/examples",
        "/apply",
        "/bogus",
        "/quit",
        "this line is never read"));

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertEquals("", r.err, r::toString);
    String out = r.out;
    assertTrue(out.startsWith(Target.EMULATOR_BANNER + "\nChatting with Puffle's framework agent on AI node "), out);
    assertTrue(out.contains("(new).\nType a message and press Enter; /help lists the commands.\n"), out);
    assertTrue(out.contains("you> /help\nType a message to chat with the framework agent. Commands:\n"), out);
    assertTrue(out.contains("you> /skeleton\nNo skeleton yet: describe the email"), out);
    assertTrue(out.contains("you> /examples\nNo skeleton yet: examples are written from it"), out);
    assertTrue(out.contains("you> Write a follow-up for sales leaders about time-to-ROI\n"), out);
    assertTrue(out.matches("(?s).*time-to-ROI\\n(  run: [^\\n]*\\n)*puffle> Happy to help\\.[^\\n]*\\n  done in .*"), out);
    assertTrue(out.contains("puffle> Here is a first framework"), out);
    assertTrue(out.contains("(The skeleton changed: /skeleton shows it, /draft the draft.)"), out);
    assertTrue(out.contains("you> /skeleton\nSkeleton (framework version 1)\n  subject:   %first_name%"), out);
    assertTrue(out.contains("  AI instructions:\n    1. "), out);
    assertTrue(out.contains("you> /draft\nDraft\n  subject: %first_name%, a faster path to ROI at %company%\n  | Hi %first_name%,"), out);
    assertTrue(out.contains("Writing examples for 3 sample leads ...\n"), out);
    assertTrue(out.contains("Examples (3)\n  Ada Lovelace (Analytical Engines)\n"), out);
    assertTrue(out.contains("you> /apply\nApplied the draft to node " + fake.get().defaultCampaign().aiNodeId()), out);
    assertTrue(out.contains("you> /bogus\nUnknown command /bogus; /help lists the commands.\n"), out);
    assertTrue(out.endsWith("you> /quit\nBye.\n"), out);

    assertEquals(2, fake.get().requestCount(Operation.RUN_TURN));
    assertEquals(1, fake.get().requestCount(Operation.GENERATE_EXAMPLES));
    assertEquals(1, fake.get().requestCount(Operation.UPDATE_NODE));
  }

  @Test
  void theEndOfInputQuits() {
    Runs.Result r = Runs.run(new Chat()::run, Map.of(), "/draft\n");

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertTrue(r.out.contains("you> /draft\nNo draft yet.\nyou> \nBye.\n"), r.out);
  }

  @Test
  void aFailedTurnPrintsOneLineAndTheChatGoesOn() {
    Runs.Result r = Runs.run(new Chat(
        fake -> fake.faults().next(Operation.RUN_TURN, Fault.status(400, "message is too long")))::run,
        Map.of(), lines("Write an email", "Write an email", "/quit"));

    assertEquals(ExitCodes.OK, r.exitCode, r::toString);
    assertEquals(1, r.err.lines().count(), r.err);
    assertTrue(r.err.startsWith("error: Puffle API error 400: "), r.err);
    assertTrue(r.err.contains("message is too long"), r.err);
    assertTrue(r.out.contains("puffle> Happy to help."), r.out);
  }

  @Test
  void aRejectedKeyEndsTheChat() {
    Runs.Result r = Runs.run(new Chat(
        fake -> fake.faults().nextRequest(Fault.status(401, "Unauthorized")))::run,
        Map.of(), lines("Write an email", "/quit"));

    assertEquals(ExitCodes.API, r.exitCode, r::toString);
    assertTrue(r.err.startsWith("error: Puffle API error 401: "), r.err);
    assertTrue(!r.out.contains("you> "), r.out);
  }

  @Test
  void aKeyWithoutIdsIsAConfigError() {
    Runs.Result r = Runs.run(new Chat()::run, Map.of("PUFFLE_API_KEY", "pk_live_x"), "");

    assertEquals(ExitCodes.CONFIG, r.exitCode, r::toString);
    assertTrue(r.err.startsWith("error: configuration: PUFFLE_API_KEY is set"), r.err);
  }
}
