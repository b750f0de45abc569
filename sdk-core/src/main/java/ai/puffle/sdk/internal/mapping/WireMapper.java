package ai.puffle.sdk.internal.mapping;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.ContentTurn;
import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.generated.model.AiChatSession;
import ai.puffle.sdk.generated.model.CampaignDetail;
import ai.puffle.sdk.generated.model.GenerateContentResponse;
import ai.puffle.sdk.generated.model.GenerateMessagesResult;
import ai.puffle.sdk.generated.model.GeneratedMessageEnvelope;
import ai.puffle.sdk.generated.model.GeneratedMessageListEnvelope;
import ai.puffle.sdk.generated.model.SequenceNodeEnvelope;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.SessionListEnvelope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Maps generated wire models to the public values; {@link RequestMapping} maps the requests.
 * Stateless; every method is static.
 *
 * <p>Responses: fields the contract requires (ids, timestamps) must be present, otherwise a
 * {@link MalformedResponseException} names the missing JSON field (the client reports it as an
 * unexpected response). Optional fields are read leniently: {@code null} lists become empty,
 * {@code null} items are skipped, unknown enum values become {@code "unknown"} or
 * {@link TaskStatus#UNKNOWN}.
 */
public final class WireMapper {
  private WireMapper() {}

  /** A response lacks a field the contract requires, or has no body where one is required. */
  public static final class MalformedResponseException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** An exception for this missing JSON field path, e.g. {@code "session.created_at"}. */
    public MalformedResponseException(String field) {
      super("response is missing required field " + field);
      this.field = field;
    }

    /** The JSON path of the missing field, e.g. {@code "sessions[1].id"}. */
    public String field() {
      return field;
    }
  }

  // ---------------------------------------------------------------- responses

  /** The session inside a {@code {"session": ...}} envelope. */
  public static Session toSession(SessionEnvelope envelope) {
    require(envelope, "body");
    return toSession(envelope.getSession(), "session");
  }

  /** A generated session as a public {@link Session}. */
  public static Session toSession(AiChatSession wire) {
    return toSession(wire, "session");
  }

  /** The sessions of a list response, in server order. */
  public static List<Session> toSessions(SessionListEnvelope envelope) {
    require(envelope, "body");
    List<AiChatSession> wire = require(envelope.getSessions(), "sessions");
    List<Session> sessions = new ArrayList<>(wire.size());
    for (int i = 0; i < wire.size(); i++) {
      if (wire.get(i) != null) {
        sessions.add(toSession(wire.get(i), "sessions[" + i + "]"));
      }
    }
    return Collections.unmodifiableList(sessions);
  }

  private static Session toSession(AiChatSession wire, String path) {
    require(wire, path);
    List<ChatMessage> messages = new ArrayList<>();
    if (wire.getMessages() != null) {
      for (ai.puffle.sdk.generated.model.ChatMessage m : wire.getMessages()) {
        if (m != null) {
          messages.add(ChatMessage.of(orEmpty(m.getRole()), orEmpty(m.getContent())));
        }
      }
    }
    List<GeneratedExample> examples = new ArrayList<>();
    if (wire.getGeneratedExamples() != null) {
      for (ai.puffle.sdk.generated.model.GeneratedExample e : wire.getGeneratedExamples()) {
        if (e != null) {
          examples.add(
              GeneratedExample.of(
                  orEmpty(e.getLeadId()), orEmpty(e.getSubject()), orEmpty(e.getBody())));
        }
      }
    }
    return Session.builder()
        .id(require(wire.getId(), path, ".id"))
        .userId(require(wire.getUserId(), path, ".user_id"))
        .campaignId(require(wire.getCampaignId(), path, ".campaign_id"))
        .nodeId(require(wire.getNodeId(), path, ".node_id"))
        .title(wire.getTitle())
        .messages(messages)
        .draftSubject(wire.getDraftSubject())
        .draftBody(wire.getDraftBody())
        .skeleton(toSkeleton(wire.getSkeleton()))
        .skeletonHistory(withoutNulls(wire.getSkeletonHistory()))
        .draftHistory(withoutNulls(wire.getDraftHistory()))
        .frameworkVersion(wire.getFrameworkVersion())
        .generatedExamples(examples)
        .taskStatus(toTaskStatus(wire.getTaskStatus()))
        .createdAt(require(wire.getCreatedAt(), path, ".created_at"))
        .updatedAt(require(wire.getUpdatedAt(), path, ".updated_at"))
        .build();
  }

  /** A generated skeleton as a public {@link Skeleton}; {@code null} stays {@code null}. */
  public static Skeleton toSkeleton(ai.puffle.sdk.generated.model.Skeleton wire) {
    return wire == null ? null : Skeleton.of(wire);
  }

  /** The busy flag: {@code null} is idle, unknown values {@link TaskStatus#UNKNOWN}. */
  public static TaskStatus toTaskStatus(ai.puffle.sdk.generated.model.TaskStatus wire) {
    return wire == null ? TaskStatus.IDLE : TaskStatus.fromWire(wire.getValue());
  }

  /** The run handle of a /turn or /generate-examples response. */
  public static RunHandle toRunHandle(ai.puffle.sdk.generated.model.RunHandle wire) {
    require(wire, "body");
    return RunHandle.of(
        require(wire.getRunId(), "runId"),
        require(wire.getPublicAccessToken(), "publicAccessToken"));
  }

  /** The result of a generate-content call. */
  public static ContentTurn toContentTurn(GenerateContentResponse wire) {
    require(wire, "body");
    return SdkAccess.get().contentTurn(
        require(wire.getSessionId(), "session_id"),
        require(wire.getAssistantMessage(), "assistant_message"),
        toSkeleton(wire.getSkeleton()),
        Boolean.TRUE.equals(wire.getSkeletonUpdated()));
  }

  /** The campaign, its nodes and lead counts from a get-campaign response. */
  public static Campaign toCampaign(CampaignDetail wire) {
    require(wire, "body");
    ai.puffle.sdk.generated.model.Campaign c = require(wire.getCampaign(), "campaign");
    String id = require(c.getId(), "campaign.id");
    List<SequenceNode> nodes = new ArrayList<>();
    List<ai.puffle.sdk.generated.model.SequenceNode> wireNodes = wire.getSequenceNodes();
    if (wireNodes != null) {
      for (int i = 0; i < wireNodes.size(); i++) {
        if (wireNodes.get(i) != null) {
          nodes.add(toSequenceNode(wireNodes.get(i), "sequence_nodes[" + i + "]", id, i));
        }
      }
    }
    return Campaign.builder()
        .id(id)
        .name(c.getName())
        .type(c.getType() == null ? null : known(c.getType().getValue()))
        .status(c.getStatus() == null ? null : known(c.getStatus().getValue()))
        .sequenceNodes(nodes)
        .prospectsByStatus(wire.getProspectsByStatus())
        .prospectsByNode(wire.getProspectsByNode())
        .build();
  }

  /** The node inside a {@code {"node": ...}} envelope. */
  public static SequenceNode toSequenceNode(SequenceNodeEnvelope envelope) {
    require(envelope, "body");
    return toSequenceNode(envelope.getNode(), "node", null, -1);
  }

  /** A generated sequence node as a public {@link SequenceNode}. */
  public static SequenceNode toSequenceNode(ai.puffle.sdk.generated.model.SequenceNode wire) {
    return toSequenceNode(wire, "node", null, -1);
  }

  private static SequenceNode toSequenceNode(
      ai.puffle.sdk.generated.model.SequenceNode wire,
      String path,
      String campaignId,
      long index) {
    require(wire, path);
    ai.puffle.sdk.generated.model.AiNodeSettings ai = wire.getAiNode();
    return SequenceNode.builder()
        .id(require(wire.getId(), path, ".id"))
        .campaignId(wire.getCampaignId() != null ? wire.getCampaignId() : campaignId)
        .position(wire.getPosition() != null ? wire.getPosition() : index)
        .type(wire.getType() == null ? "unknown" : known(wire.getType().getValue()))
        .subject(wire.getSubject())
        .body(wire.getBody())
        .bodyHtml(wire.getBodyHtml())
        .aiPurpose(ai == null ? null : ai.getPurpose())
        .aiOutputType(ai == null ? null : ai.getOutputType())
        .build();
  }

  /** The messages of a list-messages response (empty when absent). */
  public static List<GeneratedMessage> toGeneratedMessages(GeneratedMessageListEnvelope envelope) {
    require(envelope, "body");
    return toGeneratedMessages(envelope.getMessages());
  }

  /** The messages of a generate-messages response (empty when absent, as after generate_ai). */
  public static List<GeneratedMessage> toGeneratedMessages(GenerateMessagesResult result) {
    require(result, "body");
    return toGeneratedMessages(result.getMessages());
  }

  private static List<GeneratedMessage> toGeneratedMessages(
      List<ai.puffle.sdk.generated.model.GeneratedMessage> wire) {
    if (wire == null) {
      return Collections.emptyList();
    }
    List<GeneratedMessage> messages = new ArrayList<>(wire.size());
    for (int i = 0; i < wire.size(); i++) {
      if (wire.get(i) != null) {
        messages.add(toGeneratedMessage(wire.get(i), "messages[" + i + "]"));
      }
    }
    return Collections.unmodifiableList(messages);
  }

  /** The message inside a {@code {"message": ...}} envelope. */
  public static GeneratedMessage toGeneratedMessage(GeneratedMessageEnvelope envelope) {
    require(envelope, "body");
    return toGeneratedMessage(envelope.getMessage(), "message");
  }

  /** A generated message as a public {@link GeneratedMessage}. */
  public static GeneratedMessage toGeneratedMessage(
      ai.puffle.sdk.generated.model.GeneratedMessage wire) {
    return toGeneratedMessage(wire, "message");
  }

  private static GeneratedMessage toGeneratedMessage(
      ai.puffle.sdk.generated.model.GeneratedMessage wire, String path) {
    require(wire, path);
    return GeneratedMessage.builder()
        .id(require(wire.getId(), path, ".id"))
        .campaignId(wire.getCampaignId())
        .prospectId(wire.getProspectId())
        .nodeId(wire.getNodeId())
        .subject(wire.getSubject())
        .bodyText(wire.getBodyText())
        .bodyHtml(wire.getBodyHtml())
        .status(wire.getStatus())
        .manuallyEdited(Boolean.TRUE.equals(wire.getManuallyEdited()))
        .createdAt(wire.getCreatedAt())
        .build();
  }

  // ---------------------------------------------------------------- helpers

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new MalformedResponseException(field);
    }
    return value;
  }

  /** Like {@link #require(Object, String)}; the field's name is only built when it is missing. */
  private static <T> T require(T value, String path, String member) {
    if (value == null) {
      throw new MalformedResponseException(path + member);
    }
    return value;
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String known(String wireValue) {
    return "unknown_default_open_api".equals(wireValue) ? "unknown" : wireValue;
  }

  private static <T> List<T> withoutNulls(List<T> values) {
    if (values == null) {
      return null;
    }
    List<T> kept = new ArrayList<>(values.size());
    for (T value : values) {
      if (value != null) {
        kept.add(value);
      }
    }
    return kept;
  }
}
