package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.GenerateAiChatExamplesRequest;
import ai.puffle.sdk.generated.model.RunAiChatTurnRequest;
import ai.puffle.sdk.generated.model.RunHandle;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The asynchronous task operations, /turn and /generate-examples: claim the session's busy flag,
 * answer with a run handle at once, and complete the work when the task falls due.
 */
final class TaskHandler {
  static final String NO_FRAMEWORK = "Session has no framework yet. Chat first to create one.";

  private final Store store;
  private final WireJson json;
  private final Scheduler scheduler;
  private final ChatEngine chat;
  private final TurnLedger ledger;
  private final Timings timings;

  TaskHandler(
      Store store,
      WireJson json,
      Scheduler scheduler,
      ChatEngine chat,
      TurnLedger ledger,
      Timings timings) {
    this.store = store;
    this.json = json;
    this.scheduler = scheduler;
    this.chat = chat;
    this.ledger = ledger;
    this.timings = timings;
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
      schedule(call.taskFault, timings.turn(),
          () -> completeTurn(s.id, message, varNames, sampleLeads, call.taskFault));
      return WireResponse.ok(runHandle());
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
      schedule(call.taskFault, timings.examples(leads.size()),
          () -> completeExamples(s.id, leads, firstBatch, call.taskFault));
      return WireResponse.ok(runHandle());
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

  private void completeTurn(
      String id,
      String message,
      List<String> varNames,
      List<Map<String, Object>> sampleLeads,
      Fault taskFault) {
    synchronized (store) {
      SessionState s = store.sessions.get(id);
      if (s == null) {
        return; // Deleted meanwhile: the orphaned task's result goes nowhere.
      }
      Reply reply = null;
      if (taskFault == null) {
        try {
          reply = chat.ask(s, message, varNames, sampleLeads, false);
        } catch (RuntimeException modelFailed) {
          reply = null;
        }
      }
      if (reply == null) {
        chat.appendUser(s, message);
      } else {
        chat.apply(s, message, reply);
      }
      s.taskStatus = null;
      s.updatedAt = store.now();
    }
  }

  private void completeExamples(
      String id, List<Map<String, Object>> leads, boolean firstBatch, Fault taskFault) {
    synchronized (store) {
      SessionState s = store.sessions.get(id);
      if (s == null) {
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
      s.updatedAt = store.now();
    }
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

  private RunHandle runHandle() {
    RunHandle handle = new RunHandle();
    handle.setRunId(store.ids.token("run_", 24));
    handle.setPublicAccessToken(store.ids.token("tr_pat_", 40));
    return handle;
  }
}
