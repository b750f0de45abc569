package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.AsyncSessions;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.Flow;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** {@link AsyncSessions}: each operation runs as an async flow; the flow is the future. */
public final class AsyncSessionsImpl implements AsyncSessions {
  private final SessionOps ops;

  /** Async sessions over {@code ops}. */
  public AsyncSessionsImpl(SessionOps ops) {
    this.ops = ops;
  }

  @Override
  public CompletableFuture<Session> create(String campaignId, String nodeId, RequestOptions options) {
    return ops.create(campaignId, nodeId, options, Flow.async());
  }

  @Override
  public CompletableFuture<List<Session>> list(String campaignId, RequestOptions options) {
    return ops.list(campaignId, options, Flow.async());
  }

  @Override
  public CompletableFuture<Session> get(String sessionId, RequestOptions options) {
    return ops.get(sessionId, options, Flow.async());
  }

  @Override
  public CompletableFuture<Session> update(String sessionId, SessionUpdate update, RequestOptions options) {
    return ops.update(sessionId, update, options, Flow.async());
  }

  @Override
  public CompletableFuture<Void> delete(String sessionId, RequestOptions options) {
    return ops.delete(sessionId, options, Flow.async());
  }

  @Override
  public CompletableFuture<RunHandle> turn(String sessionId, TurnRequest request, RequestOptions options) {
    return ops.turn(sessionId, request, options, Flow.async());
  }

  @Override
  public CompletableFuture<RunHandle> generateExamples(String sessionId, ExamplesRequest request, RequestOptions options) {
    return ops.generateExamples(sessionId, request, options, Flow.async());
  }

  @Override
  public CompletableFuture<Session> awaitIdle(String sessionId, WaitOptions wait, RequestOptions options) {
    return ops.awaitIdle(sessionId, null, wait, options, Flow.async());
  }

  @Override
  public CompletableFuture<Session> awaitIdle(
      String sessionId, RunHandle run, WaitOptions wait, RequestOptions options) {
    ai.puffle.sdk.internal.mapping.Validate.notNull("run", run);
    return ops.awaitIdle(sessionId, run, wait, options, Flow.async());
  }

  @Override
  public CompletableFuture<TurnResult> turnAndWait(
      String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options) {
    return ops.turnAndWait(sessionId, request, wait, options, Flow.async());
  }

  @Override
  public CompletableFuture<ExamplesResult> generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait, RequestOptions options) {
    return ops.generateExamplesAndWait(sessionId, request, wait, options, Flow.async());
  }

  @Override
  public CompletableFuture<LiveTurn> startTurn(
      String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options) {
    return ops.startTurn(sessionId, request, wait, options, Flow.async());
  }

  @Override
  public LiveTurn resumeTurn(String saved, WaitOptions wait, RequestOptions options) {
    return ops.resumeTurn(saved, wait, options);
  }
}
