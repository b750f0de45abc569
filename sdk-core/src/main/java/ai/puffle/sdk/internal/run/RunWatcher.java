package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.internal.exec.Timing;
import ai.puffle.sdk.internal.mapping.Validate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Follows Trigger.dev runs for one client, so that a wait can end as soon as its task's run
 * does. Each watch authenticates with its run's public access token, never with the API key.
 * Up to {@code maxLiveFeeds} concurrent watches follow the realtime feed (about 20 s long-polls,
 * the run's end seen within a round trip); the others poll retrieve (1 s growing to 3 s) while
 * they wait, in order, for a feed slot, and the feed takes over when one frees. No thread is held
 * between requests. {@link #streams} also reads a run's realtime streams
 * ({@link RunStreams}). Thread-safe; {@link #close()} ends every watch and stream reader.
 *
 * <pre>{@code
 * RunWatch watch = watcher.watch(handle, listener);
 * watch.outcome().thenAccept(o -> {
 *   if (o.isRunOver()) { ... read the session once ... } else { ... poll the session ... }
 * });
 * // when the wait ends some other way: watch.cancel();
 * }</pre>
 */
public final class RunWatcher implements AutoCloseable {
  private final TriggerApi api;
  private final RunHttp http;
  private final Timing timing;
  private final RunLimits limits;
  private final Object streamsLock = new Object();
  /** Created on first use (most clients never read a stream): see {@link #readers()}. */
  private StreamReaders streams;
  private final Set<RunWatch> active = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * A watcher sending to {@code triggerApiUrl} with {@code http} (whose clients carry none of
   * Puffle's interceptors; the feeds' dispatcher should allow {@code maxLiveFeeds} calls at once),
   * waiting on {@code timing}'s async scheduler.
   */
  public RunWatcher(HttpUrl triggerApiUrl, RunHttp http, Timing timing, int maxLiveFeeds) {
    this.api = new TriggerApi(Validate.notNull("triggerApiUrl", triggerApiUrl));
    this.http = Validate.notNull("http", http);
    this.timing = Validate.notNull("timing", timing);
    this.limits = new RunLimits(Validate.range("maxLiveFeeds", maxLiveFeeds, 0, 1024));
  }

  private RunWatcher() {
    this.api = null;
    this.http = null;
    this.timing = null;
    this.limits = null;
  }

  /** A watcher whose watches end at once with {@link RunOutcome.Reason#DISABLED}. */
  public static RunWatcher disabled() {
    return new RunWatcher();
  }

  /**
   * Starts following {@code run}. A handle without a run id or token ({@link RunHandle#unknown()})
   * gives a watch already ended with {@code NO_RUN}; a disabled or closed watcher one ended with
   * {@code DISABLED} or {@code CLIENT_CLOSED}. Nothing is sent for those.
   *
   * @throws InvalidInputException when {@code run} or {@code listener} is null, or the token has
   *     characters an HTTP header cannot carry
   */
  public RunWatch watch(RunHandle run, RunWatchListener listener) {
    return watch(run, listener, Duration.ZERO);
  }

  /**
   * {@link #watch(RunHandle, RunWatchListener)}, sending its first request only after {@code
   * startAfter}: a run just accepted goes through its queue states within about a second, and a
   * first look after them saves a request per state.
   */
  public RunWatch watch(RunHandle run, RunWatchListener listener, Duration startAfter) {
    Validate.notNull("run", run);
    Validate.notNull("listener", listener);
    String token = run.publicAccessToken();
    if (!run.isKnown() || token.isEmpty()) {
      return RunWatch.endedAt(run.runId(), RunOutcome.Reason.NO_RUN, "no run id or token to watch");
    }
    checkToken(token);
    if (api == null) {
      return RunWatch.endedAt(run.runId(), RunOutcome.Reason.DISABLED, "run watching is off");
    }
    if (closed) {
      return RunWatch.endedAt(run.runId(), RunOutcome.Reason.CLIENT_CLOSED, "the client is closed");
    }
    RunWatch watch = new RunWatch(this, run.runId(), token, listener);
    active.add(watch);
    if (closed) {
      watch.stop(RunOutcome.Reason.CLIENT_CLOSED, "the client is closed");
      return watch;
    }
    Runnable start = () -> {
      if (limits.maxLiveFeeds() > 0) {
        limits.feed(watch::startFeed); // at once when a slot is free, else when one frees
      }
      watch.startPolling(); // nothing if the feed has begun
    };
    if (startAfter.isZero() || startAfter.isNegative()) {
      start.run();
    } else {
      watch.calls().lane().after(startAfter, start);
    }
    return watch;
  }

  /**
   * Watches {@code run} and reads its realtime streams as the watch reports them (see {@link
   * RunStreams}); {@code alsoTell} hears the watch's events too. Without a run id or token, on a
   * disabled or closed watcher, the watch ends at once and so does every stream.
   *
   * @throws InvalidInputException when an argument is null, or the token has characters an HTTP
   *     header cannot carry
   */
  public RunStreams streams(RunHandle run, StreamListener listener, StreamOptions options,
      RunWatchListener alsoTell) {
    return streams(run, listener, options, alsoTell, Duration.ZERO);
  }

  /** {@link #streams(RunHandle, StreamListener, StreamOptions, RunWatchListener)}, its watch started after {@code startAfter}. */
  public RunStreams streams(RunHandle run, StreamListener listener, StreamOptions options,
      RunWatchListener alsoTell, Duration startAfter) {
    Validate.notNull("run", run);
    Validate.notNull("listener", listener);
    Validate.notNull("options", options);
    Validate.notNull("alsoTell", alsoTell);
    if (run.isKnown() && !run.publicAccessToken().isEmpty()) {
      checkToken(run.publicAccessToken());
    }
    RunStreams s = new RunStreams(readers(), run.runId(), run.publicAccessToken(), listener, options, alsoTell);
    s.follow(watch(run, s.watchListener(), startAfter));
    return s;
  }

  /** Stream readers not yet ended. */
  public int activeStreamReaders() {
    synchronized (streamsLock) {
      return streams == null ? 0 : streams.activeReaders();
    }
  }

  /** The stream readers, created now if this is the first stream (null when disabled). */
  private StreamReaders readers() {
    if (api == null) {
      return null;
    }
    synchronized (streamsLock) {
      if (streams == null) {
        streams = new StreamReaders(api, http, timing, limits);
        if (closed) {
          streams.close();
        }
      }
      return streams;
    }
  }

  private static void checkToken(String token) {
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new InvalidInputException("run.publicAccessToken",
            "must contain only visible ASCII characters (no whitespace or line breaks)");
      }
    }
  }

  /** Whether this watcher follows runs at all (false: {@link #disabled()}). */
  public boolean isEnabled() {
    return api != null;
  }

  /** Feeds in use now (at most the cap). */
  public int liveFeeds() {
    return limits == null ? 0 : limits.liveFeeds();
  }

  /** Watches not yet ended. */
  public int activeWatches() {
    return active.size();
  }

  /**
   * Ends every watch and stream reader ({@code CLIENT_CLOSED}); later ones end at once.
   * Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    if (limits != null) {
      limits.clear(); // first: a slot freed below must not start a waiting watch's feed
    }
    for (RunWatch w : active) {
      w.stop(RunOutcome.Reason.CLIENT_CLOSED, "the client was closed");
    }
    synchronized (streamsLock) {
      if (streams != null) {
        streams.close();
      }
    }
  }

  boolean isClosed() {
    return closed;
  }

  void forget(RunWatch watch) {
    active.remove(watch);
  }

  TriggerApi api() {
    return api;
  }

  /** The HTTP clients of the watcher's Trigger.dev requests (tests watch their dispatchers). */
  public RunHttp http() {
    return http;
  }

  Timing timing() {
    return timing;
  }

  RunLimits limits() {
    return limits;
  }

  @Override
  public String toString() {
    return api == null ? "RunWatcher{disabled}"
        : "RunWatcher{" + api + ", " + limits + ", watches " + active.size() + (closed ? ", closed" : "") + "}";
  }
}
