package ai.puffle.sdk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Told what each call does: its start and end, every HTTP attempt, every retry and the reason
 * for it, busy waits, reconciliations, every poll of a wait and the events of the task's run. For
 * metrics, tracing or logs; {@code puffle-sdk-opentelemetry} builds on it. Every method does
 * nothing unless overridden.
 *
 * <p>A {@link Factory} creates one listener per call (per operation the user starts), so a
 * listener can keep the call's state in fields. Plug factories in with {@link
 * PuffleClient.Builder#eventListener} (every call of the client) and {@link
 * RequestOptions.Builder#eventListener} (the calls made with those options); all of them are told.
 *
 * <pre>{@code
 * PuffleClient client = PuffleClient.builder().apiKey(key)
 *     .eventListener(operation -> new PuffleEventListener() {
 *       @Override
 *       public void retryScheduled(Attempt failed, RetryReason reason, Duration delay) {
 *         log.info("{} retried ({}) in {}", failed.operationId(), reason, delay);
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The events of one call come one at a time (never two at once), on the threads that do the
 * call's work: the caller's for a blocking call, the client's HTTP and scheduler threads for an
 * async one or a run's events. Keep them quick. An exception a listener or a factory throws is
 * ignored: it never changes a call. Nothing a listener receives holds the API key or a run's
 * access token.
 *
 * <p>The order for one call: {@link #operationStart}; then any number of attempts ({@link
 * #attemptStart}, {@link #attemptEnd}, after a failure possibly {@link #retryScheduled} or {@link
 * #reconciled}) and waits ({@link #waitStart}, {@link #poll}, {@link #waitEnd}, with the run's
 * events in between); last {@link #operationEnd}.
 */
public interface PuffleEventListener {
  /** A listener that ignores everything. */
  PuffleEventListener NONE = new PuffleEventListener() {};

  /** Creates the listener of one call. */
  @FunctionalInterface
  interface Factory {
    /**
     * The listener for {@code operation}, which starts right after; {@link #NONE} to ignore it.
     */
    PuffleEventListener create(Operation operation);
  }

  /** The call starts (its input was checked; nothing was sent yet). */
  default void operationStart(Operation operation) {}

  /**
   * The call ended.
   *
   * @param attempts how many times the operation's own request was sent (a turn resent after a
   *     409 counts twice; reads around it do not count)
   * @param duration from the start to the end, on the client's clock
   * @param failure null when it succeeded; else the {@link PuffleException} the caller gets, or a
   *     {@link java.util.concurrent.CancellationException} when the caller cancelled it
   */
  default void operationEnd(Operation operation, int attempts, Duration duration, Throwable failure) {}

  /**
   * An HTTP request is about to be sent. {@code headers} adds a header to it (for trace context,
   * such as {@code traceparent}); it refuses {@code Authorization}, {@code Host}, {@code
   * Content-Length}, {@code User-Agent} and values an HTTP header cannot carry, and works only
   * until this method returns.
   */
  default void attemptStart(Attempt attempt, BiConsumer<String, String> headers) {}

  /**
   * An HTTP request ended.
   *
   * @param statusCode the response's status, or 0 when none was read (a connection failure)
   * @param requestId the request id the server sent ({@code x-request-id} and similar), or null
   * @param duration from {@link #attemptStart} to here, on the client's clock
   * @param failure null when the response was a success and was read; else the {@link
   *     PuffleException} of this attempt (an error status, a transport failure, an unreadable
   *     body), or a {@link java.util.concurrent.CancellationException} when it was stopped
   */
  default void attemptEnd(
      Attempt attempt, int statusCode, String requestId, Duration duration, Throwable failure) {}

  /**
   * The request of {@code failed} will be sent again, after {@code delay} (zero when the wait is
   * a busy wait or a reconciliation, which are reported on their own).
   */
  default void retryScheduled(Attempt failed, RetryReason reason, Duration delay) {}

  /**
   * The outcome of {@code failed} (a turn, an example run, a content turn or a create) was
   * unknown, and the server's state was read to decide: {@code verdict} says what it showed.
   */
  default void reconciled(Attempt failed, Verdict verdict) {}

  /** The call starts waiting for a session: for its own task, or for another task to end. */
  default void waitStart(Wait wait) {}

  /**
   * A poll of the wait read the session.
   *
   * @param polls polls so far, this one included
   * @param status the task status it read ({@link TaskStatus#IDLE} ends the wait)
   * @param elapsed time since the wait started
   */
  default void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {}

  /**
   * The wait ended.
   *
   * @param failure null when the session was idle; else why the wait ended (a timeout, the busy
   *     timeout, a failure of a poll, a cancel)
   */
  default void waitEnd(Wait wait, int polls, Duration elapsed, Throwable failure) {}

  /** A wait starts following the task's Trigger.dev run {@code runId}. */
  default void runWatchStart(String runId) {}

  /**
   * The run's status changed, as Trigger.dev's API names it ({@code QUEUED}, {@code EXECUTING},
   * {@code COMPLETED}, {@code FAILED}, ...; {@code UNKNOWN} for a name this SDK does not know).
   */
  default void runStatus(String runId, String status) {}

  /**
   * The run's live feed was given up, for {@code reason} ({@code UNREADABLE}, {@code UNAVAILABLE}
   * or {@code NOT_FOUND}); the run is polled instead.
   */
  default void runFallback(String runId, String reason) {}

  /**
   * The wait stopped following the run: {@code RUN_OVER} when the run ended, else why ({@code
   * TOKEN_REJECTED}, {@code FORBIDDEN}, {@code NOT_FOUND}, {@code UNAVAILABLE}, {@code
   * UNREADABLE}, {@code CANCELLED} when the wait ended first, {@code CLIENT_CLOSED}, {@code
   * INTERNAL_ERROR}). The wait goes on by polling the session.
   */
  default void runWatchEnd(String runId, String reason) {}

  /** Why a request is sent again. */
  enum RetryReason {
    /**
     * A transport failure or a retryable status (429, 5xx) that proves the request did not take
     * effect, or a passing failure of a request that is safe to repeat.
     */
    TRANSIENT,
    /** The session was busy (409): the client waits until it is idle, then sends again. */
    SESSION_BUSY,
    /** The outcome was unknown and the server's state showed it was not taken. */
    NOT_TAKEN
  }

  /** What reading the server's state showed about a request whose outcome was unknown. */
  enum Verdict {
    /** It was taken: it is not sent again, and the call goes on from the server's state. */
    TAKEN,
    /** It was not taken: it is sent again. */
    NOT_TAKEN,
    /** Another task holds the session: the client waits until it is idle and looks again. */
    UNDECIDED
  }

  /**
   * One call: what the user started. Its {@link #id()} is the contract's operationId for an
   * operation of one request ({@code getAiChatSession}, {@code runAiChatTurn}, {@code
   * createAiChatSession}, {@code generateCampaignContent}, ...), and the method's name for a
   * waiter: {@code awaitIdle}, {@code turnAndWait}, {@code generateExamplesAndWait}. Immutable.
   */
  final class Operation {
    private final String id;
    private final String method;
    private final String pathTemplate;
    private final String sessionId;

    private Operation(String id, String method, String pathTemplate, String sessionId) {
      this.id = Objects.requireNonNull(id, "id");
      this.method = Objects.requireNonNull(method, "method");
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
      this.sessionId = sessionId;
    }

    /**
     * An operation (the client makes them; this is for tests of listeners).
     *
     * @param sessionId the session it works on, or null
     */
    public static Operation of(String id, String method, String pathTemplate, String sessionId) {
      return new Operation(id, method, pathTemplate, sessionId);
    }

    /** The operation's id, e.g. {@code getAiChatSession} or {@code turnAndWait}. */
    public String id() {
      return id;
    }

    /** The HTTP method of its own request, e.g. {@code POST} for {@code turnAndWait}. */
    public String method() {
      return method;
    }

    /**
     * The path template of its own request, as the contract writes it, e.g. {@code
     * /api/campaigns/ai-chat-sessions/{id}/turn}.
     */
    public String pathTemplate() {
      return pathTemplate;
    }

    /** The session it works on, when the call names one. */
    public Optional<String> sessionId() {
      return Optional.ofNullable(sessionId);
    }

    @Override
    public String toString() {
      return "Operation{" + id + " " + method + " " + pathTemplate
          + (sessionId == null ? "" : ", session " + sessionId) + "}";
    }
  }

  /** One HTTP request of a call. Immutable. */
  final class Attempt {
    private final String operationId;
    private final String method;
    private final String pathTemplate;
    private final URI url;
    private final int number;

    private Attempt(String operationId, String method, String pathTemplate, URI url, int number) {
      this.operationId = Objects.requireNonNull(operationId, "operationId");
      this.method = Objects.requireNonNull(method, "method");
      this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
      this.url = Objects.requireNonNull(url, "url");
      this.number = number;
    }

    /** An attempt (the client makes them; this is for tests of listeners). */
    public static Attempt of(String operationId, String method, String pathTemplate, URI url, int number) {
      return new Attempt(operationId, method, pathTemplate, url, number);
    }

    /** The contract's operationId of this request, e.g. {@code getAiChatSession} for a poll. */
    public String operationId() {
      return operationId;
    }

    /** The HTTP method. */
    public String method() {
      return method;
    }

    /** The path template, as the contract writes it (low cardinality: ids are not filled in). */
    public String pathTemplate() {
      return pathTemplate;
    }

    /** The URL requested (it never holds a secret). */
    public URI url() {
      return url;
    }

    /**
     * How many requests of this operationId the call has sent, this one included: 2 and up are
     * resends (a retry, a turn sent again after a 409) or, for session reads, further polls.
     */
    public int number() {
      return number;
    }

    @Override
    public String toString() {
      return "Attempt{" + operationId + " #" + number + " " + method + " " + pathTemplate + "}";
    }
  }

  /** One wait for a session. Immutable. */
  final class Wait {
    /** What is waited for. */
    public enum Kind {
      /** The end of a task: the call's own (a turn, an example run) or any ({@code awaitIdle}). */
      TASK,
      /** Another task holding the session, before the call can send its own (a busy wait). */
      BUSY
    }

    private final Kind kind;
    private final String sessionId;
    private final TaskStatus task;

    private Wait(Kind kind, String sessionId, TaskStatus task) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
      this.task = task;
    }

    /**
     * A wait (the client makes them; this is for tests of listeners).
     *
     * @param task the task waited for, or null when it is not known yet
     */
    public static Wait of(Kind kind, String sessionId, TaskStatus task) {
      return new Wait(kind, sessionId, task);
    }

    /** What is waited for. */
    public Kind kind() {
      return kind;
    }

    /** The session. */
    public String sessionId() {
      return sessionId;
    }

    /**
     * The task waited for, when known as the wait starts: {@link TaskStatus#CHAT_PROCESSING}
     * after a turn, {@link TaskStatus#GENERATING_EXAMPLES} after an example run, the status seen
     * for a busy wait; empty for {@code awaitIdle} (the polls tell).
     */
    public Optional<TaskStatus> task() {
      return Optional.ofNullable(task);
    }

    @Override
    public String toString() {
      return "Wait{" + kind + " session " + sessionId + (task == null ? "" : ", " + task) + "}";
    }
  }
}
