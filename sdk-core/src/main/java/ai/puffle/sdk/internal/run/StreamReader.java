package ai.puffle.sdk.internal.run;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;

/**
 * Reads one stream of one run ({@code GET /realtime/v1/streams/{runId}/{key}}) over server-sent
 * events until it ends with a {@link StreamOutcome}: one connection at a time ({@link
 * StreamConnection}, parsed by okhttp-sse), each resumed with {@code Last-Event-ID} ({@link
 * StreamWire} keeps the cursor), chunks handed to a {@link StreamDelivery}.
 *
 * <ul>
 *   <li>A failed connection (connection error, 408, 429, 5xx, an {@code error} event) is made
 *       again after 250 ms doubling to 5 s (20% jitter; longer if the server asks); after {@link
 *       #MAX_FAILURES} failures with no chunk between them the stream ends {@code UNAVAILABLE}.
 *   <li>A connection the server ends (its {@code Timeout-Seconds} passed without new data) is
 *       made again at once if it brought chunks, else after the back-off, not counted as failed.
 *   <li>Once the run is over ({@link #runOver}) the open connection is replaced, as soon as it
 *       has been quiet for {@link #DRAIN_SETTLE}, by a read with {@code Timeout-Seconds: 1}
 *       from the cursor; the first connection the server then ends has drained the stream.
 *   <li>401, 403, 404 and any other status end the stream: an outcome, never an exception.
 *   <li>Nothing at all received on an open connection for the idle timeout ends it {@code
 *       IDLE_TIMEOUT}. Every byte counts, so the server's pings keep a quiet stream open.
 * </ul>
 *
 * <p>Holds a stream slot of {@link RunLimits} from its first connection to its end. Once it has
 * ended nothing more is sent and its connection is closed. Its {@code toString} shows the run id
 * and key, never the token.
 */
final class StreamReader {
  static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  static final int MAX_FAILURES = 5;
  /** How long an open connection must be quiet before the drain read replaces it. */
  static final Duration DRAIN_SETTLE = Duration.ofMillis(250);
  /** {@code Timeout-Seconds} of the read that drains a stream once the run is over. */
  static final int DRAIN_TIMEOUT_SECONDS = 1;
  static final long ANY = -1;

  private final StreamReaders owner;
  private final String runId;
  private final String token;
  private final String key;
  private final StreamOptions options;
  private final StreamDelivery delivery;
  private final StreamWire wire = new StreamWire();
  private final Backoff backoff = new Backoff(FIRST_BACKOFF, MAX_BACKOFF, 2.0);
  private final Object lock = new Object();
  private volatile long lastActivity;
  private volatile long activity;
  // Guarded by lock. The generation names the current connection; callbacks of others are ignored.
  private long generation;
  private boolean ended;
  private boolean holdsSlot;
  private StreamOutcome.Reason drainAs;
  private Call call;
  private boolean open;
  private boolean drainConnection;
  private boolean serverError;
  private int chunksThisConnection;
  private int failures;
  private ScheduledFuture<?> wait;
  private ScheduledFuture<?> idle;
  private ScheduledFuture<?> settle;

  StreamReader(StreamReaders owner, String runId, String token, String key, StreamOptions options,
      StreamDelivery delivery) {
    this.owner = owner;
    this.runId = runId;
    this.token = token;
    this.key = key;
    this.options = options;
    this.delivery = delivery;
  }

  /** Starts reading once a stream slot is free. */
  void start() {
    owner.limits().stream(() -> {
      synchronized (lock) {
        if (ended || owner.isClosed()) {
          return false;  // a slot freed while the client closes is not taken
        }
        holdsSlot = true;
      }
      connect();
      return true;
    });
  }

