package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnFailedException;
import ai.puffle.sdk.TurnResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Works out what a finished turn did by comparing the session after it with its baseline. */
final class TurnOutcome {
  private TurnOutcome() {}

  static TurnResult of(TurnBaseline before, Session after, RunHandle run, int sends, Duration elapsed) {
    List<ChatMessage> transcript = after.messages();
    int from = Math.min(before.messages(), transcript.size());
    int ours = -1;
    for (int i = transcript.size() - 1; i >= from; i--) {
      if (before.isOurs(transcript.get(i))) {
        ours = i;
        break;
      }
    }
    List<ChatMessage> replies = new ArrayList<>();
    for (int i = ours >= 0 ? ours + 1 : from; i < transcript.size(); i++) {
      if (transcript.get(i).isAssistant()) {
        replies.add(transcript.get(i));
      }
    }
    if (replies.isEmpty()) {
      throw new TurnFailedException(
          "the turn on session " + after.id() + " finished without an assistant reply"
              + " (the server released the session after an error); the message was taken,"
              + " send it again to retry", after);
    }
    boolean skeletonChanged =
        !TurnBaseline.skeletonDigest(after).equals(before.skeletonDigest())
            || after.frameworkVersion().orElse(Long.MIN_VALUE) > before.frameworkVersion();
    boolean draftChanged = !TurnBaseline.draftDigest(after).equals(before.draftDigest());
    return SdkAccess.get().turnResult(after, replies, skeletonChanged, draftChanged, run, sends, elapsed);
  }
}
