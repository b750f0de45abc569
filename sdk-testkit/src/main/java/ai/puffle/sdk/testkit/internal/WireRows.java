package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.AiChatSession;
import ai.puffle.sdk.generated.model.AiNodeSettings;
import ai.puffle.sdk.generated.model.ChatMessage;
import ai.puffle.sdk.generated.model.GeneratedExample;
import ai.puffle.sdk.generated.model.GeneratedMessage;
import ai.puffle.sdk.generated.model.SequenceNode;
import ai.puffle.sdk.generated.model.SequenceNodeType;
import ai.puffle.sdk.generated.model.Skeleton;
import ai.puffle.sdk.generated.model.TaskStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns stored rows into the generated wire models, and the values of decoded requests into row
 * values. Session rows set every field, null or not, so that the JSON has every key like the real
 * service's rows do.
 */
final class WireRows {
  private WireRows() {}

  static AiChatSession session(SessionState s) {
    AiChatSession wire = new AiChatSession();
    wire.setId(s.id);
    wire.setUserId(s.userId);
    wire.setCampaignId(s.campaignId);
    wire.setNodeId(s.nodeId);
    wire.setTitle(s.title);
    wire.setMessages(s.messages == null ? null : chatMessages(s.messages));
    wire.setDraftSubject(s.draftSubject);
    wire.setDraftBody(s.draftBody);
    wire.setSkeleton(s.skeleton == null ? null : new Skeleton(JsonTrees.deepCopy(s.skeleton)));
    wire.setSkeletonHistory(s.skeletonHistory == null ? null : copyMaps(s.skeletonHistory));
    wire.setDraftHistory(s.draftHistory == null ? null : copyMaps(s.draftHistory));
    wire.setFrameworkVersion(s.frameworkVersion);
    wire.setGeneratedExamples(s.generatedExamples == null ? null : examples(s.generatedExamples));
    wire.setTaskStatus(s.taskStatus == null ? null : TaskStatus.fromValue(s.taskStatus));
    wire.setCreatedAt(time(s.createdAt));
    wire.setUpdatedAt(time(s.updatedAt));
    return wire;
  }

  private static List<ChatMessage> chatMessages(List<ChatLine> lines) {
    List<ChatMessage> result = new ArrayList<>();
    for (ChatLine line : lines) {
      ChatMessage message = new ChatMessage();
      message.setRole(line.role);
      message.setContent(line.content);
      result.add(message);
    }
    return result;
  }

  private static List<GeneratedExample> examples(List<ExampleState> examples) {
    List<GeneratedExample> result = new ArrayList<>();
    for (ExampleState example : examples) {
      GeneratedExample wire = new GeneratedExample();
      wire.setLeadId(example.leadId);
      wire.setSubject(example.subject);
      wire.setBody(example.body);
      result.add(wire);
    }
    return result;
  }

  private static List<Map<String, Object>> copyMaps(List<Map<String, Object>> maps) {
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> map : maps) {
      result.add(JsonTrees.deepCopy(map));
    }
    return result;
  }

  /** A transcript sent in a request as row lines ({@code null} stays null); 400 on a non-object item. */
  static List<ChatLine> chatLines(List<Map<String, Object>> messages) {
    if (messages == null) {
      return null;
    }
    List<ChatLine> lines = new ArrayList<>();
    for (Map<String, Object> message : messages) {
      if (message == null) {
        throw HttpError.badRequest("messages items must be objects");
      }
      Object role = message.get("role");
      Object content = message.get("content");
      lines.add(new ChatLine(
          role == null ? null : role.toString(), content == null ? null : content.toString()));
    }
    return lines;
  }

  /** Examples sent in a request as row examples ({@code null} stays null); 400 on a non-object item. */
  static List<ExampleState> exampleStates(List<Map<String, Object>> items) {
    if (items == null) {
      return null;
    }
    List<ExampleState> examples = new ArrayList<>();
    for (Map<String, Object> item : items) {
      if (item == null) {
        throw HttpError.badRequest("generated_examples items must be objects");
      }
      examples.add(new ExampleState(
          JsonTrees.string(item, "lead_id"),
          JsonTrees.string(item, "first_name"),
          JsonTrees.string(item, "last_name"),
          JsonTrees.string(item, "subject"),
          JsonTrees.string(item, "body")));
    }
    return examples;
  }

  /** Open objects sent in a request as row copies ({@code null} and null items stay null). */
  static List<Map<String, Object>> rowMaps(List<Map<String, Object>> maps) {
    if (maps == null) {
      return null;
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> map : maps) {
      result.add(map == null ? null : JsonTrees.deepCopy(map));
    }
    return result;
  }

  static SequenceNode node(NodeState n) {
    SequenceNode wire = new SequenceNode();
    wire.setId(n.id);
    wire.setCampaignId(n.campaignId);
    wire.setPosition(n.position);
    wire.setType(SequenceNodeType.fromValue(n.type));
    if (n.isSendable() || n.isAi()) {
      wire.setSubject(n.subject);
      wire.setBody(n.body);
    }
    if ("email".equals(n.type) || n.isAi()) {
      wire.setBodyHtml(n.bodyHtml);
      wire.setSignature(n.signature);
      wire.setFromName(n.fromName);
      wire.setReplyTo(n.replyTo);
      wire.setCc(n.cc);
      wire.setBcc(n.bcc);
      wire.setAttachments(n.attachments == null ? null : copyMaps(n.attachments));
      wire.setIsReply(n.isReply);
    }
    if ("connection_request".equals(n.type)) {
      wire.setIncludeMessage(n.includeMessage);
    }
    if ("delay".equals(n.type)) {
      wire.setDelayDays(n.delayDays);
      wire.setDelayHours(n.delayHours);
      wire.setDelayMinutes(n.delayMinutes);
    }
    if (n.isAi()) {
      AiNodeSettings ai = new AiNodeSettings();
      ai.setPurpose(n.aiPurpose);
      ai.setOutputType(n.aiOutputType);
      wire.setAiNode(ai);
    }
    return wire;
  }

  static GeneratedMessage message(MessageState m) {
    GeneratedMessage wire = new GeneratedMessage();
    wire.setId(m.id);
    wire.setCampaignId(m.campaignId);
    wire.setProspectId(m.prospectId);
    wire.setNodeId(m.nodeId);
    wire.setSubject(m.subject);
    wire.setBodyText(m.bodyText);
    wire.setBodyHtml(m.bodyHtml);
    wire.setStatus(m.status);
    wire.setManuallyEdited(m.manuallyEdited);
    wire.setCreatedAt(time(m.createdAt));
    return wire;
  }

  static OffsetDateTime time(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
