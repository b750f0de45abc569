package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.Lead;
import java.util.List;

/**
 * The example programs' sample data: three leads (the emulator's default campaign has leads with
 * the same names, so resolving messages copies the examples onto them), the template variables
 * the assistant may use, and the scripted chat: a brief, then answers to the assistant's
 * questions.
 */
public final class Samples {
  /** Three representative leads, sent with every turn and used for the examples. */
  public static final List<Lead> LEADS = List.of(
      Lead.builder().firstName("Ada").lastName("Lovelace").company("Analytical Engines")
          .position("VP Sales").headline("Scaling a 40-person sales team").build(),
      Lead.builder().firstName("Grace").lastName("Hopper").company("Compiler Works")
          .position("Head of Revenue").headline("Building revenue teams that ship").build(),
      Lead.builder().firstName("Alan").lastName("Turing").company("Bletchley Labs")
          .position("Sales Director").headline("Hiring SDRs across EMEA").build());

  /** The template variables the assistant may use in the draft. */
  public static final List<String> VARIABLES =
      List.of("first_name", "company", "position", "sender_first");

  /** The answers sent after the brief, one per turn, until the assistant writes a skeleton. */
  public static final List<String> ANSWERS = List.of(
      "Audience: VPs and heads of sales at B2B software companies who did not reply to our first "
          + "email. Goal: a reply agreeing to a 15-minute call. The sender is Sam; keep it under "
          + "120 words.",
      "Friendly and plain, no buzzwords. Mention that new reps reach quota about 30% sooner.",
      "That is everything I know: please write the framework and the draft now.");

  /** The most turns the scripted chat sends (the brief and every answer). */
  public static final int MAX_TURNS = 1 + ANSWERS.size();

  private Samples() {}

  /** The opening brief for a node with the given purpose (empty when the node has none). */
  public static String brief(String purpose) {
    String goal = purpose == null || purpose.isBlank()
        ? "a follow-up email for sales leaders who did not answer our first email"
        : "the email for this step of the sequence: " + purpose.trim();
    return "Write " + goal + ". Angle: new sales hires reach quota sooner, so the team sees "
        + "return on hiring faster.";
  }

  /** The purpose of the {@code i}-th (1-based) AI node AsyncDrafts plants on the emulator. */
  public static String purpose(int i) {
    String[] angles = {
      "Follow-up that shows time-to-ROI for the lead's team",
      "Case study of a team that cut ramp time in half",
      "Short bump with one question about onboarding",
      "Invite to a 20-minute ramp-time teardown",
      "Break-up email that leaves the door open",
    };
    return angles[(i - 1) % angles.length] + (i > angles.length ? " (" + i + ")" : "");
  }
}
