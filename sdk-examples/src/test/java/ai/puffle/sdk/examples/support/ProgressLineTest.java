package ai.puffle.sdk.examples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.puffle.sdk.PuffleEventListener.Wait;
import ai.puffle.sdk.TaskStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static final Wait TASK = Wait.of(Wait.Kind.TASK, "s", TaskStatus.CHAT_PROCESSING);

  private static void poll(ProgressLine line, long millis, int polls, TaskStatus status) {
    line.poll(TASK, polls, status, Duration.ofMillis(millis));
  }

  @Test
  void plainLinesOnStatusChangesHeartbeatsAndTheEnd() {
    ProgressLine line = new ProgressLine(out, false);
    poll(line, 0, 1, TaskStatus.CHAT_PROCESSING);
    poll(line, 2_000, 2, TaskStatus.CHAT_PROCESSING);
    poll(line, 11_000, 3, TaskStatus.CHAT_PROCESSING);
    poll(line, 12_000, 4, TaskStatus.GENERATING_EXAMPLES);
    poll(line, 14_500, 5, TaskStatus.IDLE);
    assertEquals(String.join("\n",
        "  waiting: chat_processing, 0.0 s",
        "  waiting: chat_processing, 11.0 s",
        "  waiting: generating_examples, 12.0 s",
        "  done in 14.5 s (5 polls)", ""), text());
  }

  @Test
  void onATerminalOneLineIsRedrawn() {
    ProgressLine line = new ProgressLine(out, true);
    poll(line, 100, 1, TaskStatus.CHAT_PROCESSING);
    poll(line, 2_300, 12, TaskStatus.CHAT_PROCESSING);
    poll(line, 2_500, 13, TaskStatus.IDLE);
    String waiting = "  waiting 2.3 s: chat_processing (12 polls)";
    String done = "  done in 2.5 s (13 polls)";
    assertEquals("\r  waiting 0.1 s: chat_processing (1 polls)\r" + waiting
        + "\r" + done + " ".repeat(waiting.length() - done.length()) + "\n", text());
  }

  @Test
  void anImmediateIdleSaysOnePoll() {
    poll(new ProgressLine(out, false), 5, 1, TaskStatus.IDLE);
    assertEquals("  done in 0.0 s (1 poll)\n", text());
  }

  @Test
  void busyWaitsAreNotShown() {
    ProgressLine line = new ProgressLine(out, false);
    line.poll(Wait.of(Wait.Kind.BUSY, "s", TaskStatus.CHAT_PROCESSING), 1, TaskStatus.IDLE, Duration.ZERO);
    assertEquals("", text());
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
