package ai.puffle.sdk.testkit.internal.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The stream a chat turn's task writes while it runs, under one key: its records, each due at an
 * instant of the task, ending with a {@code finish} chunk at the instant the task ends.
 *
 * <p>The records come from the turn's outcome, which is asked for once, lazily: when a reader
 * looks at the stream after the task started executing, or when the task ends, whichever comes
 * first. They are laid out when first read (a stream nobody reads costs its outcome only), and
 * either way they and their instants are the same, so a stream reads alike whenever it is read.
 * The outcome source takes the emulator's store lock, so it is called without the run's lock held
 * ({@link #wantsOutcome}, {@link #fetchOutcome()}); everything else is guarded by the run's
 * monitor.
 */
final class RunStream {
  private static final char[] NANOID =
      "useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict".toCharArray();

  final String key;
  private final String runId;
  private final RunClock clock;
  private final Instant acceptedAt;
  private final Duration queued;
  private final Duration total;
  private final Instant startsAt;
  private final TriggerJson json;
  /** Dropped once the outcome is in, with everything the turn's task held. */
  private volatile Supplier<TurnOutcome> source;
  private volatile boolean planned;
  private TurnOutcome outcome;
  private RunEnd end;
  private Instant endedAt;
  /** Laid out on the first read; null until then. */
  private List<StreamRecord> records;
  private long lastRedisMs = -1;
  private int lastRedisSeq;

  RunStream(
      String key,
      String runId,
      RunClock clock,
      Supplier<TurnOutcome> source,
      Instant acceptedAt,
      Duration queued,
      Duration total,
      TriggerJson json) {
    this.key = key;
    this.runId = runId;
    this.clock = clock;
    this.source = source;
    this.acceptedAt = acceptedAt;
    this.queued = queued;
    this.total = total;
    this.startsAt = clock.after(acceptedAt, queued);
    this.json = json;
  }

  /** Whether the outcome is needed now: the task has started and nobody asked yet. */
  boolean wantsOutcome(Instant now) {
    return !planned && !now.isBefore(startsAt);
  }

  /**
   * Asks the turn for its outcome (the same on every call), or null once it is in. Never call it
   * holding the run's lock.
   */
  TurnOutcome fetchOutcome() {
    Supplier<TurnOutcome> turn = source;
    return turn == null ? null : turn.get();
  }

  /** Takes the turn's outcome, once. Caller holds the run's monitor. */
  void plan(TurnOutcome turn) {
    if (planned || turn == null) {
      return;
    }
    outcome = turn;
    source = null;
    planned = true;
  }

  /**
   * The task ended at {@code at}: the {@code finish} chunk, the last record. Caller holds the
   * run's monitor and has planned the stream. Ignored once finished.
   */
  void finish(RunEnd how, Instant at) {
    if (end != null) {
      return;
    }
    end = how;
    endedAt = at;
    if (records != null) {
      appendFinish();
    }
  }

  boolean planned() {
    return planned;
  }

  /** Whether the finish chunk is written (the stream has all its records). */
  boolean finished() {
    return end != null;
  }

  /** The records from {@code index} that are due at {@code now}, in order. */
  List<StreamRecord> dueFrom(int index, Instant now) {
    List<StreamRecord> all = records();
    List<StreamRecord> due = new ArrayList<>();
    for (int i = index; i < all.size() && !all.get(i).due.isAfter(now); i++) {
      due.add(all.get(i));
    }
    return due;
  }

  /** When the record at {@code index} is due, or null when there is none yet. */
  Instant dueAt(int index) {
    List<StreamRecord> all = records();
    return index < all.size() ? all.get(index).due : null;
  }

  /** When the task starts executing and the stream opens. */
  Instant startsAt() {
    return startsAt;
  }

  /** The records, laid out from the outcome on the first call after it is in. */
  private List<StreamRecord> records() {
    if (records != null) {
      return records;
    }
    if (!planned) {
      return List.of();
    }
    records = new ArrayList<>();
    for (ChatStreamScript.Step step : ChatStreamScript.steps(outcome, toolCallId())) {
      Instant due = at(step.at);
      if (step.event == null) {
        records.add(StreamRecord.command(due, step.command, records.size()));
      } else {
        append(due, json.write(step.event));
      }
    }
    if (end != null) {
      appendFinish();
    }
    return records;
  }

  private void appendFinish() {
    String error = end.error == null ? null : String.valueOf(end.error.get("message"));
    append(endedAt, json.write(end.status.isSuccess()
        ? ChatStreamEvents.completed(outcome != null && outcome.skeletonUpdated())
        : ChatStreamEvents.failed(error)));
  }

  private void append(Instant due, String chunk) {
    long ms = due.toEpochMilli();
    if (ms > lastRedisMs) {
      lastRedisMs = ms;
      lastRedisSeq = 0;
    } else {
      lastRedisSeq++; // Redis ids only grow
    }
    int index = records.size();
    records.add(StreamRecord.data(due, chunk, index, lastRedisMs + "-" + lastRedisSeq,
        randomId("body:" + index, 7)));
  }

  /** The instant {@code fraction} of the way through the task's execution. */
  private Instant at(double fraction) {
    Duration running = total.minus(queued);
    return clock.after(acceptedAt,
        queued.plus(Duration.ofNanos((long) (running.toNanos() * fraction))));
  }

  private String toolCallId() {
    return "toolu_" + randomId("tool", 24);
  }

  /** A nanoid-like id, the same for the same run and salt. */
  private String randomId(String salt, int length) {
    Random random = new Random(((long) runId.hashCode() << 32) ^ salt.hashCode());
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(NANOID[random.nextInt(NANOID.length)]);
    }
    return id.toString();
  }

  @Override
  public String toString() {
    return "RunStream{" + runId + "/" + key + (planned ? "" : ", not started") + "}";
  }
}
