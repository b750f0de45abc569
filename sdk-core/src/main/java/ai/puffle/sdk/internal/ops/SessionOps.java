package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.BadRequestException;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.CallSpec;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.mapping.WireMapper;
import ai.puffle.sdk.internal.ops.TaskSender.Reconciled;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The AI chat session operations, written once for blocking and async use: each returns the
 * future of its {@link Flow}, which a blocking caller awaits on its own thread.
 */
public final class SessionOps {
  /** Base timeout of an examples wait; 20 s per lead is added. */
  public static final Duration EXAMPLES_BASE_TIMEOUT = Duration.ofMinutes(10);
  /** Timeout added per lead to an examples wait. */
  public static final Duration EXAMPLES_PER_LEAD = Duration.ofSeconds(20);

  private final ClientContext ctx;
  private final Waiter waiter;

  /** Operations over {@code ctx}. */
  public SessionOps(ClientContext ctx) {
    this.ctx = ctx;
    this.waiter = new Waiter(ctx);
  }

  /** Creates a session; an unknown outcome is reconciled by listing the node's sessions. */
  public Flow<Session> create(String campaignId, String nodeId, RequestOptions options, Flow<Session> flow) {
    Validate.uuid("campaignId", campaignId);
    Validate.uuid("nodeId", nodeId);
    RequestOptions o = ctx.effective(options);
    CallSpec spec = ctx.spec(o, CallSpec.Safety.SEND_ONCE);
    return flow.run(f -> new TaskSender<>(
            ctx, waiter,
            ctx.sessionsApi.createAiChatSession(WireMapper.createSession(campaignId, nodeId))
                .map(WireMapper::toSession),
            spec, f, null, Duration.ZERO,
            g -> list(campaignId, spec, g).thenApply(sessions -> sessions.stream()
                .filter(s -> nodeId.equals(s.nodeId()))
                .reduce((a, b) -> b)
                .map(Reconciled::taken)
                .orElseGet(Reconciled::notTaken)))
        .send());
  }

