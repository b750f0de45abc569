package ai.puffle.sdk;

import java.util.List;

/**
 * AI chat sessions, blocking. One session drafts one email (one sequence node). Get it from
 * {@link PuffleClient#sessions()}; the same operations returning futures are on {@link
 * PuffleClient#async()}.
 *
 * <p>Every method checks its input before sending anything ({@link InvalidInputException}), has
 * an overload taking {@link RequestOptions}, and retries only where that cannot send a turn or an
 * example run twice.
 */
public interface Sessions {
  /** Creates an empty session for a campaign's node. Reconciles an unknown outcome before creating again. */
  Session create(String campaignId, String nodeId, RequestOptions options);

  /** Lists a campaign's sessions, oldest first. */
  List<Session> list(String campaignId, RequestOptions options);

  /** Reads a session. */
  Session get(String sessionId, RequestOptions options);

  /** Writes the fields the update sets ({@code null} values clear). */
  Session update(String sessionId, SessionUpdate update, RequestOptions options);

  /**
   * Deletes a session (a task already running on it still finishes). Safe to retry: when a retry
   * finds the session already gone (an earlier attempt deleted it but its response was lost), the
   * delete succeeds; a 404 on the first attempt throws {@link NotFoundException}.
   */
  void delete(String sessionId, RequestOptions options);

  /**
   * Starts a turn and returns its run at once; the reply appears on the session when its task
   * status is idle again. Waits for a busy session first; sends the message at most once.
   */
  RunHandle turn(String sessionId, TurnRequest request, RequestOptions options);

  /**
   * Starts an example run (one example per lead). Refuses without sending when the session has no
   * skeleton yet.
   */
  RunHandle generateExamples(String sessionId, ExamplesRequest request, RequestOptions options);

  /**
   * Polls the session until its task status is idle and returns it.
   *
   * @throws PuffleTimeoutException when the wait's timeout passes (it carries the last session)
   */
  Session awaitIdle(String sessionId, WaitOptions wait, RequestOptions options);

  /**
   * Waits until the session is idle, following {@code run} (the run a turn or example run
   * returned): returns as soon as the run ends, one read after it, instead of at the next poll.
   * The session is still polled, less often, and alone when following the run fails or is off.
   *
   * @throws PuffleTimeoutException when the wait's timeout passes (it carries the last session)
   */
  Session awaitIdle(String sessionId, RunHandle run, WaitOptions wait, RequestOptions options);

  /**
   * Sends a turn, waits for its task, and reports what it did.
   *
   * @throws TurnFailedException when the task ended without an assistant reply
   * @throws PuffleTimeoutException when the wait's timeout passes
   */
  TurnResult turnAndWait(String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options);

  /**
   * Sends a turn (at most once, as {@link #turn} does) and returns its {@link LiveTurn} once
   * Puffle accepted it: the run's statuses and the chunks it streams as they arrive, and the
   * result when the turn is over ({@link LiveTurn#await()}). {@code wait} governs the wait as for
   * {@link #turnAndWait}.
   */
  LiveTurn startTurn(String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options);

  /**
   * The {@link LiveTurn} of a turn another process started and saved ({@link LiveTurn#save()}),
   * without sending anything.
   *
   * @throws InvalidInputException when {@code saved} is malformed or was altered, before any
   *     request
   */
  LiveTurn resumeTurn(String saved, WaitOptions wait, RequestOptions options);

  /**
   * Starts an example run, waits for it, and returns the examples. Refuses without sending when the
   * session has no skeleton yet.
   */
  ExamplesResult generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait, RequestOptions options);

  /** {@link #create(String, String, RequestOptions)} with the client's options. */
  default Session create(String campaignId, String nodeId) {
    return create(campaignId, nodeId, RequestOptions.none());
  }

  /** {@link #list(String, RequestOptions)} with the client's options. */
  default List<Session> list(String campaignId) {
    return list(campaignId, RequestOptions.none());
  }

  /** {@link #get(String, RequestOptions)} with the client's options. */
  default Session get(String sessionId) {
    return get(sessionId, RequestOptions.none());
  }

  /** {@link #update(String, SessionUpdate, RequestOptions)} with the client's options. */
  default Session update(String sessionId, SessionUpdate update) {
    return update(sessionId, update, RequestOptions.none());
  }

  /** {@link #delete(String, RequestOptions)} with the client's options. */
  default void delete(String sessionId) {
    delete(sessionId, RequestOptions.none());
  }

  /** {@link #turn(String, TurnRequest, RequestOptions)} with the client's options. */
  default RunHandle turn(String sessionId, TurnRequest request) {
    return turn(sessionId, request, RequestOptions.none());
  }

  /** {@link #generateExamples(String, ExamplesRequest, RequestOptions)} with the client's options. */
  default RunHandle generateExamples(String sessionId, ExamplesRequest request) {
    return generateExamples(sessionId, request, RequestOptions.none());
  }

  /** {@link #awaitIdle(String, WaitOptions, RequestOptions)} with default wait and client options. */
  default Session awaitIdle(String sessionId) {
    return awaitIdle(sessionId, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #awaitIdle(String, WaitOptions, RequestOptions)} with the client's options. */
  default Session awaitIdle(String sessionId, WaitOptions wait) {
    return awaitIdle(sessionId, wait, RequestOptions.none());
  }

  /** {@link #awaitIdle(String, RunHandle, WaitOptions, RequestOptions)} with defaults. */
  default Session awaitIdle(String sessionId, RunHandle run) {
    return awaitIdle(sessionId, run, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #startTurn(String, TurnRequest, WaitOptions, RequestOptions)} with defaults. */
  default LiveTurn startTurn(String sessionId, TurnRequest request) {
    return startTurn(sessionId, request, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #resumeTurn(String, WaitOptions, RequestOptions)} with defaults. */
  default LiveTurn resumeTurn(String saved) {
    return resumeTurn(saved, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #turnAndWait(String, TurnRequest, WaitOptions, RequestOptions)} with defaults. */
  default TurnResult turnAndWait(String sessionId, TurnRequest request) {
    return turnAndWait(sessionId, request, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #turnAndWait(String, TurnRequest, WaitOptions, RequestOptions)} with the client's options. */
  default TurnResult turnAndWait(String sessionId, TurnRequest request, WaitOptions wait) {
    return turnAndWait(sessionId, request, wait, RequestOptions.none());
  }

  /** {@link #generateExamplesAndWait(String, ExamplesRequest, WaitOptions, RequestOptions)} with defaults. */
  default ExamplesResult generateExamplesAndWait(String sessionId, ExamplesRequest request) {
    return generateExamplesAndWait(sessionId, request, WaitOptions.defaults(), RequestOptions.none());
  }

  /** {@link #generateExamplesAndWait(String, ExamplesRequest, WaitOptions, RequestOptions)} with the client's options. */
  default ExamplesResult generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait) {
    return generateExamplesAndWait(sessionId, request, wait, RequestOptions.none());
  }
}
