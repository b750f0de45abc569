package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.TaskStatus;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows the progress of one wait at a time. On a terminal it redraws one line ({@code \r}) with
 * the elapsed time, the task status and the polls so far; otherwise it prints a plain line when
 * the status changes or every {@value #HEARTBEAT_SECONDS} seconds. Both end with a {@code done}
 * line when the session is idle again. It listens to the polls of the waits for a task (not to
 * busy waits): pass it to {@code RequestOptions.Builder.eventListener}, where it serves every call.
 */
public final class ProgressLine implements PuffleEventListener, PuffleEventListener.Factory {
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

  /** This line, for every call but a live turn's, which shows its own progress ({@link LiveReply}). */
  @Override
  public PuffleEventListener create(Operation operation) {
    return "startTurn".equals(operation.id()) ? NONE : this;
  }

  @Override
  public void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {
    if (wait.kind() == Wait.Kind.TASK) {
      show(elapsed, polls, status);
    }
  }

  private synchronized void show(Duration sinceStart, int polls, TaskStatus taskStatus) {
    String elapsed = Durations.format(sinceStart);
    if (!taskStatus.isBusy()) {
      String done = "  done in " + elapsed + " (" + polls + (polls == 1 ? " poll)" : " polls)");
      out.println(interactive ? redraw(done) : done);
      lastStatus = null;
      lastWidth = 0;
      lastPrinted = Duration.ZERO;
      return;
    }
    String status = name(taskStatus);
    if (interactive) {
      out.print(redraw("  waiting " + elapsed + ": " + status + " (" + polls + " polls)"));
      out.flush();
    } else if (taskStatus != lastStatus
        || sinceStart.minus(lastPrinted).getSeconds() >= HEARTBEAT_SECONDS) {
      out.println("  waiting: " + status + ", " + elapsed);
      lastPrinted = sinceStart;
    }
    lastStatus = taskStatus;
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
