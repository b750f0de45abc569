package ai.puffle.sdk.examples.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.PuffleEventListener.Wait;
import ai.puffle.sdk.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressBoardTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static void poll(ProgressBoard board, String key, TaskStatus status) {
    board.listener(key, () -> { }).create(null)
        .poll(Wait.of(Wait.Kind.TASK, "s", null), 1, status, Duration.ZERO);
  }

  @Test
  void onATerminalItSummarisesOnOneLineAndKeepsItBelowOtherLines() {
    ProgressBoard board = new ProgressBoard(out, true);
    poll(board, "a", TaskStatus.CHAT_PROCESSING);
    poll(board, "b", TaskStatus.CHAT_PROCESSING);
    poll(board, "a", TaskStatus.IDLE);
    board.println("  a: done");
    board.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains(": 1 chat_processing\r"), text);
    assertTrue(text.contains(": 2 chat_processing\r"), text);
    assertTrue(text.contains(": 1 chat_processing, 1 idle"), text);
    assertTrue(text.contains("\r  a: done\n\r  waiting "), text);
    assertTrue(text.endsWith("\r"), text);
  }

  @Test
  void plainOutputPrintsTheFirstSummaryAndOtherLines() {
    ProgressBoard board = new ProgressBoard(out, false);
    poll(board, "a", TaskStatus.CHAT_PROCESSING);
    poll(board, "a", TaskStatus.IDLE);
    board.println("  a: done");
    board.finish();
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.matches("  waiting \\d\\.\\d s: 1 chat_processing\n  a: done\n"), text);
  }
}
