package ai.puffle.sdk;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.internal.http.ErrorDetails;
import java.time.Duration;
import java.util.List;

/** The SDK's internals build results and events through this, as {@link SdkAccess}. */
final class ApiAccess extends SdkAccess {
  static {
    SdkAccess.install(new ApiAccess());
  }

  private ApiAccess() {}

  @Override
  public TurnResult turnResult(
      Session session, List<ChatMessage> replies, boolean skeletonChanged, boolean draftChanged,
      RunHandle run, int attempts, Duration elapsed) {
    return new TurnResult(session, replies, skeletonChanged, draftChanged, run, attempts, elapsed);
  }

  @Override
  public ExamplesResult examplesResult(
      List<GeneratedExample> examples, Session session, RunHandle run, Duration elapsed) {
    return new ExamplesResult(examples, session, run, elapsed);
  }

  @Override
  public ContentTurn contentTurn(
      String sessionId, String assistantMessage, Skeleton skeleton, boolean skeletonUpdated) {
    return ContentTurn.of(sessionId, assistantMessage, skeleton, skeletonUpdated);
  }

  @Override
  public PuffleApiException apiException(
      ErrorDetails details, Duration retryAfter, TaskStatus busyStatus) {
    return PuffleApiException.create(details, retryAfter, busyStatus);
  }

  @Override
  public TurnEvent statusEvent(Duration elapsed, String runStatus) {
    return TurnEvent.status(elapsed, runStatus);
  }

  @Override
  public TurnEvent chunkEvent(Duration elapsed, String streamKey, Object chunk, String textDelta) {
    return TurnEvent.chunk(elapsed, streamKey, chunk, textDelta);
  }

  @Override
  public TurnEvent endEvent(
      Duration elapsed, TurnResult result, PuffleException failure, long coalesced, long dropped) {
    return TurnEvent.end(elapsed, result, failure, coalesced, dropped);
  }
}
