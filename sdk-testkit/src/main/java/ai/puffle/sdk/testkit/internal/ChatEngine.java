package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Reply;
import ai.puffle.sdk.testkit.ReplyModel;
import ai.puffle.sdk.testkit.TurnContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs one framework-chat turn on a session, for the asynchronous /turn task and for the
 * synchronous generate-content call alike. Callers hold the store lock.
 */
final class ChatEngine {
  /** generate-content samples up to this many campaign leads when the request sends none. */
  static final int AUTO_SAMPLE_LEADS = 5;

  private final Store store;
  private final ReplyModel model;

  ChatEngine(Store store, ReplyModel model) {
    this.store = store;
    this.model = model;
  }

  /** What a turn did. */
  static final class Outcome {
    final String assistantMessage;
    final boolean skeletonUpdated;

    Outcome(String assistantMessage, boolean skeletonUpdated) {
      this.assistantMessage = assistantMessage;
      this.skeletonUpdated = skeletonUpdated;
    }
  }

  /** Asks the model for a reply; a model failure propagates. */
  Reply ask(
      SessionState s,
      String message,
      List<String> varNames,
      List<Map<String, Object>> sampleLeads,
      boolean synchronous) {
    List<Map<String, Object>> leads = sampleLeads;
    if (leads == null || leads.isEmpty()) {
      leads = campaignLeads(s.campaignId);
    }
    TurnContext context =
        TurnContext.builder()
            .sessionId(s.id)
            .campaignId(s.campaignId)
            .nodeId(s.nodeId)
            .turnNumber((int) s.userTurns() + 1)
            .message(message)
            .transcript(
                s.messages == null
                    ? List.of()
                    : s.messages.stream().map(ChatLine::asMap).collect(Collectors.toList()))
            .currentSkeleton(s.skeleton)
            .frameworkVersion(s.frameworkVersion == null ? 0 : s.frameworkVersion)
            .availableVarNames(varNames == null ? List.of() : varNames)
            .sampleLeads(leads)
            .synchronous(synchronous)
            .build();
    return Objects.requireNonNull(model.reply(context), "ReplyModel returned null");
  }

  /** Appends the user message and the reply, and applies a new skeleton and draft. */
  Outcome apply(SessionState s, String message, Reply reply) {
    appendUser(s, message);
    s.messages.add(ChatLine.assistant(reply.message()));
    boolean skeletonUpdated = reply.skeleton().isPresent();
    if (skeletonUpdated) {
      if (s.skeleton != null) {
        s.skeletonHistory = s.skeletonHistory == null ? new ArrayList<>() : s.skeletonHistory;
        s.skeletonHistory.add(JsonTrees.deepCopy(s.skeleton));
      }
      s.skeleton = JsonTrees.deepCopy(reply.skeleton().get());
      s.frameworkVersion = s.frameworkVersion == null ? 1L : s.frameworkVersion + 1;
      s.generatedExamples = null;
    }
    if (reply.draftSubject().isPresent() || reply.draftBody().isPresent()) {
      if (s.draftSubject != null || s.draftBody != null) {
        Map<String, Object> previous = new LinkedHashMap<>();
        previous.put("subject", s.draftSubject);
        previous.put("body", s.draftBody);
        s.draftHistory = s.draftHistory == null ? new ArrayList<>() : s.draftHistory;
        s.draftHistory.add(previous);
      }
      s.draftSubject = reply.draftSubject().orElse(s.draftSubject);
      s.draftBody = reply.draftBody().orElse(s.draftBody);
    }
    s.updatedAt = store.now();
    return new Outcome(reply.message(), skeletonUpdated);
  }

  /** Records only the user's message: a turn whose task ended without a reply. */
  void appendUser(SessionState s, String message) {
    if (s.messages == null) {
      s.messages = new ArrayList<>();
    }
    s.messages.add(ChatLine.user(message));
    s.updatedAt = store.now();
  }

  private List<Map<String, Object>> campaignLeads(String campaignId) {
    CampaignState campaign = store.campaigns.get(campaignId);
    if (campaign == null) {
      return List.of();
    }
    return campaign.prospects.stream()
        .limit(AUTO_SAMPLE_LEADS)
        .map(ProspectState::asLeadMap)
        .collect(Collectors.toList());
  }
}
