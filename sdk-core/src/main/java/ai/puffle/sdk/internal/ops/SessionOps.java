package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.live.SavedTurn;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.mapping.RequestMapping;
import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.mapping.WireMapper;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The AI chat session methods that do more than send one request and map its answer, written once
 * for blocking and async use: each returns the future of its {@link Flow}, which a blocking caller
 * awaits on its own thread. The generated {@code SessionCalls} (openapi.yaml's {@code
 * x-puffle-sdk}) extends this class with the methods that send one request, and implements {@link
 * ai.puffle.sdk.Sessions} and {@link ai.puffle.sdk.AsyncSessions} over both.
 */
public abstract class SessionOps {
  /** Base timeout of an examples wait; 20 s per lead is added. */
  public static final Duration EXAMPLES_BASE_TIMEOUT = Duration.ofMinutes(10);
  /** Timeout added per lead to an examples wait. */
  public static final Duration EXAMPLES_PER_LEAD = Duration.ofSeconds(20);

  private final ClientContext ctx;
  private final Waiter waiter;

  /** Operations over {@code ctx}. */
  protected SessionOps(ClientContext ctx) {
    this.ctx = ctx;
    this.waiter = new Waiter(ctx);
  }

  /** The request builders of the session operations, for the generated calls. */
  protected final AiChatSessionsApi api() {
    return ctx.sessionsApi;
  }

  /** Sends one request for the generated calls ({@link ClientContext#send}). */
  protected final <T> Flow<T> send(ApiRequest<T> request, String sessionId, RequestOptions options, Flow<T> flow) {
    return ctx.send(request, sessionId, options, flow);
  }

  /**
   * Creates a session. The node's sessions are listed first, so that an unknown outcome is
   * reconciled by a session that was not there before.
   */
  public Flow<Session> create(String campaignId, String nodeId, RequestOptions options, Flow<Session> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    CallScope scope = ctx.scope(options, flow, AiChatSessionsApi.CREATE_AI_CHAT_SESSION, null);
    return flow.run(f -> list(campaignId, scope).thenCompose(existing -> {
      Set<String> before = existing.stream()
          .filter(s -> nodeId.equals(s.nodeId())).map(Session::id).collect(Collectors.toSet());
      return new TaskSender<>(
              ctx, waiter,
              ctx.sessionsApi.createAiChatSession(RequestMapping.createSession(campaignId, nodeId))
                  .map(WireMapper::toSession),
              ctx.transport, scope, null,
              TakenEvidence.create(s -> list(campaignId, s), nodeId, before))
          .send();
    }));
  }

  CompletableFuture<List<Session>> list(String campaignId, CallScope scope) {
    return ctx.runner.call(
        ctx.sessionsApi.listAiChatSessions(campaignId).map(WireMapper::toSessions), ctx.transport, scope);
  }

  CompletableFuture<Session> get(String sessionId, CallScope scope) {
    return ctx.runner.call(
        ctx.sessionsApi.getAiChatSession(sessionId).map(WireMapper::toSession), ctx.transport, scope);
  }

  /**
   * Deletes a session. A 404 on a retry means an earlier attempt whose response was lost already
   * deleted it, so it counts as success; a 404 on the first attempt is still thrown. OkHttp does
   * not repeat a DELETE by itself ({@link ai.puffle.sdk.internal.exec.RetryRules#okHttpMayRepeat}):
   * the client's retry does, and counts the attempt.
   */
  public Flow<Void> delete(String sessionId, RequestOptions options, Flow<Void> flow) {
    Validate.uuid("sessionId", sessionId);
    CallScope scope = ctx.scope(options, flow, AiChatSessionsApi.DELETE_AI_CHAT_SESSION, sessionId);
    return flow.run(f -> ctx.runner.call(ctx.sessionsApi.deleteAiChatSession(sessionId), ctx.transport, scope)
        .handle((r, error) -> {
          Throwable e = error == null ? null : Flow.unwrap(error);
          return e == null || (e instanceof NotFoundException && ((NotFoundException) e).attempts() > 1)
              ? CompletableFuture.<Void>completedFuture(null)
              : CompletableFuture.<Void>failedFuture(e);
        })
        .thenCompose(done -> done));
  }

  /** Sends a turn at most once: reads the session first, waiting while it is busy. */
  public Flow<RunHandle> turn(String sessionId, TurnRequest request, RequestOptions options, Flow<RunHandle> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("turnRequest", request);
    CallScope scope = ctx.scope(options, flow, AiChatSessionsApi.RUN_AI_CHAT_TURN, sessionId);
    return flow.run(f -> idleBefore(sessionId, "runAiChatTurn", scope)
        .thenCompose(before -> turnSender(sessionId, request, before, scope).send()));
  }

