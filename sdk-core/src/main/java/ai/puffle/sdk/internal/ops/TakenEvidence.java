package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.internal.exec.CallScope;
import ai.puffle.sdk.internal.ops.TaskSender.Evidence;
import ai.puffle.sdk.internal.ops.TaskSender.Verdict;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * What shows that a send-once request whose response was lost was taken: evidence that belongs
 * to this request, never merely "a task is running" (another client's task can hold the session).
 * A busy session without our evidence is undecided: the sender waits until it is idle and asks
 * again.
 *
 * <ul>
 *   <li>A turn: our user message in the transcript past its length before sending (whether the
 *       server shows it when the task claims the session or when it ends).
 *   <li>An example run: once idle, the session's examples differ from those before sending and
 *       number as many as this run writes (the leads sent, added to those before when it is not a
 *       first batch). Puffle's examples carry no request id, so another client's example run for
 *       as many leads in between would be taken for ours; the caller then gets that run's
 *       examples, and nothing is sent twice.
 *   <li>A content turn: as a turn, in the node's session; taken only once idle, so that the
 *       reply can be returned.
 *   <li>A create: a session of the node that was not there before sending.
 * </ul>
 */
final class TakenEvidence {
  private TakenEvidence() {}

  /** A turn of {@code message}, sent when the transcript had {@code baseline} messages. */
  static Evidence<RunHandle> turn(
      Function<CallScope, CompletableFuture<Session>> readSession, int baseline, String message) {
    return new Evidence<RunHandle>() {
      @Override
      public CompletableFuture<Session> read(CallScope scope) {
        return readSession.apply(scope);
      }

      @Override
      public Verdict<RunHandle> judge(Session s) {
        if (hasUserMessageAfter(s, baseline, message)) {
          return Verdict.taken(RunHandle.unknown());
        }
        return s.isBusy() ? Verdict.undecided() : Verdict.notTaken();
      }
    };
  }

  /** An example run writing {@code leads} examples, sent when the session had {@code before}. */
  static Evidence<RunHandle> examples(
      Function<CallScope, CompletableFuture<Session>> readSession, List<GeneratedExample> before,
      int leads, boolean firstBatch) {
    int expected = firstBatch ? leads : before.size() + leads;
    return new Evidence<RunHandle>() {
      @Override
      public CompletableFuture<Session> read(CallScope scope) {
        return readSession.apply(scope);
      }

      @Override
      public Verdict<RunHandle> judge(Session s) {
        if (s.isBusy()) {
          return Verdict.undecided();
        }
        List<GeneratedExample> now = s.generatedExamples();
        return !now.equals(before) && now.size() == expected
            ? Verdict.taken(RunHandle.unknown()) : Verdict.notTaken();
      }
    };
  }

  /**
   * A content turn of {@code message} for the node, sent when the node's session was {@code
   * before} (empty: none yet; Puffle creates it).
   */
  static Evidence<ContentTurn> content(
      Function<CallScope, CompletableFuture<Optional<Session>>> readNodeSession,
      Optional<Session> before, String message) {
    return new Evidence<ContentTurn>() {
      @Override
      public CompletableFuture<Session> read(CallScope scope) {
        return readNodeSession.apply(scope).thenApply(found -> found.orElse(null));
      }

      @Override
      public Verdict<ContentTurn> judge(Session s) {
        if (s == null) {
          return Verdict.notTaken();
        }
        boolean same = before.isPresent() && before.get().id().equals(s.id());
        int baseline = same ? before.get().messages().size() : 0;
        if (s.isBusy()) {
          return Verdict.undecided();
        }
        if (!hasUserMessageAfter(s, baseline, message)) {
          return Verdict.notTaken();
        }
        String reply = s.messages().stream().skip(baseline)
            .filter(ChatMessage::isAssistant).map(ChatMessage::content)
            .reduce((a, b) -> b).orElse("");
        OptionalLong was = same ? before.get().frameworkVersion() : OptionalLong.empty();
        boolean updated = s.frameworkVersion().isPresent()
            && (was.isEmpty() || s.frameworkVersion().getAsLong() > was.getAsLong());
        return Verdict.taken(SdkAccess.get().contentTurn(s.id(), reply, s.skeleton().orElse(null), updated));
      }
    };
  }

  /** A create of a session for the node, sent when the node had the sessions {@code before}. */
  static Evidence<Session> create(
      Function<CallScope, CompletableFuture<List<Session>>> listSessions, String nodeId,
      Set<String> before) {
    return new Evidence<Session>() {
      @Override
      public CompletableFuture<Session> read(CallScope scope) {
        return listSessions.apply(scope).thenApply(sessions ->
            NodeSessions.pick(sessions, nodeId, s -> !before.contains(s.id())).orElse(null));
      }

      @Override
      public Verdict<Session> judge(Session s) {
        return s == null ? Verdict.notTaken() : Verdict.taken(s);
      }
    };
  }

  /** Whether the user message {@code message} appears after {@code baseline} in the transcript. */
  static boolean hasUserMessageAfter(Session s, int baseline, String message) {
    List<ChatMessage> messages = s.messages();
    for (int i = Math.max(0, baseline); i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      if (m.isUser() && message.equals(m.content())) {
        return true;
      }
    }
    return false;
  }
}
