package ai.puffle.sdk.testkit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The emulator's database: campaigns, sessions and generated messages, plus the account's
 * credits. Not thread-safe by itself: every reader and writer synchronizes on the store.
 */
final class Store {
  final String userId;
  final String otherUserId;
  final IdGenerator ids;
  private final Scheduler clock;
  final Map<String, CampaignState> campaigns = new LinkedHashMap<>();
  final Map<String, SessionState> sessions = new LinkedHashMap<>();
  final Map<String, MessageState> messages = new LinkedHashMap<>();
  long credits;

  Store(IdGenerator ids, Scheduler clock, long credits) {
    this.ids = ids;
    this.clock = clock;
    this.userId = ids.uuid();
    this.otherUserId = ids.uuid();
    this.credits = credits;
  }

  Instant now() {
    return clock.now();
  }

  /** The caller's campaign, or 404 (unknown and not-owned look the same). */
  CampaignState ownedCampaign(String campaignId) {
    CampaignState campaign = campaigns.get(campaignId);
    if (campaign == null || !campaign.userId.equals(userId)) {
      throw HttpError.notFound("Campaign not found");
    }
    return campaign;
  }

  /** The caller's session, or 404. */
  SessionState ownedSession(String sessionId) {
    SessionState session = sessions.get(sessionId);
    if (session == null || !session.userId.equals(userId)) {
      throw HttpError.notFound("Session not found");
    }
    return session;
  }

  Optional<NodeState> anyNode(String nodeId) {
    for (CampaignState campaign : campaigns.values()) {
      Optional<NodeState> node = campaign.node(nodeId);
      if (node.isPresent()) {
        return node;
      }
    }
    return Optional.empty();
  }

  SessionState insertSession(String campaignId, String nodeId) {
    SessionState session = new SessionState(ids.uuid(), userId, campaignId, nodeId, now());
    sessions.put(session.id, session);
    return session;
  }

  /** The caller's sessions of a campaign, oldest first. */
  List<SessionState> sessionsOf(String campaignId) {
    return sessions.values().stream()
        .filter(s -> s.userId.equals(userId) && s.campaignId.equals(campaignId))
        .collect(Collectors.toList());
  }

  /** The oldest session for a node: the one generate-content keeps talking to. */
  Optional<SessionState> sessionFor(String campaignId, String nodeId) {
    return sessionsOf(campaignId).stream().filter(s -> s.nodeId.equals(nodeId)).findFirst();
  }

  List<MessageState> messagesOf(String campaignId) {
    List<MessageState> result = new ArrayList<>();
    for (MessageState message : messages.values()) {
      if (message.campaignId.equals(campaignId)) {
        result.add(message);
      }
    }
    return result;
  }

  Optional<MessageState> message(String campaignId, String prospectId, String nodeId) {
    for (MessageState message : messages.values()) {
      if (message.campaignId.equals(campaignId)
          && message.prospectId.equals(prospectId)
          && message.nodeId.equals(nodeId)) {
        return Optional.of(message);
      }
    }
    return Optional.empty();
  }

  /**
   * Inserts or updates the draft for (campaign, lead, node); a manually edited row, or one that
   * is no longer a draft, is kept as is.
   * Returns the row, or empty when it was skipped.
   */
  Optional<MessageState> upsertDraft(
      String campaignId, String prospectId, String nodeId, String subject, String bodyText) {
    Optional<MessageState> existing = message(campaignId, prospectId, nodeId);
    if (existing.isPresent()
        && (existing.get().manuallyEdited || !"draft".equals(existing.get().status))) {
      return Optional.empty();
    }
    MessageState row =
        existing.orElseGet(
            () -> {
              MessageState created =
                  new MessageState(ids.uuid(), campaignId, prospectId, nodeId, now());
              messages.put(created.id, created);
              return created;
            });
    row.setText(subject, bodyText);
    row.status = "draft";
    return Optional.of(row);
  }
}
