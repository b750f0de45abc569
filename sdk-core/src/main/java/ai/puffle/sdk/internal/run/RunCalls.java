package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.exec.Timing;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * The one place a watch waits and sends: at most one scheduled step or one call at a time, and
 * once {@link #stop()} has run nothing more is scheduled or sent (the pending step is dropped,
 * the call in flight cancelled). {@link #handOver()} does the same for the lanes taken so
 * far but lets a new {@link Lane} (the feed taking over from retrieve polling) go on. Waits run on the client's async scheduler and calls on OkHttp's
 * async API, so no thread is held between them.
 */
final class RunCalls {
  /** Bodies above this are not read (a run's output is offloaded long before). */
  static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

  /** A response, read whole. */
  static final class Reply {
    final int code;
    final Headers headers;
    /** The body, or null when it was larger than {@link #MAX_BODY_BYTES}. */
    final String body;
    /** From sending to the end of the body, on the watcher's clock. */
    final Duration elapsed;

    Reply(int code, Headers headers, String body, Duration elapsed) {
      this.code = code;
      this.headers = headers;
      this.body = body;
      this.elapsed = elapsed;
    }
  }

  /** What a watch does with a call's result; runs on an HTTP thread. */
  interface Handler {
    void onReply(Reply reply);

    void onFailure(IOException e);
  }

  /** Told of an exception a step or handler threw. */
  interface Crash {
    void onCrash(RuntimeException e);
  }

  private final RunHttp http;
  private final Timing timing;
  private final RunLimits limits;
  private final Crash crash;
  private final Object lock = new Object();
  private boolean stopped;
  /** Bumped by {@link #handOver()}: steps and replies of an earlier epoch are dropped. */
  private int epoch;
  private ScheduledFuture<?> timer;
  private Call call;

  RunCalls(RunHttp http, Timing timing, RunLimits limits, Crash crash) {
    this.http = http;
    this.timing = timing;
    this.limits = limits;
    this.crash = crash;
  }

  /**
   * What one follower (a retrieve poller, a feed) schedules and sends through: once {@link
   * #handOver()} has run, an earlier lane's steps and calls are dropped, whenever they come.
   */
  final class Lane {
    private final int mine;

    private Lane(int mine) {
      this.mine = mine;
    }

    /** Whether this lane still goes on (not stopped, not handed over). */
    boolean isCurrent() {
      return RunCalls.this.isCurrent(mine);
    }

    /** Runs {@code step} after {@code delay} on the async scheduler. */
    void after(Duration delay, Runnable step) {
      schedule(delay, step, mine);
    }

    /** Sends {@code request}; a retrieve first waits for its turn ({@link RunLimits}). */
    void send(Request request, boolean retrieve, Handler handler) {
      if (retrieve) {
        limits.retrieve(() -> enqueue(request, handler, true, mine));
      } else {
        enqueue(request, handler, false, mine);
      }
    }
  }

  /** A lane for a follower starting now. */
  Lane lane() {
    synchronized (lock) {
      return new Lane(epoch);
    }
  }

  private void schedule(Duration delay, Runnable step, int mine) {
    synchronized (lock) {
      if (stopped || epoch != mine) {
        return;
      }
      timer = timing.async().schedule(() -> {
        synchronized (lock) {
          if (stopped || epoch != mine) {
            return null;
          }
          timer = null;
        }
        guarded(step);
        return null;
      }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Drops the pending step and cancels the call in flight, without stopping: the lanes taken
   * before are dead (their steps, replies and failures reach no one, whenever they come), and a
   * lane taken after goes on.
   */
  void handOver() {
    synchronized (lock) {
      epoch++;
      cancelPending();
    }
  }

  /** Stops: drops the pending step, cancels the call in flight; idempotent. */
  void stop() {
    synchronized (lock) {
      stopped = true;
      cancelPending();
    }
  }

  private void cancelPending() {
    synchronized (lock) {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      if (call != null) {
        call.cancel();
        call = null;
      }
    }
  }

  private boolean isCurrent(int mine) {
    synchronized (lock) {
      return !stopped && epoch == mine;
    }
  }

  private boolean enqueue(Request request, Handler handler, boolean retrieve, int mine) {
    Call c;
    synchronized (lock) {
      if (stopped || epoch != mine) {
        return false;
      }
      c = (retrieve ? http.retrieves() : http.feeds()).newCall(request);
      call = c;
    }
    long start = timing.nanoTime();
    c.enqueue(new Callback() {
      @Override
      public void onFailure(Call failed, IOException e) {
        done(c, retrieve);
        if (isCurrent(mine)) {
          guarded(() -> handler.onFailure(e));
        }
      }

      @Override
      public void onResponse(Call ok, Response response) {
        Reply reply;
        try (Response r = response) {
          reply = new Reply(r.code(), r.headers(), readBody(r),
              Duration.ofNanos(timing.nanoTime() - start));
        } catch (IOException e) {
          onFailure(ok, e);
          return;
        }
        done(c, retrieve);
        if (isCurrent(mine)) {
          guarded(() -> handler.onReply(reply));
        }
      }
    });
    return true;
  }

  private void done(Call c, boolean retrieve) {
    synchronized (lock) {
      if (call == c) {
        call = null;
      }
    }
    if (retrieve) {
      limits.retrieveDone();
    }
  }

  private void guarded(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      crash.onCrash(e);
    }
  }

  private static String readBody(Response r) throws IOException {
    BufferedSource source = r.body().source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      return null;
    }
    return source.getBuffer().readUtf8();
  }
}