  /** Starts an example run at most once; refuses before sending when there is no skeleton. */
  public Flow<RunHandle> generateExamples(
      String sessionId, ExamplesRequest request, RequestOptions options, Flow<RunHandle> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("examplesRequest", request);
    CallScope scope = ctx.scope(options, flow, AiChatSessionsApi.GENERATE_AI_CHAT_EXAMPLES, sessionId);
    return flow.run(f -> idleBefore(sessionId, "generateAiChatExamples", scope)
        .thenCompose(before -> examplesSender(sessionId, request, before, scope).send()));
  }

  /** Waits until the session is idle; the first poll is at once. */
  public Flow<Session> awaitIdle(String sessionId, WaitOptions wait, RequestOptions options, Flow<Session> flow) {
    return awaitIdleFollowing(sessionId, null, wait, options, flow);
  }

  /**
   * Waits until the session is idle, following {@code run} (the run of the task being waited for)
   * too: returns as soon as it ends.
   */
  public Flow<Session> awaitIdle(
      String sessionId, RunHandle run, WaitOptions wait, RequestOptions options, Flow<Session> flow) {
    Validate.notNull("run", run);
    return awaitIdleFollowing(sessionId, run, wait, options, flow);
  }

  private Flow<Session> awaitIdleFollowing(
      String sessionId, RunHandle run, WaitOptions wait, RequestOptions options, Flow<Session> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("waitOptions", wait);
    Duration timeout = wait.timeout().orElse(WaitOptions.DEFAULT_TURN_TIMEOUT);
    CallScope scope = ctx.waiterScope(
        options, flow, timeout, "awaitIdle", AiChatSessionsApi.GET_AI_CHAT_SESSION, sessionId);
    return flow.run(f -> waitForTask(sessionId, run, wait, timeout, false, null, scope));
  }

  /** Sends a turn, waits for its task, and reports what it did. */
  public Flow<TurnResult> turnAndWait(
      String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options, Flow<TurnResult> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("turnRequest", request);
    Validate.notNull("waitOptions", wait);
    Duration timeout = wait.timeout().orElse(WaitOptions.DEFAULT_TURN_TIMEOUT);
    CallScope scope = ctx.waiterScope(
        options, flow, timeout, "turnAndWait", AiChatSessionsApi.RUN_AI_CHAT_TURN, sessionId);
    long start = ctx.timing.nanoTime();
    return flow.run(f -> idleBefore(sessionId, "runAiChatTurn", scope).thenCompose(before -> {
      TaskSender<RunHandle> sender = turnSender(sessionId, request, before, scope);
      return sender.send()
          .thenCompose(handle -> afterTask(
                  sender, sessionId, handle, wait, timeout, TaskStatus.CHAT_PROCESSING, scope)
              .thenApply(after -> TurnOutcome.of(
                  TurnBaseline.of(before, request.message()), after, handle, sender.sends(),
                  Duration.ofNanos(ctx.timing.nanoTime() - start))));
    }));
  }

  /**
   * Sends a turn at most once, as {@link #turn} does, and returns its live handle once Puffle
   * accepted it: the handle waits for the turn as {@link #turnAndWait} would, following the run
   * and reading its streams.
   */
  public Flow<LiveTurn> startTurn(
      String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options, Flow<LiveTurn> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("turnRequest", request);
    Validate.notNull("waitOptions", wait);
    CallScope scope = ctx.scope(options, flow, AiChatSessionsApi.RUN_AI_CHAT_TURN, sessionId);
    long start = ctx.timing.nanoTime();
    return flow.run(f -> idleBefore(sessionId, "runAiChatTurn", scope).thenCompose(before -> {
      TaskSender<RunHandle> sender = turnSender(sessionId, request, before, scope);
      return sender.send().thenApply(handle -> LiveTurnImpl.start(
          ctx, waiter, sessionId, handle, TurnBaseline.of(before, request.message()), sender.sends(),
          sender.settled(), true, wait, options, start));
    }));
  }

