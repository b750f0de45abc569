package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Shows the progress of many concurrent waits as one summary: the elapsed time and how many
 * sessions are in each state (the run's status of a live turn, or the task status a poll saw). On a terminal it redraws one line ({@code \r}) on every poll;
 * otherwise it prints the summary as a plain line at most once a second, when it changed.
 * Thread-safe: polls of different sessions report from different threads.
 */
public final class ProgressBoard {
  private final PrintStream out;
  private final boolean interactive;
  private final long start = System.nanoTime();
  private final Map<String, String> statuses = new LinkedHashMap<>();
  private String lastSummary = "";
  private String lastLine = "";
  private long lastPrintedNanos;
  private int lastWidth;

  /**
   * A board on {@code out}.
   *
   * @param interactive whether to redraw one line (a terminal) or print plain lines
   */
  public ProgressBoard(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  /**
   * A listener for the calls of one session (or node), identified by {@code key}: the polls of
   * their waits for a task update the board. {@code onPoll} is told of each such poll too.
   */
  public PuffleEventListener.Factory listener(String key, Runnable onPoll) {
    PuffleEventListener listener = new PuffleEventListener() {
      @Override
      public void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {
        if (wait.kind() == Wait.Kind.TASK) {
          onPoll.run();
          update(key, ProgressLine.name(status));
        }
      }
    };
    return operation -> listener;
  }

  /**
   * Shows an event of a live turn of {@code key}: the run's status (in lower case), or {@code
   * done} at its end.
   */
  public void event(String key, TurnEvent e) {
    if (e.kind() == TurnEvent.Kind.STATUS) {
      update(key, e.runStatus().orElse("").toLowerCase(java.util.Locale.ROOT));
    } else if (e.kind() == TurnEvent.Kind.END) {
      update(key, "done");
    }
  }

  private synchronized void update(String key, String status) {
    statuses.put(key, status);
    long now = System.nanoTime();
    String summary = summary();
    String line = "  waiting " + Durations.format(Duration.ofNanos(now - start)) + ": " + summary;
    lastLine = line;
    if (interactive) {
      out.print(redraw(line));
      out.flush();
    } else if (!summary.equals(lastSummary) && now - lastPrintedNanos >= 1_000_000_000L) {
      out.println(line);
      lastSummary = summary;
      lastPrintedNanos = now;
    }
  }

  /** Prints a line of its own, keeping the progress line below it on a terminal. */
  public synchronized void println(String text) {
    if (interactive && lastWidth > 0) {
      out.print(redraw(""));
      out.print('\r');
      out.println(text);
      out.print(redraw(lastLine));
      out.flush();
    } else {
      out.println(text);
    }
  }

  /** Ends the board: on a terminal, clears its line so the next output starts clean. */
  public synchronized void finish() {
    if (interactive && lastWidth > 0) {
      out.print(redraw(""));
      out.print('\r');
      out.flush();
    }
  }

  private String summary() {
    Map<String, Integer> counts = new TreeMap<>();
    statuses.values().forEach(s -> counts.merge(s, 1, Integer::sum));
    StringBuilder s = new StringBuilder();
    counts.forEach((name, n) -> s.append(s.length() == 0 ? "" : ", ").append(n).append(' ').append(name));
    return s.toString();
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
