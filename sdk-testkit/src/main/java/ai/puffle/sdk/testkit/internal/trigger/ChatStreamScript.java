package ai.puffle.sdk.testkit.internal.trigger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays a turn's stream out over its task's execution, from 0 (the run starts executing) to 1 (the
 * task ends): an S2 {@code fence} command when the stream opens; with a skeleton, {@code
 * updateSkeleton} at 0.15 and the judge's verdict at 0.3; the reply cut into up to {@link
 * #TEXT_CHUNKS} text deltas at word boundaries, spread evenly up to 0.95, with an S2 {@code trim}
 * command after the first. The {@code finish} chunk comes when the task ends ({@link RunStream}).
 */
final class ChatStreamScript {
  /** How many text deltas a reply is cut into at most. */
  static final int TEXT_CHUNKS = 5;
  private static final double TOOL_CALL = 0.15;
  private static final double JUDGED = 0.3;
  private static final double TEXT_AFTER_TOOL = 0.4;
  private static final double TEXT_ALONE = 0.1;
  private static final double TEXT_END = 0.95;

  /** One step: a data chunk ({@code event}) or an S2 command record, at a point of the task. */
  static final class Step {
    final double at;
    final Map<String, Object> event;
    final String command;

    private Step(double at, Map<String, Object> event, String command) {
      this.at = at;
      this.event = event;
      this.command = command;
    }

    static Step data(double at, Map<String, Object> event) {
      return new Step(at, event, null);
    }

    static Step command(double at, String command) {
      return new Step(at, null, command);
    }
  }

  private ChatStreamScript() {}

  /** The steps of {@code outcome}, in order; {@code toolCallId} names its tool call. */
  static List<Step> steps(TurnOutcome outcome, String toolCallId) {
    List<Step> steps = new ArrayList<>();
    steps.add(Step.command(0, "fence"));
    if (outcome.failure != null || outcome.reply == null) {
      return steps;
    }
    double textFrom = TEXT_ALONE;
    if (outcome.skeleton != null) {
      steps.add(Step.data(TOOL_CALL, ChatStreamEvents.toolCall(toolCallId, outcome.skeleton)));
      steps.add(Step.data(JUDGED,
          ChatStreamEvents.judged(toolCallId, outcome.judgePassed, outcome.judgeReason)));
      textFrom = TEXT_AFTER_TOOL;
    }
    List<String> pieces = cut(outcome.reply, TEXT_CHUNKS);
    for (int i = 0; i < pieces.size(); i++) {
      double at = pieces.size() == 1
          ? TEXT_END : textFrom + (TEXT_END - textFrom) * i / (pieces.size() - 1);
      steps.add(Step.data(at, ChatStreamEvents.textDelta(pieces.get(i))));
      if (i == 0) {
        steps.add(Step.command(at, "trim"));
      }
    }
    return steps;
  }

  /**
   * {@code text} cut at word boundaries into at most {@code max} pieces of about as many words
   * each; joined, the pieces are {@code text}. No pieces for an empty text.
   */
  static List<String> cut(String text, int max) {
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= text.length(); i++) {
      boolean boundary = i == text.length() || (Character.isWhitespace(text.charAt(i - 1))
          && !Character.isWhitespace(text.charAt(i)));
      if (boundary) {
        words.add(text.substring(start, i));
        start = i;
      }
    }
    List<String> pieces = new ArrayList<>();
    int n = Math.min(max, words.size());
    for (int p = 0; p < n; p++) {
      StringBuilder piece = new StringBuilder();
      for (String word : words.subList(p * words.size() / n, (p + 1) * words.size() / n)) {
        piece.append(word);
      }
      pieces.add(piece.toString());
    }
    return pieces;
  }
}
