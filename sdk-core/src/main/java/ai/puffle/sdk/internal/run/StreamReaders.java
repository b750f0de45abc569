package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.exec.Timing;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;

/**
 * The stream readers of one client: their HTTP client (the run client's dispatcher and pool, no
 * call timeout, a read timeout above any idle timeout), their slots ({@link
 * RunLimits#STREAM_CONCURRENCY}, not Puffle's request slots), and the threads that hand chunks to
 * listeners: at most one per stream slot, daemons named {@code puffle-stream-N} that stop when
 * idle for 30 s. {@link #close()} ends every reader.
 */
final class StreamReaders {
  /** Longer than any idle timeout, so a stall is reported as one; a backstop when it is off. */
  static final Duration READ_TIMEOUT = StreamOptions.MAX_IDLE_TIMEOUT.plusMinutes(1);

  private final TriggerApi api;
  private final OkHttpClient http;
  private final Timing timing;
  private final RunLimits limits;
  private final ThreadPoolExecutor delivery;
  private final Set<StreamReader> active = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  StreamReaders(TriggerApi api, RunHttp runHttp, Timing timing, RunLimits limits) {
    this.api = api;
    // A stream is long-lived: okhttp-sse cancels the call timeout once events flow, and none is
    // wanted before either (a stream may wait long for its first byte); the read timeout stays.
    this.http = runHttp.streams().newBuilder().callTimeout(Duration.ZERO).readTimeout(READ_TIMEOUT).build();
    this.timing = timing;
    this.limits = limits;
    AtomicInteger count = new AtomicInteger();
    this.delivery = new ThreadPoolExecutor(RunLimits.STREAM_CONCURRENCY, RunLimits.STREAM_CONCURRENCY,
        30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "puffle-stream-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    delivery.allowCoreThreadTimeOut(true);
  }

  /**
   * A reader of stream {@code key} of run {@code runId}, started (it waits for a slot first);
   * ended at once with {@code CLIENT_CLOSED} when the client is closed. {@code drainAs}, when not
   * null, says the run is already over (see {@link StreamReader#runOver}). {@code onEnded} is told
   * its outcome after the listener's {@code ended}.
   */
  StreamReader open(String runId, String token, String key, StreamOptions options,
      StreamOutcome.Reason drainAs, StreamListener listener, Consumer<StreamOutcome> onEnded) {
    StreamDelivery d = new StreamDelivery(key, listener, delivery, options, onEnded);
    StreamReader reader = new StreamReader(this, runId, token, key, options, d);
    active.add(reader);
    if (closed) {
      reader.stop(StreamOutcome.Reason.CLIENT_CLOSED, "the client is closed");
      return reader;
    }
    if (drainAs != null) {
      reader.runOver(drainAs);
    }
    reader.start();
    return reader;
  }

  /** Ends every reader ({@code CLIENT_CLOSED}); later readers end at once. Idempotent. */
  void close() {
    closed = true;
    for (StreamReader r : active) {
      r.stop(StreamOutcome.Reason.CLIENT_CLOSED, "the client was closed");
    }
    delivery.shutdown();
  }

  /** Whether {@link #close()} was called. */
  boolean isClosed() {
    return closed;
  }

  /** Readers not yet ended. */
  int activeReaders() {
    return active.size();
  }

  void forget(StreamReader reader) {
    active.remove(reader);
  }

  TriggerApi api() {
    return api;
  }

  OkHttpClient http() {
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
    return "StreamReaders{" + active.size() + " active" + (closed ? ", closed" : "") + "}";
  }
}
