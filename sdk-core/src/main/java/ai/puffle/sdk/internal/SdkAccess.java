package ai.puffle.sdk.internal;

import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.internal.http.ErrorDetails;
import java.time.Duration;
import java.util.List;

/**
 * Builds the values only the SDK builds (results, a live turn's events, API exceptions), whose constructors
 * the API package keeps to itself: that package installs the one implementation when it loads,
 * as the JDK's own shared-secrets pattern does, and the internals build through {@link #get()}.
 */
public abstract class SdkAccess {
  private static final String IMPLEMENTATION = "ai.puffle.sdk.ApiAccess";
  private static volatile SdkAccess instance;

  /** For the API package's implementation only. */
  protected SdkAccess() {}

  /** The implementation, loading the API package's class that installs it on first use. */
  public static SdkAccess get() {
    SdkAccess access = instance;
    if (access == null) {
      try {
        Class.forName(IMPLEMENTATION, true, SdkAccess.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(IMPLEMENTATION + " is missing", e);
      }
      access = instance;
    }
    return access;
  }

  /**
   * Installs the implementation; called once, by the API package's class.
   *
   * @throws IllegalStateException when called by anything else, or twice
   */
  public static synchronized void install(SdkAccess access) {
    if (!access.getClass().getName().equals(IMPLEMENTATION) || instance != null) {
      throw new IllegalStateException("SdkAccess is installed by " + IMPLEMENTATION + ", once");
    }
    instance = access;
  }

  /** See {@link TurnResult}. */
  public abstract TurnResult turnResult(
      Session session, List<ChatMessage> replies, boolean skeletonChanged, boolean draftChanged,
      RunHandle run, int attempts, Duration elapsed);

  /** See {@link ExamplesResult}. */
  public abstract ExamplesResult examplesResult(
      List<GeneratedExample> examples, Session session, RunHandle run, Duration elapsed);

  /** See {@link ContentTurn}; {@code skeleton} may be null. */
  public abstract ContentTurn contentTurn(
      String sessionId, String assistantMessage, Skeleton skeleton, boolean skeletonUpdated);

  /**
   * The exception for an error response described by {@code details}: its class follows the
   * status; {@code retryAfter} (a 429's) and {@code busyStatus} (a 409's) may be null.
   */
  public abstract PuffleApiException apiException(
      ErrorDetails details, Duration retryAfter, TaskStatus busyStatus);

  /** A {@link TurnEvent.Kind#STATUS} event. */
  public abstract TurnEvent statusEvent(Duration elapsed, String runStatus);

  /** A {@link TurnEvent.Kind#CHUNK} event; {@code textDelta} may be null. */
  public abstract TurnEvent chunkEvent(Duration elapsed, String streamKey, Object chunk, String textDelta);

  /** The {@link TurnEvent.Kind#END} event: exactly one of {@code result} and {@code failure}. */
  public abstract TurnEvent endEvent(
      Duration elapsed, TurnResult result, PuffleException failure, long coalesced, long dropped);
}
