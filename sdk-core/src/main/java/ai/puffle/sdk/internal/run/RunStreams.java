package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The realtime streams of one run, read as its watch reports them: a reader for each new stream
 * key ({@link RunUpdate#realtimeStreams()}, as Trigger.dev's {@code withStreams()}) or key named
 * with {@link #open}; each read to its end once the run is over, or stopped with {@link #stop()}.
 * Made by {@link RunWatcher#streams}. Thread-safe; its {@code toString} shows the run id and keys,
 * never the token.
 *
 * <pre>{@code
 * RunStreams streams = watcher.streams(handle, new StreamListener() {
 *   public void chunk(String key, Object json, String textDelta) { if (textDelta != null) show(textDelta); }
 *   public void ended(String key, StreamOutcome outcome) { ... }
 * }, StreamOptions.defaults(), RunWatchListener.NONE);
 * streams.watch().outcome();   // the run, as RunWatcher#watch
 * streams.done();              // every stream ended, after the watch did
 * streams.stop();              // or: stop reading (and watching) now
 * }</pre>
 */
public final class RunStreams {
  private final StreamReaders readers;
  private final String runId;
  private final String token;
  private final StreamListener listener;
  private final StreamOptions options;
  private final RunWatchListener alsoTell;
  private final Map<String, StreamReader> byKey = new LinkedHashMap<>();
  private final Map<String, StreamOutcome> outcomes = new LinkedHashMap<>();
  private final CompletableFuture<Map<String, StreamOutcome>> done = new CompletableFuture<>();
  private StreamOutcome.Reason drainAs;
  private boolean watchEnded;
  private boolean stopped;
  private volatile RunWatch watch;

  RunStreams(StreamReaders readers, String runId, String token, StreamListener listener,
      StreamOptions options, RunWatchListener alsoTell) {
    this.readers = readers;
    this.runId = runId;
    this.token = token;
    this.listener = listener;
    this.options = options;
    this.alsoTell = alsoTell;
  }

  /** Follows {@code w}, made with {@link #watchListener()}: its end tells the streams. */
  void follow(RunWatch w) {
    this.watch = w;
    w.outcome().thenAccept(this::watchEnded);
  }

  /** The listener the run's watch reports to: it opens readers, then tells {@code alsoTell}. */
  RunWatchListener watchListener() {
    return new RunWatchListener() {
      @Override
      public void onUpdate(RunUpdate update) {
        onRunUpdate(update);
        alsoTell.onUpdate(update);
      }

      @Override
      public void onStatus(RunStatus status, RunUpdate update) {
        alsoTell.onStatus(status, update);
      }

      @Override
      public void onFallback(RunOutcome.Reason reason, String detail) {
        alsoTell.onFallback(reason, detail);
      }
    };
  }

  /** The run's watch. */
  public RunWatch watch() {
    return watch;
  }

  /**
   * Reads stream {@code key} too, if it is not read yet (a key known before the run reports it).
   * Does nothing once stopped, or once the watch has ended.
   *
   * @throws InvalidInputException when {@code key} is null or empty
   */
  public void open(String key) {
    if (key == null || key.isEmpty()) {
      throw new InvalidInputException("key", "must not be empty");
    }
    StreamOutcome.Reason drain;
    synchronized (this) {
      if (stopped || watchEnded || byKey.containsKey(key)) {
        return;
      }
      byKey.put(key, null);
      drain = drainAs;
    }
    StreamReader reader = readers == null
        ? null
        : readers.open(runId, token, key, options, drain, listener, outcome -> ended(key, outcome));
    boolean stop;
    synchronized (this) {
      byKey.put(key, reader);
      drain = drainAs; // read again: a drain or stop meanwhile did not see this reader
      stop = stopped;
    }
    if (reader != null && stop) {
      reader.stop(StreamOutcome.Reason.STOPPED, "stopped");
    }
    if (reader == null) {
      StreamOutcome off = new StreamOutcome(StreamOutcome.Reason.DISABLED, "run watching is off", 0, 0, 0);
      try {
        listener.ended(key, off);
      } catch (RuntimeException ignored) {
        // As for any listener call.
      }
      ended(key, off);
    } else if (drain != null) {
      reader.runOver(drain);
    }
  }

  /** Stops every reader ({@code STOPPED}, what was not delivered dropped) and the watch; idempotent. */
  public void stop() {
    List<StreamReader> all;
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      all = new ArrayList<>(byKey.values());
    }
    for (StreamReader r : all) {
      if (r != null) {
        r.stop(StreamOutcome.Reason.STOPPED, "stopped");
      }
    }
    RunWatch w = watch;
    if (w != null) {
      w.cancel();
    }
  }

  /**
   * Completes, normally, once the watch has ended and every stream read has ended (its {@code
   * ended} told): with each stream's outcome by key, in the order they were opened.
   */
  public CompletableFuture<Map<String, StreamOutcome>> done() {
    return done;
  }

  /** The keys read so far, in order. */
  public synchronized List<String> keys() {
    return Collections.unmodifiableList(new ArrayList<>(byKey.keySet()));
  }

  /** Chunks delivered so far, over every stream. */
  public long delivered() {
    long n = 0;
    for (StreamReader r : readersNow()) {
      n += r.delivery().delivered();
    }
    return n;
  }

  /** Chunks coalesced so far, over every stream. */
  public long coalesced() {
    long n = 0;
    for (StreamReader r : readersNow()) {
      n += r.delivery().coalesced();
    }
    return n;
  }

  /** Chunks dropped so far, over every stream. */
  public long dropped() {
    long n = 0;
    for (StreamReader r : readersNow()) {
      n += r.delivery().dropped();
    }
    return n;
  }

  // ---- from the watch

  private void onRunUpdate(RunUpdate update) {
    if (update.isOver()) {
      drain(StreamOutcome.Reason.DRAINED); // first: a key new in this update is read once, to its end
    }
    for (String key : update.realtimeStreams()) {
      open(key);
    }
  }

  private void watchEnded(RunOutcome outcome) {
    outcome.lastUpdate().ifPresent(u -> {
      if (outcome.isRunOver()) {
        onRunUpdate(u);
      }
    });
    drain(outcome.isRunOver() ? StreamOutcome.Reason.DRAINED : StreamOutcome.Reason.WATCH_ENDED);
    synchronized (this) {
      watchEnded = true;
    }
    completeIfDone();
  }

  private void drain(StreamOutcome.Reason reason) {
    List<StreamReader> all;
    synchronized (this) {
      if (drainAs != null) {
        return;
      }
      drainAs = reason;
      all = new ArrayList<>(byKey.values());
    }
    for (StreamReader r : all) {
      if (r != null) {
        r.runOver(reason);
      }
    }
  }

  private void ended(String key, StreamOutcome outcome) {
    synchronized (this) {
      outcomes.put(key, outcome);
    }
    completeIfDone();
  }

  private void completeIfDone() {
    Map<String, StreamOutcome> result;
    synchronized (this) {
      if (!watchEnded || outcomes.size() < byKey.size()) {
        return;
      }
      result = new LinkedHashMap<>();
      for (String k : byKey.keySet()) {
        result.put(k, outcomes.get(k));
      }
    }
    done.complete(Collections.unmodifiableMap(result));
  }

  private synchronized List<StreamReader> readersNow() {
    List<StreamReader> out = new ArrayList<>();
    for (StreamReader r : byKey.values()) {
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  @Override
  public synchronized String toString() {
    return "RunStreams{runId=" + runId + ", keys=" + byKey.keySet() + ", ended=" + outcomes.size()
        + (stopped ? ", stopped" : "") + "}";
  }
}
