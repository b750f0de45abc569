package ai.puffle.sdk.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** A sequence node row (with its ai_node extension). Mutable; guarded by the Store lock. */
final class NodeState {
  /** Node types that carry a message to a lead (resolved by generate-messages). */
  static final Set<String> SENDABLE = Set.of("email", "message", "connection_request");

  final String id;
  final String campaignId;
  final String type;
  long position;
  String subject;
  String body;
  String bodyHtml;
  String signature;
  String fromName;
  String replyTo;
  String cc;
  String bcc;
  List<Map<String, Object>> attachments;
  Boolean includeMessage;
  Boolean isReply;
  Long delayDays;
  Long delayHours;
  Long delayMinutes;
  String aiPurpose;
  String aiOutputType;

  NodeState(String id, String campaignId, String type, long position) {
    this.id = id;
    this.campaignId = campaignId;
    this.type = type;
    this.position = position;
  }

  boolean isAi() {
    return "ai".equals(type);
  }

  boolean isSendable() {
    return SENDABLE.contains(type);
  }
}
