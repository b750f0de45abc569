package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleInterruptedException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The future a user holds for one operation, however many calls and polls it makes. It tracks
 * the stage in progress, so that {@code cancel} stops exactly that: the scheduled poll is
 * dropped and the in-flight HTTP call is cancelled. Nothing keeps running after a cancel.
 */
public final class Flow<T> extends CompletableFuture<T> {
  /** The steps in progress, made on the first {@link #track} (a call that succeeds at once has none). */
  private volatile java.util.Set<Future<?>> active;
  private final boolean blocking;

  private Flow(boolean blocking) {
    this.blocking = blocking;
  }

  /** A flow whose steps run on the caller's thread. */
  public static <T> Flow<T> blocking() {
    return new Flow<>(true);
  }

  /** A flow whose steps run on the client's scheduler and OkHttp's dispatcher. */
  public static <T> Flow<T> async() {
    return new Flow<>(false);
  }

  /** Whether this flow's steps run on the caller's thread. */
  public boolean isBlocking() {
    return blocking;
  }

  /**
   * Registers {@code stage} as a step in progress, which a cancel or an abort stops (cancels it
   * at once if the flow has already ended: a step begun as the client closed must not go on).
   * It is forgotten when it completes.
   */
  public <U> CompletableFuture<U> track(CompletableFuture<U> stage) {
    java.util.Set<Future<?>> steps = steps();
    steps.add(stage);
    stage.whenComplete((v, e) -> steps.remove(stage));
    if (isDone()) {
      stage.cancel(true);
    }
    return stage;
  }

  /** Completes this flow with the outcome of {@code body} (run now). */
  public Flow<T> run(Function<Flow<T>, CompletableFuture<T>> body) {
    CompletableFuture<T> outcome;
    try {
      outcome = body.apply(this);
    } catch (RuntimeException e) {
      outcome = CompletableFuture.failedFuture(e);
    }
    outcome.whenComplete(
        (value, error) -> {
          if (error == null) {
            complete(value);
          } else {
            completeExceptionally(unwrap(error));
          }
        });
    return this;
  }

  /**
   * Ends this flow with {@code failure} (when it is not already done) and stops its steps in
   * progress, as a cancel would.
   */
  public void abort(Throwable failure) {
    if (completeExceptionally(failure)) {
      cancelSteps(true);
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    cancelSteps(mayInterruptIfRunning);
    return cancelled;
  }

  private void cancelSteps(boolean mayInterruptIfRunning) {
    java.util.Set<Future<?>> steps = active;
    if (steps != null) {
      for (Future<?> step : steps) {
        step.cancel(mayInterruptIfRunning);
      }
    }
  }

  private java.util.Set<Future<?>> steps() {
    java.util.Set<Future<?>> steps = active;
    if (steps == null) {
      synchronized (this) {
        steps = active;
        if (steps == null) {
          steps = java.util.concurrent.ConcurrentHashMap.newKeySet();
          active = steps;
        }
      }
    }
    return steps;
  }

  /**
   * The result of a blocking flow: its steps run on this thread, except those it handed to the
   * client's scheduler (following a run), which this thread waits for. Rethrows the failure as
   * the SDK's unchecked exception; an interrupt cancels the flow and throws {@link
   * PuffleInterruptedException}.
   */
  public T await() {
    if (!isDone() && !CallerRunsScheduler.runPending(this::isDone)) {
      cancel(true);
      Thread.currentThread().interrupt();
      throw new PuffleInterruptedException("interrupted; the call was stopped", null);
    }
    try {
      return get();
    } catch (InterruptedException e) {
      cancel(true);
      Thread.currentThread().interrupt();
      throw new PuffleInterruptedException("interrupted; the call was stopped", e);
    } catch (CancellationException e) {
      throw new PuffleInterruptedException("the call was cancelled", e);
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
  }

  /** The SDK exception behind a future's failure. */
  public static Throwable unwrap(Throwable error) {
    return AttemptFailure.unwrap(error);
  }

  private static RuntimeException rethrow(Throwable cause) {
    Throwable e = unwrap(cause);
    if (e instanceof RuntimeException) {
      return (RuntimeException) e;
    }
    if (e instanceof Error) {
      throw (Error) e;
    }
    return new PuffleException(String.valueOf(e.getMessage()), e);
  }
}
