package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.PuffleEventListener.Attempt;
import ai.puffle.sdk.PuffleEventListener.Operation;
import ai.puffle.sdk.PuffleEventListener.RetryReason;
import ai.puffle.sdk.PuffleEventListener.Verdict;
import ai.puffle.sdk.PuffleEventListener.Wait;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.Endpoint;
import ai.puffle.sdk.internal.mapping.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Request;

/**
 * The events of one call, told to its listeners: made once per call from the factories of the
 * client and of the call's options. Each event reaches every listener, one event at a time; an
 * exception a listener throws is dropped. {@link #OFF} (no listener) does nothing and allocates
 * nothing, which is what a call without listeners pays. After {@code operationEnd}, which the
 * call's {@link Flow} triggers when it completes, nothing more is told.
 */
public final class CallEvents {
  /** No listener: every method returns at once. */
  public static final CallEvents OFF = new CallEvents();

  private final PuffleEventListener[] listeners;
  private final Operation operation;
  private final String mainOperationId;
  private final Timing timing;
  private final long start;
  private final Map<String, Attempt> lastAttempts = new HashMap<>(4);
  private final Map<String, Integer> counts = new HashMap<>(4);
  private boolean ended;

  private CallEvents() {
    this.listeners = null;
    this.operation = null;
    this.mainOperationId = null;
    this.timing = null;
    this.start = 0;
  }

  private CallEvents(
      PuffleEventListener[] listeners, Operation operation, String mainOperationId, Timing timing) {
    this.listeners = listeners;
    this.operation = operation;
    this.mainOperationId = mainOperationId;
    this.timing = timing;
    this.start = timing.nanoTime();
  }

  /**
   * The events of a call named {@code name} whose own request is {@code main}, on {@code
   * sessionId} (or null): asks each factory for its listener, tells them the operation started,
   * and tells them it ended when {@code flow} completes. {@link #OFF} when there is no factory.
   */
  public static CallEvents start(
      List<PuffleEventListener.Factory> factories, String name, Endpoint main, String sessionId,
      Timing timing, Flow<?> flow) {
    if (factories.isEmpty()) {
      return OFF;
    }
    Operation operation = Operation.of(name, main.method(), main.pathTemplate(), sessionId);
    List<PuffleEventListener> made = new ArrayList<>(factories.size());
    for (PuffleEventListener.Factory factory : factories) {
      try {
        PuffleEventListener l = factory.create(operation);
        if (l != null && l != PuffleEventListener.NONE) {
          made.add(l);
        }
      } catch (RuntimeException ignored) {
        // A factory's failure must not change the call.
      }
    }
    if (made.isEmpty()) {
      return OFF;
    }
    CallEvents events = new CallEvents(
        made.toArray(new PuffleEventListener[0]), operation, main.operationId(), timing);
    events.emit(l -> l.operationStart(operation));
    flow.whenComplete((v, e) -> events.operationEnd(e));
    return events;
  }

  /** Whether anyone listens (false: every method does nothing). */
  public boolean on() {
    return listeners != null;
  }

  private synchronized void operationEnd(Throwable failure) {
    Duration duration = since(start);
    int attempts = counts.getOrDefault(mainOperationId, 0);
    Throwable f = failure == null ? null : AttemptFailure.unwrap(failure);
    emit(l -> l.operationEnd(operation, attempts, duration, f));
    ended = true;
  }

  /**
   * An attempt of {@code request} starts: tells the listeners (who may add headers to {@code
   * http}). Null when off.
   */
  public AttemptTrace attemptStart(ApiRequest<?> request, Request http) {
    if (!on()) {
      return null;
    }
    String id = request.operationId();
    Attempt attempt;
    synchronized (this) {
      int n = counts.merge(id, 1, Integer::sum);
      attempt = Attempt.of(id, request.method(), request.endpoint().pathTemplate(), http.url().uri(), n);
      lastAttempts.put(id, attempt);
    }
    Request.Builder[] withHeaders = new Request.Builder[1];
    boolean[] open = {true};
    emit(l -> l.attemptStart(attempt, (name, value) -> {
      if (!open[0]) {
        throw new IllegalStateException("headers can be added only during attemptStart");
      }
      Validate.extraHeader("attemptStart headers", name, value);
      if (withHeaders[0] == null) {
        withHeaders[0] = http.newBuilder();
      }
      withHeaders[0].header(name, value);
    }));
    open[0] = false;
    return new AttemptTrace(attempt, withHeaders[0] == null ? http : withHeaders[0].build());
  }

