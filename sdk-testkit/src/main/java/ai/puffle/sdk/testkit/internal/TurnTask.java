package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Reply;
import ai.puffle.sdk.testkit.internal.trigger.RunEnd;
import ai.puffle.sdk.testkit.internal.trigger.TurnOutcome;
import java.util.List;
import java.util.Map;

/**
 * One accepted turn's task: asks the reply model once, when first needed, and remembers the
 * answer. That is when a reader of the turn's stream looks after the task started executing (the
 * agent is writing its reply then), or else when the task ends; either way the model sees the same
 * session, which the task holds busy. A scripted task fault decides instead of the model: no reply
 * at all, a task that never gets anywhere, or a judge that rejects the skeleton (the reply stays,
 * the skeleton and draft go). Guarded by the store's lock.
 */
final class TurnTask {
  static final String NO_REPLY = "The turn ended without a reply";
  static final String JUDGE_REJECTED =
      "The skeleton did not pass the judge (em-dash check and rules validator)";

  final String sessionId;
  final String message;
  private final Store store;
  private final ChatEngine chat;
  private final List<String> varNames;
  private final List<Map<String, Object>> sampleLeads;
  private final Fault taskFault;
  private boolean asked;
  private Reply reply;
  private RunEnd failure = RunEnd.failed("Error", NO_REPLY);
  private TurnOutcome outcome = TurnOutcome.silent();

  TurnTask(
      Store store,
      ChatEngine chat,
      String sessionId,
      String message,
      List<String> varNames,
      List<Map<String, Object>> sampleLeads,
      Fault taskFault) {
    this.store = store;
    this.chat = chat;
    this.sessionId = sessionId;
    this.message = message;
    this.varNames = varNames;
    this.sampleLeads = sampleLeads;
    this.taskFault = taskFault;
  }

  /** What the turn's stream tells, asking the model if nobody has yet. */
  TurnOutcome outcome() {
    synchronized (store) {
      ask();
      return outcome;
    }
  }

  /** The reply to apply, or null when the turn ends without one. Asks first if needed. */
  Reply reply() {
    synchronized (store) {
      ask();
      return reply;
    }
  }

  /** How the run ends when there is no reply. */
  RunEnd failure() {
    return failure;
  }

  private void ask() {
    if (asked) {
      return;
    }
    asked = true;
    Fault.Kind fault = taskFault == null ? null : taskFault.kind();
    if (fault == Fault.Kind.TASK_NEVER_FINISHES) {
      return;
    }
    if (fault == Fault.Kind.TASK_WITHOUT_REPLY) {
      outcome = TurnOutcome.failed(NO_REPLY);
      return;
    }
    SessionState s = store.sessions.get(sessionId);
    if (s == null) {
      return; // deleted before the task got to it: nothing to say
    }
    try {
      reply = chat.ask(s, message, varNames, sampleLeads, false);
    } catch (RuntimeException modelFailed) {
      failure = RunEnd.failed(modelFailed.getClass().getSimpleName(), modelFailed.getMessage());
      outcome = TurnOutcome.failed(modelFailed.getMessage());
      return;
    }
    if (reply.skeleton().isEmpty()) {
      outcome = TurnOutcome.replied(reply.message());
      return;
    }
    boolean rejected = fault == Fault.Kind.JUDGE_REJECTS;
    outcome = TurnOutcome.withSkeleton(
        reply.message(), reply.skeleton().get(), !rejected, JUDGE_REJECTED);
    if (rejected) {
      reply = Reply.text(reply.message()); // the last skeleton that passed stays
    }
  }
}
