package ai.puffle.sdk.examples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.WaitProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private static WaitProgress poll(long millis, int polls, TaskStatus status) {
    return new WaitProgress("s", Duration.ofMillis(millis), polls, status);
  }

  @Test
  void plainLinesOnStatusChangesHeartbeatsAndTheEnd() {
    ProgressLine line = new ProgressLine(out, false);
    line.onPoll(poll(0, 1, TaskStatus.CHAT_PROCESSING));
    line.onPoll(poll(2_000, 2, TaskStatus.CHAT_PROCESSING));
    line.onPoll(poll(11_000, 3, TaskStatus.CHAT_PROCESSING));
    line.onPoll(poll(12_000, 4, TaskStatus.GENERATING_EXAMPLES));
    line.onPoll(poll(14_500, 5, TaskStatus.IDLE));
    assertEquals(String.join("\n",
        "  waiting: chat_processing, 0.0 s",
        "  waiting: chat_processing, 11.0 s",
        "  waiting: generating_examples, 12.0 s",
        "  done in 14.5 s (5 polls)", ""), text());
  }

  @Test
  void onATerminalOneLineIsRedrawn() {
    ProgressLine line = new ProgressLine(out, true);
    line.onPoll(poll(100, 1, TaskStatus.CHAT_PROCESSING));
    line.onPoll(poll(2_300, 12, TaskStatus.CHAT_PROCESSING));
    line.onPoll(poll(2_500, 13, TaskStatus.IDLE));
    String waiting = "  waiting 2.3 s: chat_processing (12 polls)";
    String done = "  done in 2.5 s (13 polls)";
    assertEquals("\r  waiting 0.1 s: chat_processing (1 polls)\r" + waiting
        + "\r" + done + " ".repeat(waiting.length() - done.length()) + "\n", text());
  }

  @Test
  void anImmediateIdleSaysOnePoll() {
    new ProgressLine(out, false).onPoll(poll(5, 1, TaskStatus.IDLE));
    assertEquals("  done in 0.0 s (1 poll)\n", text());
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
