package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.GenerateAiChatExamplesRequest;
import ai.puffle.sdk.generated.model.RunAiChatTurnRequest;
import ai.puffle.sdk.generated.model.RunHandle;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Reply;
import ai.puffle.sdk.testkit.internal.trigger.RunEnd;
import ai.puffle.sdk.testkit.internal.trigger.RunRecord;
import ai.puffle.sdk.testkit.internal.trigger.RunRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous task operations, /turn and /generate-examples: claim the session's busy flag,
 * start the task's Trigger.dev run and answer with its handle at once, and complete the work when
 * the task falls due. The run ends at the instant task_status goes back to null, under the store
 * lock: COMPLETED when the task did its work (also for a session deleted meanwhile, whose task
 * still runs to completion), FAILED when it ended without a reply or examples or the reply model
 * threw. A task that never finishes leaves its run EXECUTING. A turn's task writes the stream
 * {@value #CHAT_STREAM} while it runs (see {@link TurnTask} for when it asks the model).
 */
final class TaskHandler {
  static final String NO_FRAMEWORK = "Session has no framework yet. Chat first to create one.";
  /** The Trigger.dev task ids Puffle's docs name for a turn and an example run. */
  static final String TURN_TASK = "framework-chat-turn";
  static final String EXAMPLES_TASK = "generate-email-examples";
  /** The key of the stream a turn's task writes (the emulator's choice; Puffle names none). */
  static final String CHAT_STREAM = "chat";

  private final Store store;
  private final WireJson json;
  private final Scheduler scheduler;
  private final ChatEngine chat;
  private final TurnLedger ledger;
  private final Timings timings;
  private final RunRegistry runs;

  TaskHandler(
      Store store,
      WireJson json,
      Scheduler scheduler,
      ChatEngine chat,
      TurnLedger ledger,
      Timings timings,
      RunRegistry runs) {
    this.store = store;
    this.json = json;
    this.scheduler = scheduler;
    this.chat = chat;
    this.ledger = ledger;
    this.timings = timings;
    this.runs = runs;
  }

  WireResponse turn(Call call) {
    String id = Uuids.require(call.route.id, "id");
    Map<String, Object> body = json.parseObject(call.body);
    RunAiChatTurnRequest request = json.decode(body, RunAiChatTurnRequest.class);
    String message = Messages.require(body);
    List<String> varNames = request.getAvailableVarNames();
    List<Map<String, Object>> sampleLeads = Leads.maps(body.get("sampleLeads"));
    synchronized (store) {
      SessionState s = claim(id, "chat_processing");
      ledger.accepted(s.id, message);
      TurnTask task =
          new TurnTask(store, chat, s.id, message, varNames, sampleLeads, call.taskFault);
      RunRecord run = runs.start(store.ids.token("run_", 24), store.ids.token("tr_pat_", 40),
          TURN_TASK, s.id, s.updatedAt, timings.turn(), CHAT_STREAM, task::outcome);
      schedule(call.taskFault, timings.turn(), () -> completeTurn(task, run));
      return WireResponse.ok(runHandle(run));
    }
  }

  WireResponse examples(Call call) {
    String id = Uuids.require(call.route.id, "id");
    Map<String, Object> body = json.parseObject(call.body);
    GenerateAiChatExamplesRequest request = json.decode(body, GenerateAiChatExamplesRequest.class);
    if (!(body.get("leads") instanceof List)) {
      throw HttpError.badRequest("leads is required and must be an array");
    }
    List<Map<String, Object>> leads = Leads.maps(body.get("leads"));
    boolean firstBatch = !Boolean.FALSE.equals(request.getIsFirstBatch());
    synchronized (store) {
      SessionState existing = store.ownedSession(id);
      if (existing.skeleton == null) {
        throw HttpError.badRequest(NO_FRAMEWORK);
      }
      SessionState s = claim(id, "generating_examples");
      Duration duration = timings.examples(leads.size());
      RunRecord run = startRun(EXAMPLES_TASK, s, duration);
      schedule(call.taskFault, duration,
          () -> completeExamples(s.id, leads, firstBatch, call.taskFault, run));
      return WireResponse.ok(runHandle(run));
    }
  }

  /** Sets the busy flag atomically, or 409 when a task already holds the session. */
  private SessionState claim(String id, String taskStatus) {
    SessionState s = store.ownedSession(id);
    if (s.taskStatus != null) {
      throw HttpError.busy(s.taskStatus);
    }
    s.taskStatus = taskStatus;
    s.updatedAt = store.now();
    return s;
  }

  private void schedule(Fault taskFault, Duration delay, Runnable task) {
    if (taskFault != null && taskFault.kind() == Fault.Kind.TASK_NEVER_FINISHES) {
      return;
    }
    scheduler.schedule(delay, task);
  }

  private void completeTurn(TurnTask task, RunRecord run) {
    synchronized (store) {
      Instant now = store.now();
      String id = task.sessionId;
      SessionState s = store.sessions.get(id);
      if (s == null) {
        // Deleted meanwhile: the orphaned task runs to completion, its result goes nowhere.
        runs.finish(run, RunEnd.completed(output(id)), now);
        return;
      }
      Reply reply = task.reply();
      if (reply == null) {
        chat.appendUser(s, task.message);
      } else {
        chat.apply(s, task.message, reply);
      }
      s.taskStatus = null;
      s.updatedAt = now;
      runs.finish(run, reply == null ? task.failure() : RunEnd.completed(output(id)), now);
    }
  }

  private void completeExamples(
      String id,
      List<Map<String, Object>> leads,
      boolean firstBatch,
      Fault taskFault,
      RunRecord run) {
    synchronized (store) {
      Instant now = store.now();
      SessionState s = store.sessions.get(id);
      if (s == null) {
        runs.finish(run, RunEnd.completed(output(id)), now);
        return;
      }
      if (taskFault == null) {
        List<ExampleState> written = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
          Map<String, Object> lead = leads.get(i);
          written.add(ExampleWriter.example(s, lead, leadId(s.campaignId, lead, i)));
        }
        if (firstBatch || s.generatedExamples == null) {
          s.generatedExamples = written;
        } else {
          s.generatedExamples.addAll(written);
        }
      }
      s.taskStatus = null;
      s.updatedAt = now;
      runs.finish(run, taskFault == null
          ? RunEnd.completed(output(id))
          : RunEnd.failed("Error", "The example run ended without examples"), now);
    }
  }

  /** The task's Trigger.dev run, queued now; its id and token come from the emulator's seed. */
  private RunRecord startRun(String task, SessionState s, Duration duration) {
    return runs.start(store.ids.token("run_", 24), store.ids.token("tr_pat_", 40), task, s.id,
        s.updatedAt, duration);
  }

  /** What a task returns (the emulator's choice; Puffle does not document it). */
  private static Map<String, Object> output(String sessionId) {
    return Map.of("sessionId", sessionId);
  }

  /** The campaign lead with the same name, else a positional id. */
  private String leadId(String campaignId, Map<String, Object> lead, int index) {
    CampaignState campaign = store.campaigns.get(campaignId);
    String key = ProspectState.nameKey(lead.get("first_name"), lead.get("last_name"));
    if (campaign != null) {
      for (ProspectState p : campaign.prospects) {
        if (p.nameKey().equals(key)) {
          return p.id;
        }
      }
    }
    return "lead-" + (index + 1);
  }

  private static RunHandle runHandle(RunRecord run) {
    RunHandle handle = new RunHandle();
    handle.setRunId(run.friendlyId());
    handle.setPublicAccessToken(run.publicAccessToken());
    return handle;
  }
}
