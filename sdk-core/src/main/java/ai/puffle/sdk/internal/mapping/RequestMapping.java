package ai.puffle.sdk.internal.mapping;

import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageFilter;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.generated.model.AiChatLead;
import ai.puffle.sdk.generated.model.AiNodeSettings;
import ai.puffle.sdk.generated.model.CreateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.GenerateAiChatExamplesRequest;
import ai.puffle.sdk.generated.model.GenerateContentRequest;
import ai.puffle.sdk.generated.model.GenerateContentSampleLead;
import ai.puffle.sdk.generated.model.GenerateMessagesAction;
import ai.puffle.sdk.generated.model.GenerateMessagesRequest;
import ai.puffle.sdk.generated.model.MessageStatusFilter;
import ai.puffle.sdk.generated.model.RunAiChatTurnRequest;
import ai.puffle.sdk.generated.model.UpdateAiChatSessionRequest;
import ai.puffle.sdk.generated.model.UpdateGeneratedMessageRequest;
import ai.puffle.sdk.generated.model.UpdateSequenceNodeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public request values to generated request models; {@link WireMapper} maps the responses back.
 * Stateless; every method is static. A request value is checked as it is built; here it is only
 * checked to be present. A generated setter is called only for a value that is sent: calling it
 * with {@code null} would send an explicit JSON null, and optional lists and maps that are empty
 * stay {@code null}, so they are left out of the JSON.
 *
 * <p>The body of each operation is {@code toWire} of its request value, an overload per value:
 * the generated calls (openapi.yaml's {@code x-puffle-sdk}) map a body parameter with it.
 */
public final class RequestMapping {
  private RequestMapping() {}

  /** The create-session body; both ids must be UUIDs. */
  public static CreateAiChatSessionRequest createSession(String campaignId, String nodeId) {
    return new CreateAiChatSessionRequest()
        .campaignId(Validate.uuid("campaignId", campaignId))
        .nodeId(Validate.uuid("nodeId", nodeId));
  }

  /** The /turn body: camelCase containers, snake_case lead keys; unset hints left out. */
  public static RunAiChatTurnRequest toWire(TurnRequest request) {
    Validate.notNull("turnRequest", request);
    RunAiChatTurnRequest wire = new RunAiChatTurnRequest().message(request.message());
    if (!request.availableVarNames().isEmpty()) {
      wire.setAvailableVarNames(new ArrayList<>(request.availableVarNames()));
    }
    if (!request.sampleLeads().isEmpty()) {
      wire.setSampleLeads(aiChatLeads(request.sampleLeads()));
    }
    request.sequenceContext().ifPresent(c -> wire.setSequenceContext(toWire(c)));
    return wire;
  }

  /** The /generate-examples body; {@code isFirstBatch} is always sent. */
  public static GenerateAiChatExamplesRequest toWire(ExamplesRequest request) {
    Validate.notNull("examplesRequest", request);
    GenerateAiChatExamplesRequest wire =
        new GenerateAiChatExamplesRequest()
            .leads(aiChatLeads(request.leads()))
            .isFirstBatch(request.firstBatch());
    request.sequenceContext().ifPresent(c -> wire.setSequenceContext(toWire(c)));
    return wire;
  }

  /** The generate-content body: snake_case containers; unset leads and context left out. */
  public static GenerateContentRequest toWire(ContentRequest request) {
    Validate.notNull("contentRequest", request);
    GenerateContentRequest wire =
        new GenerateContentRequest().nodeId(request.nodeId()).message(request.message());
    if (!request.sampleLeads().isEmpty()) {
      List<GenerateContentSampleLead> leads = new ArrayList<>();
      for (Lead lead : request.sampleLeads()) {
        leads.add(toSampleLead(lead));
      }
      wire.setSampleLeads(leads);
    }
    if (!request.sequenceContext().isEmpty()) {
      wire.setSequenceContext(new LinkedHashMap<>(request.sequenceContext()));
    }
    return wire;
  }

  /** The session PATCH body: exactly the fields set, {@code null} ones as JSON null. */
  @SuppressWarnings("unchecked")
  public static UpdateAiChatSessionRequest toWire(SessionUpdate update) {
    Validate.notNull("sessionUpdate", update);
    UpdateAiChatSessionRequest wire = new UpdateAiChatSessionRequest();
    for (Map.Entry<String, Object> field : update.fields().entrySet()) {
      Object value = field.getValue();
      switch (field.getKey()) {
        case SessionUpdate.TITLE:
          wire.setTitle((String) value);
          break;
        case SessionUpdate.DRAFT_SUBJECT:
          wire.setDraftSubject((String) value);
          break;
        case SessionUpdate.DRAFT_BODY:
          wire.setDraftBody((String) value);
          break;
        case SessionUpdate.SKELETON:
          wire.setSkeleton(
              value == null
                  ? null
                  : new ai.puffle.sdk.generated.model.Skeleton(((Skeleton) value).asMap()));
          break;
        case SessionUpdate.MESSAGES:
          wire.setMessages(value == null ? null : transcript((List<ChatMessage>) value));
          break;
        case SessionUpdate.TASK_STATUS:
          wire.setTaskStatus(null);
          break;
        default:
          throw new IllegalStateException("unmapped session field " + field.getKey());
      }
    }
    return wire;
  }

  /** The node PUT body: exactly the fields set, {@code null} ones as JSON null. */
  public static UpdateSequenceNodeRequest toWire(NodeUpdate update) {
    Validate.notNull("nodeUpdate", update);
    UpdateSequenceNodeRequest wire = new UpdateSequenceNodeRequest();
    for (Map.Entry<String, Object> field : update.fields().entrySet()) {
      Object value = field.getValue();
      switch (field.getKey()) {
        case "subject":
          wire.setSubject((String) value);
          break;
        case "body":
          wire.setBody((String) value);
          break;
        case "body_html":
          wire.setBodyHtml((String) value);
          break;
        case "signature":
          wire.setSignature((String) value);
          break;
        case "from_name":
          wire.setFromName((String) value);
          break;
        case "reply_to":
          wire.setReplyTo((String) value);
          break;
        case "cc":
          wire.setCc((String) value);
          break;
        case "bcc":
          wire.setBcc((String) value);
          break;
        case "include_message":
          wire.setIncludeMessage((Boolean) value);
          break;
        case "is_reply":
          wire.setIsReply((Boolean) value);
          break;
        case "delay_days":
          wire.setDelayDays((Long) value);
          break;
        case "delay_hours":
          wire.setDelayHours((Long) value);
          break;
        case "delay_minutes":
          wire.setDelayMinutes((Long) value);
          break;
        case NodeUpdate.AI_NODE:
          wire.setAiNode(aiNode((Map<?, ?>) value));
          break;
        default:
          throw new IllegalStateException("unmapped node field " + field.getKey());
      }
    }
    return wire;
  }

  /** The generated-message PATCH body. */
  public static UpdateGeneratedMessageRequest toWire(MessageUpdate update) {
    Validate.notNull("messageUpdate", update);
    UpdateGeneratedMessageRequest wire =
        new UpdateGeneratedMessageRequest().messageId(update.messageId());
    update.subject().ifPresent(wire::setSubject);
    update.bodyText().ifPresent(wire::setBodyText);
    return wire;
  }

  /** The generate-messages body with {@code action: "resolve"}. */
  public static GenerateMessagesRequest resolve() {
    return new GenerateMessagesRequest().action(GenerateMessagesAction.RESOLVE);
  }

  /**
   * The generate-messages body with {@code action: "generate_ai"} for one AI node, optionally
   * limited to some leads ({@code null} or empty: all leads; the list is then left out).
   */
  public static GenerateMessagesRequest generateAi(String nodeId, List<String> prospectIds) {
    GenerateMessagesRequest wire =
        new GenerateMessagesRequest()
            .action(GenerateMessagesAction.GENERATE_AI)
            .nodeId(Validate.uuid("nodeId", nodeId));
    if (prospectIds != null && !prospectIds.isEmpty()) {
      wire.setProspectIds(
          new ArrayList<>(
              Validate.names("prospectIds", prospectIds, Validate.MAX_PROSPECT_IDS)));
    }
    return wire;
  }

  /** The {@code status} query value. */
  public static MessageStatusFilter toWire(MessageFilter filter) {
    return MessageStatusFilter.fromValue(Validate.notNull("filter", filter).wireValue());
  }

  /** A sequence context as the generated open object. */
  public static ai.puffle.sdk.generated.model.SequenceContext toWire(SequenceContext context) {
    return new ai.puffle.sdk.generated.model.SequenceContext(
        Validate.notNull("sequenceContext", context).asMap());
  }

  /** A lead in the /turn and /generate-examples shape (no email). */
  public static AiChatLead toAiChatLead(Lead lead) {
    Validate.notNull("lead", lead);
    AiChatLead wire = new AiChatLead();
    lead.firstName().ifPresent(wire::setFirstName);
    lead.lastName().ifPresent(wire::setLastName);
    lead.fullName().ifPresent(wire::setFullName);
    lead.company().ifPresent(wire::setCompany);
    lead.position().ifPresent(wire::setPosition);
    lead.headline().ifPresent(wire::setHeadline);
    lead.linkedinUrl().ifPresent(wire::setLinkedinUrl);
    if (!lead.customFields().isEmpty()) {
      wire.setCustomFields(new LinkedHashMap<>(lead.customFields()));
    }
    return wire;
  }

  /**
   * A lead in the generate-content shape (no full name, headline or LinkedIn URL). Without a
   * first name, the full name is split at its first space into first and last.
   */
  public static GenerateContentSampleLead toSampleLead(Lead lead) {
    Validate.notNull("lead", lead);
    GenerateContentSampleLead wire = new GenerateContentSampleLead();
    String first = lead.firstName().filter(RequestMapping::hasText).orElse(null);
    String last = lead.lastName().orElse(null);
    if (first == null && lead.fullName().isPresent()) {
      String full = lead.fullName().get().strip();
      int space = full.indexOf(' ');
      first = space < 0 ? full : full.substring(0, space);
      if (last == null && space >= 0) {
        last = full.substring(space + 1).strip();
      }
    }
    if (first != null) {
      wire.setFirstName(first);
    }
    if (last != null && !last.isEmpty()) {
      wire.setLastName(last);
    }
    lead.email().ifPresent(wire::setEmail);
    lead.company().ifPresent(wire::setCompany);
    lead.position().ifPresent(wire::setPosition);
    if (!lead.customFields().isEmpty()) {
      wire.setCustomFields(new LinkedHashMap<>(lead.customFields()));
    }
    return wire;
  }

  private static List<AiChatLead> aiChatLeads(List<Lead> leads) {
    List<AiChatLead> wire = new ArrayList<>(leads.size());
    for (Lead lead : leads) {
      wire.add(toAiChatLead(lead));
    }
    return wire;
  }

  private static List<Map<String, Object>> transcript(List<ChatMessage> messages) {
    List<Map<String, Object>> wire = new ArrayList<>(messages.size());
    for (ChatMessage message : messages) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("role", message.role());
      item.put("content", message.content());
      wire.add(item);
    }
    return wire;
  }

  private static AiNodeSettings aiNode(Map<?, ?> values) {
    AiNodeSettings wire = new AiNodeSettings();
    if (values.containsKey("purpose")) {
      wire.setPurpose((String) values.get("purpose"));
    }
    if (values.containsKey("output_type")) {
      wire.setOutputType((String) values.get("output_type"));
    }
    return wire;
  }

  private static boolean hasText(String value) {
    return !value.isBlank();
  }
}
