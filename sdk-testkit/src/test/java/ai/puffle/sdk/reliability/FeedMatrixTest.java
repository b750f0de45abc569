package ai.puffle.sdk.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The waits that follow their task's run, under every fault of Trigger.dev's run endpoints,
 * against the stateful emulator on virtual time: the outcome, that the task was sent and taken
 * once, what ended the wait, and how soon after the task's end. Prints the table, then fails on
 * any cell that differs from {@link #EXPECTED} or breaks an invariant.
 */
class FeedMatrixTest {
  /**
   * operation | fault (see {@link FeedFault}) | outcome | times the task was sent | times the
   * server took it | what ended the wait | how soon after the task's end it ended.
   *
   * <p>What ended the wait is read from the request log, stamped with virtual time, between the
   * task's end and the wait's end: {@code feed} or {@code retrieve}, that endpoint answered with
   * the run over and the session was read at once; {@code poll}, no run request said so and the
   * wait's own session polls found the session idle. Every cell also ends on exactly one session
   * read after the task's end. How soon: {@code 0 s}, at the very instant (the watch saw the end;
   * round trips take no virtual time); {@code <= 3.6 s}, retrieve polling's longest interval (3
   * s) plus 20% jitter; {@code <= 6 s}, the usual poll interval's (5 s) plus jitter; {@code <= 36
   * s}, the safety net's (30 s) plus jitter. Tasks last 30 s, so a wait that kept the safety
   * net's pace where it should have gone back to the usual one would end 7.5 s or more after its
   * task, and fail its row.
   */
  static final String[] EXPECTED = {
    // ---- turn (turnAndWait): ends with the reply in hand. The comments hold for both operations.
    // The baseline. The watch first looks 1.5 s after the task was accepted, past the run's queue
    // states (dequeued at 0.5 s, executing at 1 s): its snapshot shows the run executing, the
    // watch has heard from it, so the session polls become a safety net (first after 15 s). A
    // live request is held until the run changes (the hold ends after 20 s with nothing new);
    // the one held at the task's end returns at once with the run over, and the session is read
    // at that same instant.
    "turn              | none                    | reply      | 1 | 1 | feed     | 0 s",
    // A dropped live request is repeated by OkHttp on a new connection (a GET), or else by the
    // feed after 1 s; a must-refetch starts again from offset -1 at once; one 429 is retried
    // after 1 s. The feed goes on and sees the end.
    "turn              | feed: drop              | reply      | 1 | 1 | feed     | 0 s",
    "turn              | feed: must-refetch      | reply      | 1 | 1 | feed     | 0 s",
    "turn              | feed: 429               | reply      | 1 | 1 | feed     | 0 s",
    // Four 429s in a row: after three retries (1, 2 and 4 s apart) the watch gives up the feed,
    // frees its slot and polls retrieve (1 s growing to 3 s); the session's polls are back at
    // the usual pace: the first of either after the task's end ends the wait.
    "turn              | feed: 429 x4            | reply      | 1 | 1 | retrieve/poll | <= 3.6 s",
    // A live request that never answers, after the watch heard from the run: nothing tells the
    // wait, whose session polls are the safety net (15 s, then 22.5 s), so it ends at the net's
    // next poll. JUDGMENT: by design (Waiter: "short of a watch that stalls after it worked");
    // the request's read timeout, 45 s of real time, never fires on virtual time. A stall costs
    // at most the safety net's interval.
    "turn              | feed: stall             | reply      | 1 | 1 | poll     | <= 36 s",
    // The first feed request never answers: the watch never hears from the run, so the
    // session polls keep the usual pace (2 s growing to 5 s).
    "turn              | feed: stall first       | reply      | 1 | 1 | poll     | <= 6 s",
    // 401: the watch ends (retrieve would refuse the token too), and the wait goes back to
    // the usual pace at once (a poll then, then 3 s, 4.5 s, 5 s ...).
    "turn              | feed: token expired     | reply      | 1 | 1 | poll     | <= 6 s",
    // A body the feed cannot read: it is given up for retrieve polling. The watch first looks
    // 1.5 s after the task was accepted, past the queue states, so the first live request after
    // the snapshot is the one held until the task's end: its garbage answer comes at that
    // instant, retrieve is asked at once and shows the run over (the log reads the feed's
    // answer first, hence "feed").
    "turn              | feed: garbage body      | reply      | 1 | 1 | feed     | 0 s",
    // maxLiveRunFeeds(0): every watch polls retrieve (1 s growing to 3 s), and the session's
    // polls keep the usual pace (2 s growing to 5 s): the first of either after the task's end
    // ends the wait ("retrieve/poll"). A drop is repeated (OkHttp, or 1 s later) and one 429
    // retried after 1 s: polling goes on.
    "turn              | retrieve: none          | reply      | 1 | 1 | retrieve/poll | <= 3.6 s",
    "turn              | retrieve: drop          | reply      | 1 | 1 | retrieve/poll | <= 3.6 s",
    "turn              | retrieve: 429           | reply      | 1 | 1 | retrieve/poll | <= 3.6 s",
    // Six 429s: after five retries (1, 2, 4, 8, 8 s apart) the watch ends, before the task
    // does, and the wait goes back to the usual pace.
    "turn              | retrieve: 429 x6        | reply      | 1 | 1 | poll     | <= 6 s",
    // A stalled retrieve: a watch polling retrieve never slowed the session's polls, so the
    // next usual poll after the task's end ends the wait.
    "turn              | retrieve: stall         | reply      | 1 | 1 | poll     | <= 6 s",
    // 401 or a body it cannot read ends a polled watch: the usual pace.
    "turn              | retrieve: token expired | reply      | 1 | 1 | poll     | <= 6 s",
    "turn              | retrieve: garbage body  | reply      | 1 | 1 | poll     | <= 6 s",
    // serveTriggerRuns(false): the feed's 404 sends the watch to retrieve, whose 404 (without
    // x-should-retry) ends it before it heard from the run: the usual pace throughout.
    "turn              | endpoints off           | reply      | 1 | 1 | poll     | <= 6 s",
    // Beyond maxLiveRunFeeds the watch polls retrieve from the start while it waits for a feed;
    // the other wait's task ends 5 s before the cell's, its feed frees, the cell's watch takes
    // it over (no poll of the dropped retrieve is sent) and sees its run end at that instant.
    "turn              | over the cap            | reply      | 1 | 1 | feed     | 0 s",
    // ---- generate examples (generateExamplesAndWait, isFirstBatch=false): ends with the
    // examples in hand; a run taken twice would show twice the examples. Same reasoning.
    "generate examples | none                    | 2 examples | 1 | 1 | feed     | 0 s",
    "generate examples | feed: drop              | 2 examples | 1 | 1 | feed     | 0 s",
    "generate examples | feed: must-refetch      | 2 examples | 1 | 1 | feed     | 0 s",
    "generate examples | feed: 429               | 2 examples | 1 | 1 | feed     | 0 s",
    "generate examples | feed: 429 x4            | 2 examples | 1 | 1 | retrieve/poll | <= 3.6 s",
    "generate examples | feed: stall             | 2 examples | 1 | 1 | poll     | <= 36 s",
    "generate examples | feed: stall first       | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | feed: token expired     | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | feed: garbage body      | 2 examples | 1 | 1 | feed     | 0 s",
    "generate examples | retrieve: none          | 2 examples | 1 | 1 | retrieve/poll | <= 3.6 s",
    "generate examples | retrieve: drop          | 2 examples | 1 | 1 | retrieve/poll | <= 3.6 s",
    "generate examples | retrieve: 429           | 2 examples | 1 | 1 | retrieve/poll | <= 3.6 s",
    "generate examples | retrieve: 429 x6        | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | retrieve: stall         | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | retrieve: token expired | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | retrieve: garbage body  | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | endpoints off           | 2 examples | 1 | 1 | poll     | <= 6 s",
    "generate examples | over the cap            | 2 examples | 1 | 1 | feed     | 0 s",
  };

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void everyWaitUnderEveryRunFault() {
    Map<String, FeedCell> expected = parse(EXPECTED);
    List<FeedCell> actual = new ArrayList<>();
    long start = System.nanoTime();
    try (MatrixRig.Shared shared = new MatrixRig.Shared()) {
      for (FeedOp op : FeedOp.values()) {
        for (FeedFault fault : FeedFault.values()) {
          actual.add(FeedCell.run(shared, op, fault));
        }
      }
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    StringBuilder lines = new StringBuilder();
    for (FeedCell c : actual) {
      lines.append("    \"").append(c.measured()).append("\",\n");
    }
    System.out.println(grid(actual));
    System.out.println(lines);
    System.out.println(actual.size() + " cells in " + millis + " ms");

    List<String> problems = new ArrayList<>();
    for (FeedCell cell : actual) {
      FeedCell want = expected.get(cell.key());
      if (want == null) {
        problems.add("not in the expected table: " + cell.measured() + cell.trace);
      } else if (!cell.matches(want)) {
        problems.add("expected " + want.line() + "\n     got " + cell.measured() + cell.trace);
      }
      for (String v : cell.violations) {
        problems.add(cell.key() + ": " + v + cell.trace);
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " cell(s) differ:\n  " + String.join("\n  ", problems));
    }
  }

  /**
   * A Markdown grid, faults × operations; a cell reads {@code outcome n·a path bound}: the task
   * sent n times and taken a times, what ended the wait and how soon after the task's end.
   */
  static String grid(List<FeedCell> cells) {
    StringBuilder out = new StringBuilder("| fault \\ wait |");
    for (FeedOp op : FeedOp.values()) {
      out.append(' ').append(op.label).append(" |");
    }
    out.append("\n|---|");
    for (int i = 0; i < FeedOp.values().length; i++) {
      out.append("---|");
    }
    for (FeedFault fault : FeedFault.values()) {
      out.append("\n| ").append(fault.label).append(" |");
      for (FeedOp op : FeedOp.values()) {
        for (FeedCell c : cells) {
          if (c.op == op && c.fault == fault) {
            out.append(' ').append(c.outcome).append(' ').append(c.sent).append('·').append(c.taken)
                .append(' ').append(c.path.label).append(' ')
                .append(c.bound == null ? "late" : c.bound.label.replace("<=", "≤")).append(" |");
          }
        }
      }
    }
    return out.toString();
  }

  static Map<String, FeedCell> parse(String[] lines) {
    Map<String, FeedCell> cells = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\\|");
      FeedCell cell = FeedCell.expected(
          find(FeedOp.values(), f[0].trim()), find(FeedFault.values(), f[1].trim()), f[2].trim(),
          Integer.parseInt(f[3].trim()), Integer.parseInt(f[4].trim()),
          find(FeedCell.Path.values(), f[5].trim()), find(FeedCell.Bound.values(), f[6].trim()));
      if (cells.put(cell.key(), cell) != null) {
        throw new IllegalArgumentException("twice in the expected table: " + line);
      }
    }
    return cells;
  }

  private static <E extends Enum<E>> E find(E[] values, String label) {
    for (E e : values) {
      String l = e instanceof FeedOp ? ((FeedOp) e).label
          : e instanceof FeedFault ? ((FeedFault) e).label
          : e instanceof FeedCell.Path ? ((FeedCell.Path) e).label
          : ((FeedCell.Bound) e).label;
      if (l.equals(label)) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown label in the expected table: " + label);
  }
}