  /** The last attempt of {@code operationId} made a retry of it necessary. */
  public void retryScheduled(String operationId, RetryReason reason, Duration delay) {
    Attempt failed = lastAttempt(operationId);
    if (failed != null) {
      emit(l -> l.retryScheduled(failed, reason, delay));
    }
  }

  /** The outcome of the last attempt of {@code operationId} was reconciled. */
  public void reconciled(String operationId, Verdict verdict) {
    Attempt failed = lastAttempt(operationId);
    if (failed != null) {
      emit(l -> l.reconciled(failed, verdict));
    }
  }

  private Attempt lastAttempt(String operationId) {
    if (!on()) {
      return null;
    }
    synchronized (this) {
      return lastAttempts.get(operationId);
    }
  }

  /** A wait starts; null when off. */
  public WaitTrace waitStart(Wait.Kind kind, String sessionId, TaskStatus task) {
    if (!on()) {
      return null;
    }
    Wait wait = Wait.of(kind, sessionId, task);
    emit(l -> l.waitStart(wait));
    return new WaitTrace(wait);
  }

  /** The run {@code runId} is followed from now on. */
  public void runWatchStart(String runId) {
    if (on()) {
      emit(l -> l.runWatchStart(runId));
    }
  }

  /** The followed run's status changed to {@code status}. */
  public void runStatus(String runId, String status) {
    if (on()) {
      emit(l -> l.runStatus(runId, status));
    }
  }

  /** The followed run's feed was given up. */
  public void runFallback(String runId, String reason) {
    if (on()) {
      emit(l -> l.runFallback(runId, reason));
    }
  }

  /** The run is no longer followed. */
  public void runWatchEnd(String runId, String reason) {
    if (on()) {
      emit(l -> l.runWatchEnd(runId, reason));
    }
  }

  private Duration since(long startNanos) {
    return Duration.ofNanos(Math.max(0, timing.nanoTime() - startNanos));
  }

  private static int statusOf(Throwable failure) {
    if (failure instanceof PuffleApiException) {
      return ((PuffleApiException) failure).statusCode();
    }
    if (failure instanceof UnexpectedResponseException) {
      return ((UnexpectedResponseException) failure).statusCode();
    }
    return 0;
  }

  private static String requestIdOf(Throwable failure) {
    return failure instanceof PuffleApiException
        ? ((PuffleApiException) failure).requestId().orElse(null) : null;
  }

  /** Tells every listener, one event at a time; nothing after the operation's end. */
  private synchronized void emit(Consumer<PuffleEventListener> event) {
    if (ended) {
      return;
    }
    for (PuffleEventListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException ignored) {
        // A listener's failure must not change the call.
      }
    }
  }

  /** One attempt in flight: ends once, with what the response or the failure said. */
  public final class AttemptTrace {
    private final Attempt attempt;
    private final Request request;
    private final long startNanos = timing.nanoTime();
    private int status;
    private String requestId;
    private boolean done;

    private AttemptTrace(Attempt attempt, Request request) {
      this.attempt = attempt;
      this.request = request;
    }

    /** The request to send: the call's, with the headers listeners added. */
    public Request request() {
      return request;
    }

    /** A response arrived (its status and request id are kept for the end). */
    public void responded(int status, String requestId) {
      this.status = status;
      this.requestId = requestId;
    }

    /** The attempt ended ({@code failure} null: success). Later calls do nothing. */
    public void end(Throwable failure) {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      Throwable f = failure == null ? null : AttemptFailure.unwrap(failure);
      int code = status != 0 ? status : statusOf(f);
      String id = requestId != null ? requestId : requestIdOf(f);
      Duration took = since(startNanos);
      emit(l -> l.attemptEnd(attempt, code, id, took, f));
    }
  }

  /** One wait in progress: its polls, then its end, once. */
  public final class WaitTrace {
    private final Wait wait;
    private final long startNanos = timing.nanoTime();
    private boolean done;

    private WaitTrace(Wait wait) {
      this.wait = wait;
    }

    /** A poll read {@code status}; {@code polls} so far. */
    public void poll(int polls, TaskStatus status) {
      Duration elapsed = since(startNanos);
      emit(l -> l.poll(wait, polls, status, elapsed));
    }

    /** The wait ended after {@code polls} polls ({@code failure} null: the session was idle). */
    public void end(int polls, Throwable failure) {
      synchronized (this) {
        if (done) {
          return;
        }
        done = true;
      }
      Throwable f = failure == null ? null : AttemptFailure.unwrap(failure);
      Duration elapsed = since(startNanos);
      emit(l -> l.waitEnd(wait, polls, elapsed, f));
    }
  }
}