  /**
   * The run is over ({@code DRAINED}), or will not be followed further ({@code WATCH_ENDED}):
   * read what the stream holds, then end with that reason.
   */
  void runOver(StreamOutcome.Reason reason) {
    boolean closing = false;
    synchronized (lock) {
      if (ended || drainAs != null) {
        return;
      }
      drainAs = reason;
      if (open && !drainConnection) {
        closing = !armSettle(generation, DRAIN_SETTLE);
      }
    }
    if (closing) {
      closing();
    }
  }

  /** Ends the stream now, dropping what the listener has not taken; idempotent. */
  void stop(StreamOutcome.Reason reason, String detail) {
    finish(ANY, reason, detail, true);
  }

  String key() {
    return key;
  }

  /** Reads that brought bytes so far (pings included); for tests. */
  long activity() {
    return activity;
  }

  StreamDelivery delivery() {
    return delivery;
  }

  // ---- connections

  private void connect() {
    Call c;
    long gen;
    synchronized (lock) {
      if (ended) {
        return;
      }
      wait = null;
      drainConnection = drainAs != null;
      c = owner.http().newCall(owner.api().stream(owner.api().streamUrl(runId, key), token,
          wire.cursor(), drainConnection ? DRAIN_TIMEOUT_SECONDS : options.serverTimeoutSeconds()));
      call = c;
      gen = ++generation;
      open = false;
      serverError = false;
      chunksThisConnection = 0;
    }
    c.enqueue(new StreamConnection(this, gen));
  }

  /**
   * Connection {@code gen} answered 200: it is open now. Returns false when it is no longer the
   * current one, or the stream ended (the client is closing); the caller then closes it.
   */
  boolean opened(long gen, String versionHeader) {
    boolean closing;
    synchronized (lock) {
      if (gen != generation || ended) {
        return false;
      }
      open = true;
      touch();
      wire.connected(versionHeader);
      closing = !armIdle(gen) || (drainAs != null && !drainConnection && !armSettle(gen, DRAIN_SETTLE));
    }
    if (closing) {
      closing();
    }
    return !closing;
  }

  /** An event of connection {@code gen}: its chunks go to the listener. */
  void event(long gen, String id, String type, String data) {
    synchronized (lock) {
      if (gen != generation) {
        return;
      }
      StreamWire.Kind kind = wire.onEvent(id, type, data, (json, size) -> {
        chunksThisConnection++;
        failures = 0;
        backoff.reset();
        delivery.offer(json, StreamText.delta(json), size);
      });
      serverError |= kind == StreamWire.Kind.ERROR;
    }
  }

  /** The server ended the connection. */
  void closed(long gen) {
    boolean error;
    StreamOutcome.Reason drained = null;
    boolean again = false;
    synchronized (lock) {
      if (gen != generation || ended) {
        return;
      }
      error = serverError;
      if (!error) {
        drained = drainAs;
        if (drained == null && chunksThisConnection > 0) {
          disconnect();
          again = true;
        }
      }
    }
    if (error) {
      retry(gen, "an error event", true, null);
    } else if (drained != null) {
      finish(gen, drained, drained == StreamOutcome.Reason.DRAINED
          ? "the run is over and the stream was read to its end"
          : "the run's watch ended; the stream was read to its end", false);
    } else if (again) {
      connect();
    } else {
      retry(gen, null, false, null);
    }
  }

  /** Connects again after the back-off; a failure counts toward {@link #MAX_FAILURES}. */
  void retry(long gen, String what, boolean failure, Duration requested) {
    String unavailable = null;
    boolean closing = false;
    synchronized (lock) {
      if (gen != generation || ended) {
        return;
      }
      disconnect();
      if (failure && ++failures >= MAX_FAILURES) {
        unavailable = "the stream failed " + failures + " times in a row (last: " + what + ")";
      } else {
        wait = schedule(backoff.next(requested), this::connect);
        closing = wait == null;
      }
    }
    if (unavailable != null) {
      finish(ANY, StreamOutcome.Reason.UNAVAILABLE, unavailable, false);
    } else if (closing) {
      closing();
    }
  }

