package ai.puffle.sdk.testkit.internal;

import java.time.Instant;

/** A campaign_prospect_messages row (a generated message). Mutable; guarded by the Store lock. */
final class MessageState {
  final String id;
  final String campaignId;
  final String prospectId;
  final String nodeId;
  final Instant createdAt;
  String subject;
  String bodyText;
  String bodyHtml;
  String status = "draft";
  boolean manuallyEdited;

  MessageState(String id, String campaignId, String prospectId, String nodeId, Instant now) {
    this.id = id;
    this.campaignId = campaignId;
    this.prospectId = prospectId;
    this.nodeId = nodeId;
    this.createdAt = now;
  }

  void setText(String subject, String bodyText) {
    this.subject = subject;
    this.bodyText = bodyText;
    this.bodyHtml = bodyText == null ? null : Html.paragraphs(bodyText);
  }
}
