package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.Sessions;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.exec.Flow;
import java.util.List;

/** {@link Sessions}: each operation runs as a blocking flow on the caller's thread. */
public final class BlockingSessions implements Sessions {
  private final SessionOps ops;

  /** Blocking sessions over {@code ops}. */
  public BlockingSessions(SessionOps ops) {
    this.ops = ops;
  }

  @Override
  public Session create(String campaignId, String nodeId, RequestOptions options) {
    return ops.create(campaignId, nodeId, options, Flow.blocking()).await();
  }

  @Override
  public List<Session> list(String campaignId, RequestOptions options) {
    return ops.list(campaignId, options, Flow.blocking()).await();
  }

  @Override
  public Session get(String sessionId, RequestOptions options) {
    return ops.get(sessionId, options, Flow.blocking()).await();
  }

  @Override
  public Session update(String sessionId, SessionUpdate update, RequestOptions options) {
    return ops.update(sessionId, update, options, Flow.blocking()).await();
  }

  @Override
  public void delete(String sessionId, RequestOptions options) {
    ops.delete(sessionId, options, Flow.blocking()).await();
  }

  @Override
  public RunHandle turn(String sessionId, TurnRequest request, RequestOptions options) {
    return ops.turn(sessionId, request, options, Flow.blocking()).await();
  }

  @Override
  public RunHandle generateExamples(String sessionId, ExamplesRequest request, RequestOptions options) {
    return ops.generateExamples(sessionId, request, options, Flow.blocking()).await();
  }

  @Override
  public Session awaitIdle(String sessionId, WaitOptions wait, RequestOptions options) {
    return ops.awaitIdle(sessionId, null, wait, options, Flow.blocking()).await();
  }

  @Override
  public Session awaitIdle(String sessionId, RunHandle run, WaitOptions wait, RequestOptions options) {
    ai.puffle.sdk.internal.mapping.Validate.notNull("run", run);
    return ops.awaitIdle(sessionId, run, wait, options, Flow.blocking()).await();
  }

  @Override
  public TurnResult turnAndWait(
      String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options) {
    return ops.turnAndWait(sessionId, request, wait, options, Flow.blocking()).await();
  }

  @Override
  public ExamplesResult generateExamplesAndWait(
      String sessionId, ExamplesRequest request, WaitOptions wait, RequestOptions options) {
    return ops.generateExamplesAndWait(sessionId, request, wait, options, Flow.blocking()).await();
  }

  @Override
  public LiveTurn startTurn(String sessionId, TurnRequest request, WaitOptions wait, RequestOptions options) {
    return ops.startTurn(sessionId, request, wait, options, Flow.blocking()).await();
  }

  @Override
  public LiveTurn resumeTurn(String saved, WaitOptions wait, RequestOptions options) {
    return ops.resumeTurn(saved, wait, options);
  }
}