  /** Forgets the current connection: its timers cancelled, its call cancelled. Lock held. */
  private void disconnect() {
    generation++;
    open = false;
    idle = cancel(idle);
    settle = cancel(settle);
    if (call != null) {
      call.cancel();
      call = null;
    }
  }

  /**
   * Ends the stream with {@code reason}, unless it has ended or {@code gen} (when not {@link
   * #ANY}) is no longer the current connection. The listener's {@code ended} follows what it has
   * not taken yet, or comes at once (that dropped) when {@code dropQueued}.
   */
  void finish(long gen, StreamOutcome.Reason reason, String detail, boolean dropQueued) {
    boolean slot;
    synchronized (lock) {
      if (ended || (gen != ANY && gen != generation)) {
        return;
      }
      ended = true;
      disconnect();
      wait = cancel(wait);
      slot = holdsSlot;
      holdsSlot = false;
    }
    if (slot) {
      owner.limits().streamDone();
    }
    owner.forget(this);
    delivery.end(reason, detail, dropQueued);
  }

  private void closing() {
    finish(ANY, StreamOutcome.Reason.CLIENT_CLOSED, "the client was closed", true);
  }

  // ---- timers, on the client's async scheduler

  /** The two checks for quiet on an open connection. */
  private enum Quiet {
    /** Nothing received for the idle timeout: the stream ends. */
    IDLE,
    /** The run is over and nothing came for {@link #DRAIN_SETTLE}: the drain read replaces it. */
    SETTLE
  }

  /** Arms the idle check of connection {@code gen}; false when the scheduler is gone. Lock held. */
  private boolean armIdle(long gen) {
    return options.idleTimeout().isZero() || arm(Quiet.IDLE, gen, options.idleTimeout());
  }

  private boolean armSettle(long gen, Duration delay) {
    return arm(Quiet.SETTLE, gen, delay);
  }

  /** Arms check {@code kind} of connection {@code gen} after {@code delay}. Lock held. */
  private boolean arm(Quiet kind, long gen, Duration delay) {
    ScheduledFuture<?> f = schedule(delay, () -> quietCheck(kind, gen));
    if (kind == Quiet.IDLE) {
      idle = f;
    } else {
      settle = cancel(settle);
      settle = f;
    }
    return f != null;
  }

  private void quietCheck(Quiet kind, long gen) {
    long limit = (kind == Quiet.IDLE ? options.idleTimeout() : DRAIN_SETTLE).toNanos();
    boolean act = false;
    boolean closing = false;
    synchronized (lock) {
      if (gen != generation || !open || (kind == Quiet.SETTLE && drainConnection)) {
        return;
      }
      long quiet = owner.timing().nanoTime() - lastActivity;
      if (quiet < limit) {
        closing = !arm(kind, gen, Duration.ofNanos(limit - quiet));
      } else {
        act = true;
        if (kind == Quiet.SETTLE) {
          disconnect();
        }
      }
    }
    if (closing) {
      closing();
    } else if (act && kind == Quiet.IDLE) {
      finish(gen, StreamOutcome.Reason.IDLE_TIMEOUT,
          "nothing received for " + options.idleTimeout().getSeconds() + " s, not even a ping", false);
    } else if (act) {
      connect();
    }
  }

  /** {@code step} after {@code delay}; null when the scheduler is gone (the client is closing). */
  private ScheduledFuture<?> schedule(Duration delay, Runnable step) {
    try {
      return owner.timing().async().schedule(() -> {
        try {
          step.run();
        } catch (RuntimeException e) {
          finish(ANY, StreamOutcome.Reason.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName(), false);
        }
        return null;
      }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    } catch (RuntimeException schedulerGone) {
      return null;
    }
  }

  private static ScheduledFuture<?> cancel(ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
    return null;
  }

  void touch() {
    lastActivity = owner.timing().nanoTime();
    activity++;
  }

  @Override
  public String toString() {
    return "StreamReader{runId=" + runId + ", key=" + key + "}";
  }
}
