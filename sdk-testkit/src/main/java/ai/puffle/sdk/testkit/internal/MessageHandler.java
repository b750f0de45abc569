package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.GeneratedMessage;
import ai.puffle.sdk.generated.model.GeneratedMessageEnvelope;
import ai.puffle.sdk.generated.model.GeneratedMessageListEnvelope;
import ai.puffle.sdk.generated.model.UpdateGeneratedMessageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lists and edits generated messages (the POST actions live in {@link MessageGeneration}). */
final class MessageHandler {
  private static final Set<String> FILTERS = Set.of("draft", "pending", "sent", "all");

  private final Store store;
  private final WireJson json;

  MessageHandler(Store store, WireJson json) {
    this.store = store;
    this.json = json;
  }

  /** Filter by status (default draft, {@code all} for every row) and optionally one lead. */
  WireResponse list(Call call) {
    String status = call.query("status") == null ? "draft" : call.query("status");
    if (!FILTERS.contains(status)) {
      throw HttpError.badRequest("status must be one of draft, pending, sent, all");
    }
    String prospectId = call.query("prospect_id");
    synchronized (store) {
      CampaignState campaign = MessageGeneration.campaign(store, call.route.id);
      List<MessageState> rows = new ArrayList<>();
      for (MessageState m : store.messagesOf(campaign.id)) {
        if ((status.equals("all") || status.equals(m.status))
            && (prospectId == null || prospectId.equals(m.prospectId))) {
          rows.add(m);
        }
      }
      return list(rows);
    }
  }

  /** Edits one draft (marks it manually edited); other statuses are a validation error. */
  WireResponse update(Call call) {
    Map<String, Object> body = json.parseObject(call.body);
    UpdateGeneratedMessageRequest request = json.decode(body, UpdateGeneratedMessageRequest.class);
    String messageId = request.getMessageId();
    if (messageId == null || messageId.isEmpty()) {
      throw HttpError.badRequest("message_id is required");
    }
    synchronized (store) {
      CampaignState campaign = MessageGeneration.campaign(store, call.route.id);
      MessageState m = store.messages.get(messageId);
      if (m == null || !m.campaignId.equals(campaign.id)) {
        throw HttpError.notFound("Message not found");
      }
      if (!"draft".equals(m.status)) {
        throw HttpError.badRequest("Only draft messages can be edited");
      }
      m.setText(
          request.isSet("subject") ? request.getSubject() : m.subject,
          request.isSet("body_text") ? request.getBodyText() : m.bodyText);
      m.manuallyEdited = true;
      GeneratedMessageEnvelope envelope = new GeneratedMessageEnvelope();
      envelope.setMessage(WireRows.message(m));
      return WireResponse.ok(envelope);
    }
  }

  static WireResponse list(List<MessageState> rows) {
    List<GeneratedMessage> wire = new ArrayList<>();
    for (MessageState m : rows) {
      wire.add(WireRows.message(m));
    }
    GeneratedMessageListEnvelope envelope = new GeneratedMessageListEnvelope();
    envelope.setMessages(wire);
    return WireResponse.ok(envelope);
  }
}