  /**
   * The live handle of a turn saved in another process ({@link LiveTurn#save()}), without sending
   * anything: it waits for the session to be idle (the first poll at once, since the turn may be
   * over), following the run when the string carries its token.
   *
   * @throws ai.puffle.sdk.InvalidInputException when the string is malformed or altered (before
   *     any request)
   */
  public LiveTurn resumeTurn(String saved, WaitOptions wait, RequestOptions options) {
    SavedTurn turn = SavedTurn.read(saved);
    Validate.notNull("waitOptions", wait);
    return LiveTurnImpl.start(ctx, waiter, turn.sessionId(), turn.run(), turn.baseline(), 1, null,
        false, wait, options, ctx.timing.nanoTime());
  }

  /** Starts an example run, waits for it, and returns the examples. */
  public Flow<ExamplesResult> generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait, RequestOptions options, Flow<ExamplesResult> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("examplesRequest", request);
    Validate.notNull("waitOptions", wait);
    Duration timeout = wait.timeout().orElse(
        EXAMPLES_BASE_TIMEOUT.plus(EXAMPLES_PER_LEAD.multipliedBy(request.leads().size())));
    CallScope scope = ctx.waiterScope(options, flow, timeout, "generateExamplesAndWait",
        AiChatSessionsApi.GENERATE_AI_CHAT_EXAMPLES, sessionId);
    long start = ctx.timing.nanoTime();
    return flow.run(f -> idleBefore(sessionId, "generateAiChatExamples", scope).thenCompose(before -> {
      TaskSender<RunHandle> sender = examplesSender(sessionId, request, before, scope);
      return sender.send()
          .thenCompose(handle -> afterTask(
                  sender, sessionId, handle, wait, timeout, TaskStatus.GENERATING_EXAMPLES, scope)
              .thenApply(after -> SdkAccess.get().examplesResult(after.generatedExamples(), after, handle,
                  Duration.ofNanos(ctx.timing.nanoTime() - start))));
    }));
  }

  /**
   * The session once the sender's task is over: the one reconciling found idle, or the end of a
   * wait whose first poll comes after the first interval (the task was just accepted). {@code
   * task}: the status of the task sent, as the wait reports it.
   */
  private CompletableFuture<Session> afterTask(
      TaskSender<?> sender, String sessionId, RunHandle run, WaitOptions wait, Duration timeout,
      TaskStatus task, CallScope scope) {
    Session settled = sender.settled();
    return settled != null
        ? CompletableFuture.completedFuture(settled)
        : waitForTask(sessionId, run, wait, timeout, true, task, scope);
  }

  private CompletableFuture<Session> waitForTask(
      String sessionId, RunHandle run, WaitOptions wait, Duration timeout, boolean knownBusy,
      TaskStatus task, CallScope scope) {
    return waiter.forTask(sessionId, run, wait.watchRun(), wait.initialPollInterval(),
        wait.maxPollInterval(), timeout, knownBusy, task, scope);
  }

  /** The session before a task, waited out while busy so that the task is not sent into a 409. */
  private CompletableFuture<Session> idleBefore(String sessionId, String operation, CallScope scope) {
    return get(sessionId, scope).thenCompose(s -> s.isBusy()
        ? waiter.whileBusy(operation, sessionId, s.taskStatus(), scope)
        : CompletableFuture.completedFuture(s));
  }

  private TaskSender<RunHandle> turnSender(
      String sessionId, TurnRequest request, Session before, CallScope scope) {
    return new TaskSender<>(
        ctx, waiter,
        ctx.sessionsApi.runAiChatTurn(sessionId, RequestMapping.toWire(request)).map(WireMapper::toRunHandle),
        ctx.transport, scope, sessionId,
        TakenEvidence.turn(s -> get(sessionId, s), before.messages().size(), request.message()));
  }

  private TaskSender<RunHandle> examplesSender(
      String sessionId, ExamplesRequest request, Session before, CallScope scope) {
    if (!before.hasSkeleton()) {
      throw SdkAccess.get().apiException(ai.puffle.sdk.internal.http.ErrorDetails.builder()
          .operation("generateAiChatExamples")
          .statusCode(400)
          .errorMessage("Session has no framework yet. Chat first to create one. "
              + "(checked by the client before sending: run turns until the session has a skeleton)")
          .build(), null, null);
    }
    return new TaskSender<>(
        ctx, waiter,
        ctx.sessionsApi.generateAiChatExamples(sessionId, RequestMapping.toWire(request)).map(WireMapper::toRunHandle),
        ctx.transport, scope, sessionId,
        TakenEvidence.examples(s -> get(sessionId, s), before.generatedExamples(),
            request.leads().size(), request.firstBatch()));
  }
}
