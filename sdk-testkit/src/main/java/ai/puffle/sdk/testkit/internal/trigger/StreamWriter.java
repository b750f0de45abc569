package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.StreamVersion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okio.BufferedSink;

/**
 * One stream connection: writes the run's records as they fall due, from where the request's
 * cursor points, flushing each write, with pings while nothing new comes, until the run is over
 * and its last record written (then the body ends), or nothing new came for the idle time (v1:
 * 15 s without a chunk; v2: S2's wait, 60 s without a record; either replaced by {@code
 * Timeout-Seconds}), or the emulator closes (the connection drops).
 *
 * <p>Times are service times: on a virtual clock, records fall due and pings and idle time pass as
 * the clock moves (and the idle time also ends after as much real time, as on the real servers,
 * so a test that stops advancing the clock does not hold a connection forever); on a scaled clock
 * the idle and ping times are scaled like the tasks, between {@link #MIN_WALL} and their real
 * length. Records are read under the run's lock and written outside it.
 */
final class StreamWriter implements StreamingBody {
  /** Trigger.dev's Redis streams close after this long without a chunk. */
  static final Duration V1_IDLE = Duration.ofSeconds(15);
  /** Trigger.dev asks S2 to wait this long for a new record. */
  static final Duration V2_WAIT = Duration.ofSeconds(60);
  /** A keep-alive after this long without a write (Redis: 10 s; S2: 5 to 15 s). */
  static final Duration PING = Duration.ofSeconds(10);
  /** The shortest wall-clock idle or ping time on a scaled clock. */
  static final Duration MIN_WALL = Duration.ofMillis(50);
  /** How long a stalled connection is held at most. */
  private static final Duration STALL_LIMIT = Duration.ofHours(1);

  private final RunRegistry runs;
  private final RunClock clock;
  private final RunRecord run;
  private final RunStream stream;
  private final StreamVersion version;
  private final StreamCursor cursor;
  private final Duration idle;
  private final StreamMode mode;
  private final SseFrames frames;

  private int position;
  private int written;
  private boolean heartbeatOwed;
  private Instant lastDataAt;
  private long lastDataNanos;
  private Instant lastWriteAt;
  private long lastWriteNanos;

  StreamWriter(
      RunRegistry runs,
      RunRecord run,
      RunStream stream,
      StreamCursor cursor,
      Duration idle,
      StreamMode mode) {
    this.runs = runs;
    this.clock = runs.clock();
    this.run = run;
    this.stream = stream;
    this.version = run.streamVersion();
    this.cursor = cursor;
    this.idle = idle;
    this.mode = mode;
    this.frames = new SseFrames(version, runs.json());
    this.heartbeatOwed = version == StreamVersion.V2;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    if (cursor.invalid) {
      throw new IOException("Last-Event-ID is not a Redis stream id: the response breaks off");
    }
    Instant now = clock.now();
    planIfDue(now);
    synchronized (run) {
      run.catchUp(now);
      position = firstPosition(now);
    }
    markData(now); // the idle time counts from the connection
    markWrite(now);
    runs.streamOpen(1); // only now: a test that waits for it may move the clock
    try {
      write(sink);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while streaming");
    } finally {
      runs.streamOpen(-1);
    }
  }

  private void write(BufferedSink sink) throws IOException, InterruptedException {
    Instant now;
    if (mode.garbageFirst) {
      frames.garbage(sink);
      sink.flush();
    }
    limitReached(sink);
    while (true) {
      if (runs.closed()) {
        throw new IOException("the emulator closed");
      }
      now = clock.now();
      planIfDue(now);
      List<StreamRecord> fresh;
      boolean complete;
      synchronized (run) {
        now = clock.now();
        run.catchUp(now);
        fresh = stream == null ? List.of() : stream.dueFrom(position, now);
        complete = fresh.isEmpty() && run.status().isFinal()
            && (stream == null || stream.finished());
        if (fresh.isEmpty() && !complete && !idleOver(now) && !heartbeatOwed && !pingDue(now)
            && !runs.closed() && (stream == null || !stream.wantsOutcome(now))) {
          TimeUnit.NANOSECONDS.timedWait(run, waitNanos(now));
          continue;
        }
      }
      if (!fresh.isEmpty()) {
        send(sink, fresh, now);
        limitReached(sink);
      } else if (complete || idleOver(now)) {
        frames.end(sink);
        sink.flush();
        return;
      } else if (heartbeatOwed || pingDue(now)) {
        frames.ping(sink, now.toEpochMilli());
        sink.flush();
        heartbeatOwed = false;
        markWrite(now);
      }
    }
  }

