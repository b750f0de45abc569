package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleInterruptedException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.CallRunner;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.live.SavedTurn;
import ai.puffle.sdk.internal.live.TurnEventHub;
import ai.puffle.sdk.internal.run.RunOutcome;
import ai.puffle.sdk.internal.run.RunStatus;
import ai.puffle.sdk.internal.run.RunStreams;
import ai.puffle.sdk.internal.run.RunUpdate;
import ai.puffle.sdk.internal.run.RunWatch;
import ai.puffle.sdk.internal.run.RunWatchListener;
import ai.puffle.sdk.internal.run.StreamListener;
import ai.puffle.sdk.internal.run.StreamOptions;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A turn Puffle accepted, waited for like {@code turnAndWait} waits (its run followed, the session
 * the source of truth), whose run's statuses and stream chunks go to a {@link TurnEventHub}. The
 * end event comes once the result is known and the run's streams are read to their end (or after
 * {@link #STREAM_GRACE}, so a stalled stream never holds it back).
 */
final class LiveTurnImpl implements LiveTurn {
  /** How long the end waits for the streams after the result is known. */
  static final Duration STREAM_GRACE = Duration.ofSeconds(5);

  private final ClientContext ctx;
  private final String sessionId;
  private final RunHandle run;
  private final TurnBaseline baseline;
  private final TurnEventHub hub;
  private final Flow<TurnResult> flow = Flow.async();
  private final long start;
  private volatile RunStreams streams;

  private LiveTurnImpl(ClientContext ctx, String sessionId, RunHandle run, TurnBaseline baseline, long start) {
    this.ctx = ctx;
    this.sessionId = sessionId;
    this.run = run;
    this.baseline = baseline;
    this.hub = new TurnEventHub(ctx.events);
    this.start = start;
  }

  /**
   * Starts waiting for a turn that was sent {@code sends} times and taken (or, resumed, whose
   * state is unknown: {@code knownBusy} false). {@code settled}: the idle session on which the
   * turn was found over already, or null.
   */
  static LiveTurnImpl start(
      ClientContext ctx, Waiter waiter, String sessionId, RunHandle run, TurnBaseline baseline,
      int sends, Session settled, boolean knownBusy, WaitOptions wait, RequestOptions options, long start) {
    LiveTurnImpl turn = new LiveTurnImpl(ctx, sessionId, run, baseline, start);
    Duration timeout = wait.timeout().orElse(WaitOptions.DEFAULT_TURN_TIMEOUT);
    CallScope scope = ctx.waiterScope(options, turn.flow, timeout, "startTurn",
        ai.puffle.sdk.generated.api.AiChatSessionsApi.GET_AI_CHAT_SESSION, sessionId);
    turn.flow.run(f -> (settled != null
            ? CompletableFuture.completedFuture(settled)
            : waiter.forTask(sessionId, run, wait.watchRun(), wait.initialPollInterval(),
                wait.maxPollInterval(), timeout, knownBusy, ai.puffle.sdk.TaskStatus.CHAT_PROCESSING,
                scope, listener -> turn.startWatch(listener, Waiter.watchStartDelay(knownBusy, wait.initialPollInterval()))))
        .thenApply(after -> TurnOutcome.of(baseline, after, run, sends, turn.elapsed())));
    turn.flow.whenComplete(turn::finished);
    return turn;
  }

  /** Follows the run and reads its streams; the wait's own listener hears the watch too. */
  private RunWatch startWatch(RunWatchListener waitListener, Duration startAfter) {
    RunStreams s = ctx.runs.streams(run, new StreamListener() {
      @Override
      public void chunk(String streamKey, Object json, String textDelta) {
        hub.emit(SdkAccess.get().chunkEvent(elapsed(), streamKey, json, textDelta));
      }
    }, StreamOptions.defaults(), new RunWatchListener() {
      @Override
      public void onUpdate(RunUpdate update) {
        waitListener.onUpdate(update);
      }

      @Override
      public void onStatus(RunStatus status, RunUpdate update) {
        waitListener.onStatus(status, update);
        hub.emit(SdkAccess.get().statusEvent(elapsed(), status.name()));
      }

      @Override
      public void onFallback(RunOutcome.Reason reason, String detail) {
        waitListener.onFallback(reason, detail);
      }
    }, startAfter);
    streams = s;
    return s.watch();
  }

  private void finished(TurnResult result, Throwable error) {
    RunStreams s = streams;
    PuffleException failure = error == null ? null : failureOf(error);
    if (s == null || failure != null) {
      if (s != null) {
        s.stop();
      }
      hub.end(elapsed(), result, failure);
      return;
    }
    CompletableFuture<?> grace = new CompletableFuture<>();
    try {
      ctx.timing.async().schedule(() -> grace.complete(null), STREAM_GRACE.toNanos(), TimeUnit.NANOSECONDS);
    } catch (IllegalStateException closed) {
      grace.complete(null);
    }
    CompletableFuture.anyOf(s.done(), grace).whenComplete((v, e) -> {
      s.stop();
      hub.end(elapsed(), result, null);
    });
  }

  private static PuffleException failureOf(Throwable error) {
    Throwable e = Flow.unwrap(error);
    if (e instanceof CancellationException) {
      return new PuffleInterruptedException(
          "stopped watching the turn; it goes on on Puffle's side", e);
    }
    return CallRunner.asPuffle(e);
  }

  private Duration elapsed() {
    return Duration.ofNanos(ctx.timing.nanoTime() - start);
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public RunHandle run() {
    return run;
  }

  @Override
  public CompletableFuture<TurnResult> result() {
    return flow;
  }

  @Override
  public TurnResult await() {
    return flow.await();
  }

  @Override
  public java.util.concurrent.Flow.Publisher<TurnEvent> publisher() {
    return hub.publisher();
  }

  @Override
  public LiveTurn onEvent(Consumer<? super TurnEvent> listener) {
    ai.puffle.sdk.internal.mapping.Validate.notNull("listener", listener);
    hub.listen(listener);
    return this;
  }

  @Override
  public Events events() {
    return hub.iterator();
  }

  @Override
  public void cancel() {
    flow.cancel(true);
    RunStreams s = streams;
    if (s != null) {
      s.stop();
    }
  }

  @Override
  public void close() {
    if (!flow.isDone()) {
      cancel();
    }
  }

  @Override
  public String save() {
    return SavedTurn.write(sessionId, run, baseline, false);
  }

  @Override
  public String saveWithToken() {
    return SavedTurn.write(sessionId, run, baseline, true);
  }

  /** Shows the session and run id; never the token. */
  @Override
  public String toString() {
    return "LiveTurn{session=" + sessionId + ", " + run + ", " + (flow.isDone() ? "over" : "in progress") + "}";
  }
}
