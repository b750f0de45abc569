package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a campaign's sequence: an email, a LinkedIn action, a delay, an AI-written step or
 * the end marker. {@link #type()} is the API's text ({@code "email"}, {@code "ai"}, ...).
 */
public final class SequenceNode {
  /** The type of AI-written nodes. */
  public static final String TYPE_AI = "ai";

  private final String id;
  private final String campaignId;
  private final long position;
  private final String type;
  private final String subject;
  private final String body;
  private final String bodyHtml;
  private final String aiPurpose;
  private final String aiOutputType;

  private SequenceNode(Builder b) {
    this.id = Validate.notNull("sequenceNode.id", b.id);
    this.campaignId = Validate.notNull("sequenceNode.campaignId", b.campaignId);
    this.position = b.position;
    this.type = Validate.notNull("sequenceNode.type", b.type);
    this.subject = b.subject;
    this.body = b.body;
    this.bodyHtml = b.bodyHtml;
    this.aiPurpose = b.aiPurpose;
    this.aiOutputType = b.aiOutputType;
  }

  /** A builder, for tests and tools. Id and type are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The node id (a UUID). */
  public String id() {
    return id;
  }

  /** The campaign the node belongs to (empty when the server did not say). */
  public String campaignId() {
    return campaignId;
  }

  /** The 0-based position in the sequence, or -1 when the server did not say. */
  public long position() {
    return position;
  }

  /**
   * The node type: {@code connection_request}, {@code message}, {@code email}, {@code delay},
   * {@code ai} or {@code end}; {@code "unknown"} for a type this SDK version does not know.
   */
  public String type() {
    return type;
  }

  /** Whether this is an AI-written node (the kind AI chat sessions draft for). */
  public boolean isAi() {
    return TYPE_AI.equals(type);
  }

  /** The subject (email nodes), if any. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** The body text, if any. */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /** The HTML body (email nodes), if any. */
  public Optional<String> bodyHtml() {
    return Optional.ofNullable(bodyHtml);
  }

  /** What the AI step should achieve ({@code ai_node.purpose}), if set. */
  public Optional<String> aiPurpose() {
    return Optional.ofNullable(aiPurpose);
  }

  /** What the AI step produces ({@code ai_node.output_type}, e.g. {@code "email"}), if set. */
  public Optional<String> aiOutputType() {
    return Optional.ofNullable(aiOutputType);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SequenceNode)) {
      return false;
    }
    SequenceNode n = (SequenceNode) o;
    return id.equals(n.id)
        && campaignId.equals(n.campaignId)
        && position == n.position
        && type.equals(n.type)
        && Objects.equals(subject, n.subject)
        && Objects.equals(body, n.body)
        && Objects.equals(bodyHtml, n.bodyHtml)
        && Objects.equals(aiPurpose, n.aiPurpose)
        && Objects.equals(aiOutputType, n.aiOutputType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, campaignId, position, type, subject, body, bodyHtml, aiPurpose, aiOutputType);
  }

  @Override
  public String toString() {
    return "SequenceNode{id=" + id
        + ", position=" + position
        + ", type=" + type
        + ", subject=" + subject
        + ", aiPurpose=" + aiPurpose
        + "}";
  }

  /** Builds a {@link SequenceNode}. */
  public static final class Builder {
    private String id;
    private String campaignId = "";
    private long position = -1;
    private String type;
    private String subject;
    private String body;
    private String bodyHtml;
    private String aiPurpose;
    private String aiOutputType;

    private Builder() {}

    /** Sets the node id. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets the campaign id ({@code null} means unknown, kept as empty). */
    public Builder campaignId(String campaignId) {
      this.campaignId = campaignId == null ? "" : campaignId;
      return this;
    }

    /** Sets the 0-based position. */
    public Builder position(long position) {
      this.position = position;
      return this;
    }

    /** Sets the type text, e.g. {@code "ai"}. */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /** Sets the subject ({@code null} for none). */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** Sets the body ({@code null} for none). */
    public Builder body(String body) {
      this.body = body;
      return this;
    }

    /** Sets the HTML body ({@code null} for none). */
    public Builder bodyHtml(String bodyHtml) {
      this.bodyHtml = bodyHtml;
      return this;
    }

    /** Sets the AI purpose ({@code null} for none). */
    public Builder aiPurpose(String aiPurpose) {
      this.aiPurpose = aiPurpose;
      return this;
    }

    /** Sets the AI output type ({@code null} for none). */
    public Builder aiOutputType(String aiOutputType) {
      this.aiOutputType = aiOutputType;
      return this;
    }

    /**
     * The node.
     *
     * @throws InvalidInputException when the id or type is missing
     */
    public SequenceNode build() {
      return new SequenceNode(this);
    }
  }
}
