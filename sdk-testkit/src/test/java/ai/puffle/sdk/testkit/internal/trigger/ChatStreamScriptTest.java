package ai.puffle.sdk.testkit.internal.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How a turn's outcome is laid out over its task: pieces of the reply, tool call, commands. */
class ChatStreamScriptTest {
  @Test
  void aReplyIsCutAtWordBoundariesIntoAtMostFivePiecesThatJoinBackExactly() {
    for (String text : List.of("One two three four five six seven eight nine ten eleven",
        "  leading and trailing  ", "two words", "word", "", "a\n\nparagraph\tand tabs")) {
      List<String> pieces = ChatStreamScript.cut(text, ChatStreamScript.TEXT_CHUNKS);
      assertEquals(text, String.join("", pieces), text);
      assertTrue(pieces.size() <= 5);
      assertTrue(pieces.stream().noneMatch(String::isEmpty), pieces.toString());
    }
    assertEquals(List.of("One two ", "three four ", "five six ", "seven eight ", "nine ten"),
        ChatStreamScript.cut("One two three four five six seven eight nine ten", 5));
    assertEquals(List.of("two ", "words"), ChatStreamScript.cut("two words", 5));
  }

  @Test
  void aSkeletonComesBeforeTheTextAndEveryStepIsInOrder() {
    List<ChatStreamScript.Step> steps = ChatStreamScript.steps(TurnOutcome.withSkeleton(
        "Here it is.", Map.of("subject", "Hi"), false, "em-dash"), "toolu_1");
    assertEquals(List.of("fence", "tool-call", "tool-result", "text-delta", "trim", "text-delta",
        "text-delta"), steps.stream().map(s -> s.command != null ? s.command
            : (String) s.event.get("type")).collect(Collectors.toList()));
    for (int i = 1; i < steps.size(); i++) {
      assertTrue(steps.get(i - 1).at <= steps.get(i).at);
    }
    assertTrue(steps.get(steps.size() - 1).at < 1, "the finish comes with the task's end");
    assertEquals(Map.of("passed", false, "reason", "em-dash"), steps.get(2).event.get("judge"));
  }

  @Test
  void aFailedOrSilentTurnOnlyOpensItsStream() {
    assertEquals(1, ChatStreamScript.steps(TurnOutcome.failed("down"), "t").size());
    assertEquals(1, ChatStreamScript.steps(TurnOutcome.silent(), "t").size());
  }
}
