package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.StreamVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The emulator's Trigger.dev runs: one per accepted turn or example run, found by run id or by
 * token. The task handler starts a run when it claims the session and finishes it at the instant
 * it sets the session's {@code task_status} back to null, under the same store lock, so the run
 * and the session always agree. When a virtual clock moves, the move returns only once every held
 * feed request has looked at the new time (answered, or gone back to waiting), so that a test
 * reading {@link #heldFeeds()} right after it sees only the requests still held. Thread-safe.
 */
public final class RunRegistry implements AutoCloseable {
  /** The longest a clock move waits for held requests to look at the new time (real time). */
  static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
  /**
   * How long a run stays queued at most, in service time: DEQUEUED after half of it, EXECUTING
   * after all of it (never after the task's end).
   */
  static final Duration QUEUE_TIME = Duration.ofSeconds(1);
  private static final char[] CUID = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final RunClock clock;
  private final Random internalIds;
  private final TriggerJson json = new TriggerJson();
  private final Map<String, RunRecord> byFriendlyId = new ConcurrentHashMap<>();
  private final Map<String, RunRecord> byToken = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private final AtomicLong cursors = new AtomicLong();
  private final Object heldLock = new Object();
  private final Set<Hold> holds = new HashSet<>();
  private long moves;
  private int openStreams;
  private volatile StreamVersion streamVersion = StreamVersion.V2;
  private volatile boolean serving = true;
  private volatile boolean closed;

  /** Runs on {@code clock}; internal run ids come from {@code seed} (same seed, same ids). */
  public RunRegistry(RunClock clock, long seed) {
    this.clock = clock;
    this.internalIds = new Random(seed ^ 0x7269676765724C4CL);
    clock.onTimeMoved(this::timeMoved);
  }

  /**
   * Creates the run of a task accepted at {@code acceptedAt} that will end {@code serviceDuration}
   * later (or never), with no stream. Its payload is {@code {"sessionId": ...}}.
   */
  public RunRecord start(
      String friendlyId,
      String token,
      String taskIdentifier,
      String sessionId,
      Instant acceptedAt,
      Duration serviceDuration) {
    return start(friendlyId, token, taskIdentifier, sessionId, acceptedAt, serviceDuration,
        null, null);
  }

  /**
   * Creates the run of a chat turn whose task writes the stream {@code streamKey} from the moment
   * it executes, telling what {@code outcome} returns (asked once, when a reader or the task's end
   * first needs it; it may take the emulator's store lock). The run's streams are served in the
   * current {@link #streamVersion(StreamVersion)}.
   */
  public RunRecord start(
      String friendlyId,
      String token,
      String taskIdentifier,
      String sessionId,
      Instant acceptedAt,
      Duration serviceDuration,
      String streamKey,
      Supplier<TurnOutcome> outcome) {
    Duration queued = serviceDuration.compareTo(QUEUE_TIME) < 0 ? serviceDuration : QUEUE_TIME;
    RunStream stream = streamKey == null ? null : new RunStream(streamKey, friendlyId, clock,
        outcome, acceptedAt, queued, serviceDuration, json);
    RunRecord run;
    synchronized (internalIds) {
      run = new RunRecord(internalId(), friendlyId, token, taskIdentifier, sessionId,
          numbers.incrementAndGet(), acceptedAt,
          clock.after(acceptedAt, queued.dividedBy(2)), clock.after(acceptedAt, queued),
          streamVersion, stream);
    }
    byFriendlyId.put(friendlyId, run);
    byToken.put(token, run);
    return run;
  }

  /**
   * Ends the run at {@code at}, the instant its task ended (and the session's task_status went
   * back to null), and wakes the feed requests held on it. Ignored if it already ended.
   */
  public void finish(RunRecord run, RunEnd end, Instant at) {
    RunStream stream = run.stream();
    if (stream != null && !stream.planned()) {
      TurnOutcome outcome = stream.fetchOutcome(); // before the run's lock: it takes the store's
      synchronized (run) {
        stream.plan(outcome);
      }
    }
    synchronized (run) {
      run.finish(end, at);
      run.notifyAll();
    }
  }

  /** The stream wire version of runs started from now on (default {@link StreamVersion#V2}). */
  public void streamVersion(StreamVersion version) {
    this.streamVersion = version;
  }

  /** The stream wire version runs started now get. */
  public StreamVersion streamVersion() {
    return streamVersion;
  }

  /** How many stream connections are open now. */
  public int openStreams() {
    synchronized (heldLock) {
      return openStreams;
    }
  }

  /** Waits until at least {@code count} stream connections are open; false on timeout. */
  public boolean awaitOpenStreams(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (heldLock) {
      while (openStreams < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(heldLock, left);
      }
      return true;
    }
  }

  /** A stream connection opens ({@code +1}) or ends ({@code -1}). */
  void streamOpen(int delta) {
    synchronized (heldLock) {
      openStreams += delta;
      heldLock.notifyAll();
    }
  }

  /** Whether the run endpoints are served (else every request to them gets 404). */
  public boolean serving() {
    return serving;
  }

  /** Serves the run endpoints, or answers 404 to all of them. */
  public void serve(boolean serve) {
    this.serving = serve;
  }

  Optional<RunRecord> byFriendlyId(String friendlyId) {
    return Optional.ofNullable(byFriendlyId.get(friendlyId));
  }

  Optional<RunRecord> byToken(String token) {
    return Optional.ofNullable(byToken.get(token));
  }

  /** How many live feed requests are held now. */
  public int heldFeeds() {
    synchronized (heldLock) {
      return holds.size();
    }
  }

  /** Waits until at least {@code count} live feed requests are held; false on timeout. */
  public boolean awaitHeldFeeds(int count, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (heldLock) {
      while (holds.size() < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(heldLock, left);
      }
      return true;
    }
  }

  /** A live feed request starts being held; {@link Hold#release()} when it stops. */
  Hold hold() {
    synchronized (heldLock) {
      Hold h = new Hold(moves);
      holds.add(h);
      heldLock.notifyAll();
      return h;
    }
  }

  /**
   * One held live feed request. Before each look at the clock it takes {@link #moves()}, and
   * before waiting again it reports that it has seen that move ({@link #looked}); a clock move
   * waits for every hold to have seen it or to be released.
   */
  final class Hold {
    private long seen;

    private Hold(long seen) {
      this.seen = seen;
    }

    /** The clock moves so far: take it before reading the clock. */
    long moves() {
      synchronized (heldLock) {
        return moves;
      }
    }

    /** The request has looked at the clock as it was after {@code move} and waits again. */
    void looked(long move) {
      synchronized (heldLock) {
        if (move > seen) {
          seen = move;
          heldLock.notifyAll();
        }
      }
    }

    /** The request is no longer held. */
    void release() {
      synchronized (heldLock) {
        holds.remove(this);
        heldLock.notifyAll();
      }
    }
  }

  /** A fresh {@code electric-cursor} value. */
  String nextCursor() {
    return Long.toString(cursors.incrementAndGet());
  }

  boolean closed() {
    return closed;
  }

  TriggerJson json() {
    return json;
  }

  RunClock clock() {
    return clock;
  }

  /**
   * A virtual clock moved: take due queue steps, let held requests look at the time, and wait
   * (at most {@link #SETTLE_LIMIT}) until each has, so the move's effect on them is visible when
   * the move returns.
   */
  private void timeMoved() {
    long move;
    synchronized (heldLock) {
      move = ++moves;
    }
    Instant now = clock.now();
    for (RunRecord run : byFriendlyId.values()) {
      synchronized (run) {
        run.catchUp(now);
        run.notifyAll();
      }
    }
    long end = System.nanoTime() + SETTLE_LIMIT.toNanos();
    synchronized (heldLock) {
      while (!closed && anyBehind(move)) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(heldLock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private boolean anyBehind(long move) {
    for (Hold h : holds) {
      if (h.seen < move) {
        return true;
      }
    }
    return false;
  }

  /** A cuid-like internal id ({@code cm} and 23 letters and digits), as the TaskRun row's id. */
  private String internalId() {
    StringBuilder id = new StringBuilder("cm");
    for (int i = 0; i < 23; i++) {
      id.append(CUID[internalIds.nextInt(CUID.length)]);
    }
    return id.toString();
  }

  /** Releases every held feed request (each answers at once); later ones are not held. */
  @Override
  public void close() {
    closed = true;
    synchronized (heldLock) {
      heldLock.notifyAll();
    }
    for (RunRecord run : byFriendlyId.values()) {
      synchronized (run) {
        run.notifyAll();
      }
    }
  }
}
