package ai.puffle.sdk.testkit.internal.trigger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a chat turn's task did, as its stream tells it: the assistant's reply, the skeleton the
 * agent proposed with {@code updateSkeleton} and the judge's verdict, or why the turn failed.
 * Immutable.
 */
public final class TurnOutcome {
  private static final TurnOutcome SILENT = new TurnOutcome(null, null, true, null, null);

  final String reply;
  final Map<String, Object> skeleton;
  final boolean judgePassed;
  final String judgeReason;
  final String failure;

  private TurnOutcome(
      String reply,
      Map<String, Object> skeleton,
      boolean judgePassed,
      String judgeReason,
      String failure) {
    this.reply = reply;
    this.skeleton = skeleton == null
        ? null : Collections.unmodifiableMap(new LinkedHashMap<>(skeleton));
    this.judgePassed = judgePassed;
    this.judgeReason = judgeReason;
    this.failure = failure;
  }

  /** The agent replied {@code reply}; no skeleton. */
  public static TurnOutcome replied(String reply) {
    return new TurnOutcome(reply, null, true, null, null);
  }

  /**
   * The agent called {@code updateSkeleton} with {@code skeleton}, the judge passed it or rejected
   * it (with {@code reason}), and the agent replied {@code reply}.
   */
  public static TurnOutcome withSkeleton(
      String reply, Map<String, ?> skeleton, boolean judgePassed, String reason) {
    return new TurnOutcome(reply, new LinkedHashMap<>(skeleton), judgePassed,
        judgePassed ? null : reason, null);
  }

  /** The turn failed before any reply ({@code message} says why). */
  public static TurnOutcome failed(String message) {
    return new TurnOutcome(null, null, true, null, message == null ? "" : message);
  }

  /** Nothing was streamed (the task never got to it, or its session was gone). */
  public static TurnOutcome silent() {
    return SILENT;
  }

  /** Whether the session got a new skeleton from this turn. */
  boolean skeletonUpdated() {
    return skeleton != null && judgePassed && failure == null;
  }

  @Override
  public String toString() {
    return "TurnOutcome{" + (failure != null ? "failed" : reply == null ? "silent" : "replied")
        + (skeleton == null ? "" : judgePassed ? ", skeleton" : ", skeleton rejected") + "}";
  }
}
