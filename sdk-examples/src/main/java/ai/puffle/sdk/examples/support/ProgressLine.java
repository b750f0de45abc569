package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.WaitProgress;
import ai.puffle.sdk.WaitProgressListener;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows the progress of one wait at a time. On a terminal it redraws one line ({@code \r}) with
 * the elapsed time, the task status and the polls so far; otherwise it prints a plain line when
 * the status changes or every {@value #HEARTBEAT_SECONDS} seconds. Both end with a {@code done}
 * line when the session is idle again.
 */
public final class ProgressLine implements WaitProgressListener {
  /** Seconds between plain lines while the status stays the same. */
  public static final int HEARTBEAT_SECONDS = 10;

  private final PrintStream out;
  private final boolean interactive;
  private TaskStatus lastStatus;
  private Duration lastPrinted = Duration.ZERO;
  private int lastWidth;

  /**
   * A progress line on {@code out}.
   *
   * @param interactive whether to redraw one line (a terminal) or print plain lines
   */
  public ProgressLine(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  @Override
  public synchronized void onPoll(WaitProgress p) {
    String elapsed = Durations.format(p.elapsed());
    if (!p.taskStatus().isBusy()) {
      String done = "  done in " + elapsed + " (" + p.polls() + (p.polls() == 1 ? " poll)" : " polls)");
      out.println(interactive ? redraw(done) : done);
      lastStatus = null;
      lastWidth = 0;
      lastPrinted = Duration.ZERO;
      return;
    }
    String status = name(p.taskStatus());
    if (interactive) {
      out.print(redraw("  waiting " + elapsed + ": " + status + " (" + p.polls() + " polls)"));
      out.flush();
    } else if (p.taskStatus() != lastStatus
        || p.elapsed().minus(lastPrinted).getSeconds() >= HEARTBEAT_SECONDS) {
      out.println("  waiting: " + status + ", " + elapsed);
      lastPrinted = p.elapsed();
    }
    lastStatus = p.taskStatus();
  }

  /** The status as Puffle writes it ({@code chat_processing}, {@code generating_examples}, ...). */
  static String name(TaskStatus status) {
    return status.wireValue() != null ? status.wireValue() : status.name().toLowerCase(java.util.Locale.ROOT);
  }

  private String redraw(String text) {
    StringBuilder s = new StringBuilder("\r").append(text);
    for (int i = text.length(); i < lastWidth; i++) {
      s.append(' ');
    }
    lastWidth = text.length();
    return s.toString();
  }
}