  /** Lists a campaign's sessions, oldest first. */
  public Flow<List<Session>> list(String campaignId, RequestOptions options, Flow<List<Session>> flow) {
    Validate.uuid("campaignId", campaignId);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> list(campaignId, spec, f));
  }

  private CompletableFuture<List<Session>> list(String campaignId, CallSpec spec, Flow<?> flow) {
    return ctx.runner.call(
        ctx.sessionsApi.listAiChatSessions(campaignId).map(WireMapper::toSessions),
        spec.with(CallSpec.Safety.IDEMPOTENT), flow);
  }

  /** Reads a session. */
  public Flow<Session> get(String sessionId, RequestOptions options, Flow<Session> flow) {
    Validate.uuid("sessionId", sessionId);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> get(sessionId, spec, f));
  }

  CompletableFuture<Session> get(String sessionId, CallSpec spec, Flow<?> flow) {
    return ctx.runner.call(
        ctx.sessionsApi.getAiChatSession(sessionId).map(WireMapper::toSession),
        spec.with(CallSpec.Safety.IDEMPOTENT), flow);
  }

  /** Writes the fields the update sets. */
  public Flow<Session> update(String sessionId, SessionUpdate update, RequestOptions options, Flow<Session> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("sessionUpdate", update);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> ctx.runner.call(
            ctx.sessionsApi.updateAiChatSession(sessionId, WireMapper.toWire(update))
                .map(WireMapper::toSession),
            spec, f));
  }

  /**
   * Deletes a session. A 404 on a retry means an earlier attempt whose response was lost already
   * deleted it, so it counts as success; a 404 on the first attempt is still thrown. OkHttp does
   * not repeat the DELETE by itself (its silent repeat would turn that 404 into a first-attempt
   * 404): the client's retry does, and counts the attempt.
   */
  public Flow<Void> delete(String sessionId, RequestOptions options, Flow<Void> flow) {
    Validate.uuid("sessionId", sessionId);
    CallSpec idempotent = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    CallSpec spec = idempotent.with(idempotent.transportOf().sendOnce());
    return flow.run(f -> ctx.runner.call(ctx.sessionsApi.deleteAiChatSession(sessionId), spec, f)
        .handle((r, error) -> {
          Throwable e = error == null ? null : Flow.unwrap(error);
          return e == null || (e instanceof NotFoundException && ((NotFoundException) e).attempts() > 1)
              ? CompletableFuture.<Void>completedFuture(null)
              : CompletableFuture.<Void>failedFuture(e);
        })
        .thenCompose(done -> done));
  }

  /** Sends a turn at most once: reads the session first so that an unknown outcome can be reconciled. */
  public Flow<RunHandle> turn(String sessionId, TurnRequest request, RequestOptions options, Flow<RunHandle> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("turnRequest", request);
    RequestOptions o = ctx.effective(options);
    CallSpec spec = ctx.spec(o, CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> idleBefore(sessionId, o, spec, f)
        .thenCompose(before -> sendTurn(sessionId, request, before, o, spec, f).send()));
  }

  /** Starts an example run at most once; refuses before sending when there is no skeleton. */
  public Flow<RunHandle> generateExamples(String sessionId, ExamplesRequest request, RequestOptions options, Flow<RunHandle> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("examplesRequest", request);
    RequestOptions o = ctx.effective(options);
    CallSpec spec = ctx.spec(o, CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> idleBefore(sessionId, o, spec, f)
        .thenCompose(before -> sendExamples(sessionId, request, before, o, spec, f).send()));
  }

  /** Polls until the session is idle. */
  public Flow<Session> awaitIdle(String sessionId, WaitOptions wait, RequestOptions options, Flow<Session> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("waitOptions", wait);
    CallSpec spec = ctx.spec(ctx.effective(options), CallSpec.Safety.IDEMPOTENT);
    return flow.run(f -> waiter.awaitIdle(sessionId, wait, WaitOptions.DEFAULT_TURN_TIMEOUT, spec, f));
  }

  /** Sends a turn, waits for its task, and reports what it did. */
  public Flow<TurnResult> turnAndWait(
      String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options, Flow<TurnResult> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("turnRequest", request);
    Validate.notNull("waitOptions", wait);
    RequestOptions o = ctx.effective(options);
    CallSpec spec = ctx.spec(o, CallSpec.Safety.IDEMPOTENT);
    long start = ctx.timing().nanoTime();
    return flow.run(f -> idleBefore(sessionId, o, spec, f).thenCompose(before -> {
      TaskSender<RunHandle> sender = sendTurn(sessionId, request, before, o, spec, f);
      return sender.send().thenCompose(handle ->
          waiter.awaitIdle(sessionId, wait, WaitOptions.DEFAULT_TURN_TIMEOUT, spec, f)
              .thenApply(after -> TurnOutcome.of(
                  request.message(), before, after, handle, sender.sends(),
                  Duration.ofNanos(ctx.timing().nanoTime() - start))));
    }));
  }

  /** Starts an example run, waits for it, and returns the examples. */
  public Flow<ExamplesResult> generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait, RequestOptions options, Flow<ExamplesResult> flow) {
    Validate.uuid("sessionId", sessionId);
    Validate.notNull("examplesRequest", request);
    Validate.notNull("waitOptions", wait);
    RequestOptions o = ctx.effective(options);
    CallSpec spec = ctx.spec(o, CallSpec.Safety.IDEMPOTENT);
    long start = ctx.timing().nanoTime();
    Duration timeout = EXAMPLES_BASE_TIMEOUT.plus(EXAMPLES_PER_LEAD.multipliedBy(request.leads().size()));
    return flow.run(f -> idleBefore(sessionId, o, spec, f).thenCompose(before ->
        sendExamples(sessionId, request, before, o, spec, f).send().thenCompose(handle ->
            waiter.awaitIdle(sessionId, wait, timeout, spec, f).thenApply(after ->
                new ExamplesResult(after.generatedExamples(), after, handle,
                    Duration.ofNanos(ctx.timing().nanoTime() - start))))));
  }

  /** The session before a task: waited out when busy, so the task is not sent into a 409. */
  private CompletableFuture<Session> idleBefore(String sessionId, RequestOptions o, CallSpec spec, Flow<?> f) {
    return get(sessionId, spec, f).thenCompose(s -> {
      Duration busy = ctx.busyTimeout(o);
      if (!s.isBusy() || busy.isZero()) {
        return CompletableFuture.completedFuture(s);
      }
      return waiter.awaitIdle(sessionId, WaitOptions.builder().timeout(busy).build(), busy, spec, f);
    });
  }

  private TaskSender<RunHandle> sendTurn(
      String sessionId, TurnRequest request, Session before, RequestOptions o, CallSpec spec, Flow<?> f) {
    int baseline = before.messages().size();
    return new TaskSender<>(
        ctx, waiter,
        ctx.sessionsApi.runAiChatTurn(sessionId, WireMapper.toWire(request)).map(WireMapper::toRunHandle),
        spec, f, sessionId, ctx.busyTimeout(o),
        g -> get(sessionId, spec, g).thenApply(s ->
            s.isBusy() || TaskSender.hasUserMessageAfter(s, baseline, request.message())
                ? Reconciled.taken(RunHandle.unknown())
                : Reconciled.<RunHandle>notTaken()));
  }

  private TaskSender<RunHandle> sendExamples(
      String sessionId, ExamplesRequest request, Session before, RequestOptions o, CallSpec spec, Flow<?> f) {
    if (!before.hasSkeleton()) {
      throw new BadRequestException(ai.puffle.sdk.ErrorDetails.builder()
          .operation("generateAiChatExamples")
          .statusCode(400)
          .errorMessage("Session has no framework yet. Chat first to create one. "
              + "(checked by the client before sending: run turns until the session has a skeleton)")
          .build());
    }
    List<?> examplesBefore = before.generatedExamples();
    return new TaskSender<>(
        ctx, waiter,
        ctx.sessionsApi.generateAiChatExamples(sessionId, WireMapper.toWire(request)).map(WireMapper::toRunHandle),
        spec, f, sessionId, ctx.busyTimeout(o),
        g -> get(sessionId, spec, g).thenApply(s ->
            s.isBusy() || !s.generatedExamples().equals(examplesBefore)
                ? Reconciled.taken(RunHandle.unknown())
                : Reconciled.<RunHandle>notTaken()));
  }
}
