package ai.puffle.sdk.testkit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An ai_chat_sessions row. Every content field is null on a new session, as on the real
 * service. Mutable; guarded by the Store lock.
 */
final class SessionState {
  final String id;
  final String userId;
  final String campaignId;
  final String nodeId;
  final Instant createdAt;
  String title;
  List<ChatLine> messages;
  String draftSubject;
  String draftBody;
  Map<String, Object> skeleton;
  List<Map<String, Object>> skeletonHistory;
  List<Map<String, Object>> draftHistory;
  Long frameworkVersion;
  List<ExampleState> generatedExamples;
  String taskStatus;
  Instant updatedAt;

  SessionState(String id, String userId, String campaignId, String nodeId, Instant now) {
    this.id = id;
    this.userId = userId;
    this.campaignId = campaignId;
    this.nodeId = nodeId;
    this.createdAt = now;
    this.updatedAt = now;
  }

  long userTurns() {
    return messages == null ? 0 : messages.stream().filter(ChatLine::isUser).count();
  }
}
