package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A message drafted for one lead at one sequence node ("generated email"). Drafts can be edited
 * with a {@link MessageUpdate} until they are sent.
 */
public final class GeneratedMessage {
  private final String id;
  private final String campaignId;
  private final String prospectId;
  private final String nodeId;
  private final String subject;
  private final String bodyText;
  private final String bodyHtml;
  private final String status;
  private final boolean manuallyEdited;
  private final OffsetDateTime createdAt;

  private GeneratedMessage(Builder b) {
    this.id = Validate.notNull("generatedMessage.id", b.id);
    this.campaignId = b.campaignId;
    this.prospectId = b.prospectId;
    this.nodeId = b.nodeId;
    this.subject = b.subject;
    this.bodyText = b.bodyText;
    this.bodyHtml = b.bodyHtml;
    this.status = b.status;
    this.manuallyEdited = b.manuallyEdited;
    this.createdAt = b.createdAt;
  }

  /** A builder, for tests and tools. Only the id is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The message id, as used by {@link MessageUpdate}. */
  public String id() {
    return id;
  }

  /** The campaign (empty when the server did not say). */
  public String campaignId() {
    return campaignId;
  }

  /** The lead ("prospect") the message is for (empty when the server did not say). */
  public String prospectId() {
    return prospectId;
  }

  /** The sequence node the message belongs to (empty when the server did not say). */
  public String nodeId() {
    return nodeId;
  }

  /** The subject, variables filled in, if any. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** The plain-text body, if any. */
  public Optional<String> bodyText() {
    return Optional.ofNullable(bodyText);
  }

  /** The HTML body, if any (newer API versions). */
  public Optional<String> bodyHtml() {
    return Optional.ofNullable(bodyHtml);
  }

  /** The status, e.g. {@code "draft"}, if the server sent one (older API versions). */
  public Optional<String> status() {
    return Optional.ofNullable(status);
  }

  /** Whether someone edited the draft by hand (resolving then leaves it alone). */
  public boolean manuallyEdited() {
    return manuallyEdited;
  }

  /** When the message was created, if known. */
  public Optional<OffsetDateTime> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GeneratedMessage)) {
      return false;
    }
    GeneratedMessage m = (GeneratedMessage) o;
    return id.equals(m.id)
        && campaignId.equals(m.campaignId)
        && prospectId.equals(m.prospectId)
        && nodeId.equals(m.nodeId)
        && Objects.equals(subject, m.subject)
        && Objects.equals(bodyText, m.bodyText)
        && Objects.equals(bodyHtml, m.bodyHtml)
        && Objects.equals(status, m.status)
        && manuallyEdited == m.manuallyEdited
        && Objects.equals(createdAt, m.createdAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, campaignId, prospectId, nodeId, subject, bodyText, bodyHtml, status, manuallyEdited,
        createdAt);
  }

  @Override
  public String toString() {
    return "GeneratedMessage{id=" + id
        + ", prospectId=" + prospectId
        + ", nodeId=" + nodeId
        + ", status=" + status
        + ", manuallyEdited=" + manuallyEdited
        + ", subject=" + subject
        + "}";
  }

  /** Builds a {@link GeneratedMessage}. */
  public static final class Builder {
    private String id;
    private String campaignId = "";
    private String prospectId = "";
    private String nodeId = "";
    private String subject;
    private String bodyText;
    private String bodyHtml;
    private String status;
    private boolean manuallyEdited;
    private OffsetDateTime createdAt;

    private Builder() {}

    /** Sets the id. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets the campaign id ({@code null} is kept as empty). */
    public Builder campaignId(String campaignId) {
      this.campaignId = campaignId == null ? "" : campaignId;
      return this;
    }

    /** Sets the lead id ({@code null} is kept as empty). */
    public Builder prospectId(String prospectId) {
      this.prospectId = prospectId == null ? "" : prospectId;
      return this;
    }

    /** Sets the node id ({@code null} is kept as empty). */
    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId == null ? "" : nodeId;
      return this;
    }

    /** Sets the subject ({@code null} for none). */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /** Sets the text body ({@code null} for none). */
    public Builder bodyText(String bodyText) {
      this.bodyText = bodyText;
      return this;
    }

    /** Sets the HTML body ({@code null} for none). */
    public Builder bodyHtml(String bodyHtml) {
      this.bodyHtml = bodyHtml;
      return this;
    }

    /** Sets the status ({@code null} for none). */
    public Builder status(String status) {
      this.status = status;
      return this;
    }

    /** Sets whether it was edited by hand. */
    public Builder manuallyEdited(boolean manuallyEdited) {
      this.manuallyEdited = manuallyEdited;
      return this;
    }

    /** Sets the creation time ({@code null} for unknown). */
    public Builder createdAt(OffsetDateTime createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /**
     * The message.
     *
     * @throws InvalidInputException when the id is missing
     */
    public GeneratedMessage build() {
      return new GeneratedMessage(this);
    }
  }
}
