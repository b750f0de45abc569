package ai.puffle.sdk;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * AI chat sessions, asynchronous: the operations of {@link Sessions}, each returning a {@link
 * CompletableFuture} at once. No thread is held while a call or a wait is in progress: polls are
 * scheduled on one shared scheduler thread and sent with OkHttp's async calls. Cancelling a future
 * ({@code cancel(true)}) stops the operation at once: no further request is sent and the one in
 * flight is cancelled. Failures complete the future with the same exceptions the blocking methods
 * throw.
 *
 * <p>Every method checks its input before sending anything: invalid input is refused at once by
 * throwing {@link InvalidInputException}, rather than by returning a failed future. Every method
 * has an overload taking {@link RequestOptions}, and retries only where that cannot send a turn or
 * an example run twice.
 */
public interface AsyncSessions {
  /** Creates an empty session for a campaign's node. Reconciles an unknown outcome before creating again. */
  CompletableFuture<Session> create(String campaignId, String nodeId, RequestOptions options);

  /** Lists a campaign's sessions, oldest first. */
  CompletableFuture<List<Session>> list(String campaignId, RequestOptions options);

  /** Reads a session. */
  CompletableFuture<Session> get(String sessionId, RequestOptions options);

  /** Writes the fields the update sets ({@code null} values clear). */
  CompletableFuture<Session> update(String sessionId, SessionUpdate update, RequestOptions options);

  /**
   * Deletes a session (a task already running on it still finishes). Safe to retry: when a retry
   * finds the session already gone (an earlier attempt deleted it but its response was lost), the
   * delete succeeds; a 404 on the first attempt throws {@link NotFoundException}.
   */
  CompletableFuture<Void> delete(String sessionId, RequestOptions options);

  /**
   * Starts a turn and returns its run at once; the reply appears on the session when its task
   * status is idle again. Waits for a busy session first; sends the message at most once.
   */
  CompletableFuture<RunHandle> turn(String sessionId, TurnRequest request, RequestOptions options);

  /**
   * Starts an example run (one example per lead). Refuses without sending when the session has no
   * skeleton yet.
   */
  CompletableFuture<RunHandle> generateExamples(String sessionId, ExamplesRequest request, RequestOptions options);

  /**
   * Polls the session until its task status is idle and returns it.
   *
   * @return completes with {@link PuffleTimeoutException} when the wait's timeout passes
   */
  CompletableFuture<Session> awaitIdle(String sessionId, WaitOptions wait, RequestOptions options);

  /**
   * Waits until the session is idle, following {@code run} (the run a turn or example run
   * returned): returns as soon as the run ends, one read after it, instead of at the next poll.
   * The session is still polled, less often, and alone when following the run fails or is off.
   *
   * @throws PuffleTimeoutException when the wait's timeout passes (it carries the last session)
   */
  CompletableFuture<Session> awaitIdle(String sessionId, RunHandle run, WaitOptions wait, RequestOptions options);

  /**
   * Sends a turn, waits for its task, and reports what it did.
   *
   * @return completes with {@link TurnFailedException} when the task ended without an assistant reply
   */
  CompletableFuture<TurnResult> turnAndWait(String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options);

  /**
   * Sends a turn and completes with its {@link LiveTurn} once Puffle accepted it (see {@link
   * Sessions#startTurn}).
   */
  CompletableFuture<LiveTurn> startTurn(String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options);

  /**
   * The {@link LiveTurn} of a saved turn (see {@link Sessions#resumeTurn}); a malformed string
   * throws {@link InvalidInputException} at once.
   */
  LiveTurn resumeTurn(String saved, WaitOptions wait, RequestOptions options);

  /**
   * Starts an example run, waits for it, and returns the examples. Refuses without sending when the
   * session has no skeleton yet.
   */
  CompletableFuture<ExamplesResult> generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait, RequestOptions options);

  /** {@link #create(String, String, RequestOptions)} with the client's options. */
  default CompletableFuture<Session> create(String campaignId, String nodeId) {
    return create(campaignId, nodeId, RequestOptions.none());
  }

  /** {@link #list(String, RequestOptions)} with the client's options. */
  default CompletableFuture<List<Session>> list(String campaignId) {
    return list(campaignId, RequestOptions.none());
  }

  /** {@link #get(String, RequestOptions)} with the client's options. */
  default CompletableFuture<Session> get(String sessionId) {
    return get(sessionId, RequestOptions.none());
  }

  /** {@link #update(String, SessionUpdate, RequestOptions)} with the client's options. */
  default CompletableFuture<Session> update(String sessionId, SessionUpdate update) {
    return update(sessionId, update, RequestOptions.none());
  }

  /** {@link #delete(String, RequestOptions)} with the client's options. */
  default CompletableFuture<Void> delete(String sessionId) {
    return delete(sessionId, RequestOptions.none());
  }

  /** {@link #turn(String, TurnRequest, RequestOptions)} with the client's options. */
  default CompletableFuture<RunHandle> turn(String sessionId, TurnRequest request) {
    return turn(sessionId, request, RequestOptions.none());
  }

  /** {@link #generateExamples(String, ExamplesRequest, RequestOptions)} with the client's options. */
  default CompletableFuture<RunHandle> generateExamples(String sessionId, ExamplesRequest request) {
    return generateExamples(sessionId, request, RequestOptions.none());
  }

  /** {@link #awaitIdle(String, WaitOptions, RequestOptions)} with default wait and client options. */
  default CompletableFuture<Session> awaitIdle(String sessionId) {
    return awaitIdle(sessionId, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #awaitIdle(String, WaitOptions, RequestOptions)} with the client's options. */
  default CompletableFuture<Session> awaitIdle(String sessionId, WaitOptions wait) {
    return awaitIdle(sessionId, wait, RequestOptions.none());
  }

  /** {@link #awaitIdle(String, RunHandle, WaitOptions, RequestOptions)} with defaults. */
  default CompletableFuture<Session> awaitIdle(String sessionId, RunHandle run) {
    return awaitIdle(sessionId, run, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #startTurn(String, TurnRequest, WaitOptions, RequestOptions)} with defaults. */
  default CompletableFuture<LiveTurn> startTurn(String sessionId, TurnRequest request) {
    return startTurn(sessionId, request, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #turnAndWait(String, TurnRequest, WaitOptions, RequestOptions)} with defaults. */
  default CompletableFuture<TurnResult> turnAndWait(String sessionId, TurnRequest request) {
    return turnAndWait(sessionId, request, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #turnAndWait(String, TurnRequest, WaitOptions, RequestOptions)} with the client's options. */
  default CompletableFuture<TurnResult> turnAndWait(String sessionId, TurnRequest request, WaitOptions wait) {
    return turnAndWait(sessionId, request, wait, RequestOptions.none());
  }

  /** {@link #generateExamplesAndWait(String, ExamplesRequest, WaitOptions, RequestOptions)} with defaults. */
  default CompletableFuture<ExamplesResult> generateExamplesAndWait(String sessionId, ExamplesRequest request) {
    return generateExamplesAndWait(sessionId, request, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #generateExamplesAndWait(String, ExamplesRequest, WaitOptions, RequestOptions)} with the client's options. */
  default CompletableFuture<ExamplesResult> generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait) {
    return generateExamplesAndWait(sessionId, request, wait, RequestOptions.none());
  }
}