  /** The index of the first record to consider, per the request's cursor. */
  private int firstPosition(Instant now) {
    int due = stream == null ? 0 : stream.dueFrom(0, now).size();
    if (version == StreamVersion.V1) {
      return cursor.fromTail ? due : 0;
    }
    return (int) Math.min(cursor.fromSeq, due); // S2 clamps a start past the tail to the tail
  }

  /** Writes the fresh records the fault lets through, in one flush. */
  private void send(BufferedSink sink, List<StreamRecord> fresh, Instant now) throws IOException {
    List<StreamRecord> out = new ArrayList<>();
    boolean data = false;
    int firstData = written;
    for (StreamRecord record : fresh) {
      boolean skipped = version == StreamVersion.V1
          && (!record.isData() || !cursor.admits(record.redisId));
      if (!skipped && record.isData()) {
        if (mode.room(written) == 0) {
          break;
        }
        written++;
        data = true;
      }
      position++;
      if (!skipped) {
        out.add(record);
      }
    }
    if (out.isEmpty()) {
      return;
    }
    frames.records(sink, out, mode.duplicate);
    sink.flush();
    StreamTap.Listener tap = StreamTap.listener();
    if (tap != null) {
      long at = System.nanoTime();
      for (int i = firstData; i < written; i++) {
        tap.written(run.friendlyId(), i, at);
      }
    }
    markWrite(now);
    if (data || version == StreamVersion.V2) {
      // v2's wait restarts with every batch, v1's idle time with every chunk: from when the task
      // wrote it (on a virtual clock, however late the clock let this connection send it)
      markData(out.get(out.size() - 1).due);
    }
  }

  /** Drops or stalls the connection once the fault's chunks are written. */
  private void limitReached(BufferedSink sink) throws IOException, InterruptedException {
    if (mode.dropAfter >= 0 && written >= mode.dropAfter) {
      sink.flush();
      throw new IOException("stream dropped by an injected fault after " + written + " chunk(s)");
    }
    if (mode.stallAfter >= 0 && written >= mode.stallAfter) {
      sink.flush();
      long end = System.nanoTime() + STALL_LIMIT.toNanos();
      synchronized (run) {
        while (!runs.closed() && System.nanoTime() < end) {
          TimeUnit.NANOSECONDS.timedWait(run, end - System.nanoTime());
        }
      }
      throw new IOException("stalled stream given up");
    }
  }

  private void planIfDue(Instant now) {
    if (stream != null && stream.wantsOutcome(now)) {
      TurnOutcome outcome = stream.fetchOutcome(); // before the run's lock: it takes the store's
      synchronized (run) {
        stream.plan(outcome);
      }
    }
  }

  private void markData(Instant at) {
    lastDataAt = lastDataAt == null || at.isAfter(lastDataAt) ? at : lastDataAt;
    lastDataNanos = System.nanoTime();
  }

  private void markWrite(Instant now) {
    lastWriteAt = now;
    lastWriteNanos = System.nanoTime();
  }

  private boolean idleOver(Instant now) {
    if (clock.isVirtual() && !now.isBefore(lastDataAt.plus(idle))) {
      return true;
    }
    return System.nanoTime() - lastDataNanos >= wall(idle).toNanos();
  }

  private boolean pingDue(Instant now) {
    if (clock.isVirtual()) {
      return !now.isBefore(lastWriteAt.plus(PING));
    }
    return System.nanoTime() - lastWriteNanos >= wall(PING).toNanos();
  }

  /**
   * How long to wait for something to happen. A virtual clock's moves wake the run's waiters,
   * so only the real-time end of the idle time counts there; a scaled clock wakes for the next
   * record, the stream's opening, the next ping or the end of the idle time.
   */
  private long waitNanos(Instant now) {
    long nowNanos = System.nanoTime();
    long wait = lastDataNanos + wall(idle).toNanos() - nowNanos;
    if (!clock.isVirtual()) {
      wait = Math.min(wait, lastWriteNanos + wall(PING).toNanos() - nowNanos);
      Instant next = stream == null ? null
          : stream.planned() ? stream.dueAt(position) : stream.startsAt();
      if (next != null) {
        wait = Math.min(wait, Duration.between(now, next).toNanos());
      }
    }
    return Math.max(wait, TimeUnit.MILLISECONDS.toNanos(1));
  }

  /**
   * The real time a service time lasts here: itself on a virtual clock (the real servers' cap),
   * scaled on a scaled one, between {@link #MIN_WALL} and itself. Zero stays zero.
   */
  private Duration wall(Duration service) {
    if (clock.isVirtual() || service.isZero()) {
      return service;
    }
    Duration scaled = clock.wallTime(service);
    if (scaled.compareTo(MIN_WALL) < 0) {
      return MIN_WALL.compareTo(service) < 0 ? MIN_WALL : service;
    }
    return scaled.compareTo(service) > 0 ? service : scaled;
  }
}
