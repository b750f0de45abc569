package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Shows a live turn as it happens: the run's status on the progress line until the reply starts
 * to stream, then the reply's text as it is written, then how long the turn took. Against a
 * server that streams nothing, or with run watching off, the reply is printed whole once the turn
 * is over. On a terminal the progress line is redrawn in place; otherwise each new status is a
 * plain line.
 */
public final class LiveReply {
  private final PrintStream out;
  private final boolean interactive;
  private final Render render;
  private int width;

  /**
   * A view on {@code out}.
   *
   * @param interactive whether to redraw the progress line in place (a terminal)
   */
  public LiveReply(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
    this.render = new Render(out);
  }

  /**
   * Shows {@code turn} until its end, with {@code label} before the reply (such as {@code
   * "puffle> "}), and returns its result; throws what waiting for it threw.
   */
  public TurnResult show(LiveTurn turn, String label) {
    boolean streaming = false;
    String lastStatus = null;
    try (LiveTurn.Events events = turn.events()) {
      while (events.hasNext()) {
        TurnEvent e = events.next();
        switch (e.kind()) {
          case STATUS:
            String status = e.runStatus().orElse("").toLowerCase(Locale.ROOT);
            if (!streaming && !status.equals(lastStatus)) {
              progress("  run: " + status + ", " + Durations.format(e.elapsed()));
              lastStatus = status;
            }
            break;
          case CHUNK:
            Optional<String> text = e.textDelta();
            if (text.isPresent()) {
              if (!streaming) {
                clearProgress();
                out.print(label);
                streaming = true;
              }
              out.print(text.get());
              out.flush();
            }
            break;
          default:
            if (streaming) {
              out.println();
            } else {
              clearProgress();
            }
            if (e.failure().isPresent()) {
              throw e.failure().get();
            }
            TurnResult result = e.result().orElseThrow();
            if (!streaming) {
              render.said(label, result.reply());
            }
            out.println("  done in " + Durations.format(e.elapsed()));
            return result;
        }
      }
    }
    throw new IllegalStateException("the turn's events ended without its end");
  }

  private void progress(String line) {
    if (!interactive) {
      out.println(line);
      return;
    }
    StringBuilder s = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < width; i++) {
      s.append(' ');
    }
    out.print(s);
    out.flush();
    width = line.length();
  }

  private void clearProgress() {
    if (interactive && width > 0) {
      out.print("\r" + " ".repeat(width) + "\r");
      width = 0;
    }
  }
}
