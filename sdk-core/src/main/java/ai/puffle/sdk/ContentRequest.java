package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One synchronous generate-content turn for an AI node of a draft campaign. Without sample
 * leads the server samples up to 5 leads of the campaign itself.
 *
 * <p>Checked when built: the node id is a UUID, the message is not blank and has at most
 * {@link Validate#MAX_MESSAGE_CHARS} characters, at most {@link Validate#MAX_LEADS} leads
 * (client-side guards). An empty list or map is not sent.
 */
public final class ContentRequest {
  private final String nodeId;
  private final String message;
  private final List<Lead> sampleLeads;
  private final Map<String, Object> sequenceContext;

  private ContentRequest(Builder b) {
    this.nodeId = Validate.uuid("contentRequest.nodeId", b.nodeId);
    this.message = Validate.message("contentRequest.message", b.message);
    this.sampleLeads =
        Validate.list("contentRequest.sampleLeads", b.sampleLeads, Validate.MAX_LEADS);
    this.sequenceContext =
        Copies.map(
            "contentRequest.sequenceContext",
            Validate.notNull("contentRequest.sequenceContext", b.sequenceContext));
  }

  /**
   * A turn for this AI node with this message.
   *
   * @throws InvalidInputException when the node id is not a UUID or the message is blank
   */
  public static ContentRequest of(String nodeId, String message) {
    return builder(nodeId, message).build();
  }

  /** A builder for a turn for this AI node with this message. */
  public static Builder builder(String nodeId, String message) {
    return new Builder(nodeId, message);
  }

  /** The AI node being drafted. */
  public String nodeId() {
    return nodeId;
  }

  /** The user's chat message. */
  public String message() {
    return message;
  }

  /** Leads to ground the AI's writing; empty to let the server sample some. */
  public List<Lead> sampleLeads() {
    return sampleLeads;
  }

  /** Free-form context about sibling nodes; empty when unset. */
  public Map<String, Object> sequenceContext() {
    return sequenceContext;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ContentRequest)) {
      return false;
    }
    ContentRequest r = (ContentRequest) o;
    return nodeId.equals(r.nodeId)
        && message.equals(r.message)
        && sampleLeads.equals(r.sampleLeads)
        && sequenceContext.equals(r.sequenceContext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeId, message, sampleLeads, sequenceContext);
  }

  @Override
  public String toString() {
    return "ContentRequest{nodeId=" + nodeId
        + ", message=" + message
        + ", sampleLeads=" + sampleLeads.size()
        + ", sequenceContext=" + sequenceContext
        + "}";
  }

  /** Builds a {@link ContentRequest}; input is checked by {@link #build()}. */
  public static final class Builder {
    private final String nodeId;
    private final String message;
    private List<Lead> sampleLeads = List.of();
    private Map<String, ?> sequenceContext = Map.of();

    private Builder(String nodeId, String message) {
      this.nodeId = nodeId;
      this.message = message;
    }

    /** Sets the sample leads (first/last name, email, company, position, custom fields are sent). */
    public Builder sampleLeads(List<Lead> leads) {
      this.sampleLeads = leads;
      return this;
    }

    /** Sets the free-form sequence context, sent as is. */
    public Builder sequenceContext(Map<String, ?> sequenceContext) {
      this.sequenceContext = sequenceContext;
      return this;
    }

    /** Sets the sequence context from a typed value ({@code null} to send none). */
    public Builder sequenceContext(SequenceContext sequenceContext) {
      this.sequenceContext = sequenceContext == null ? Map.of() : sequenceContext.asMap();
      return this;
    }

    /**
     * The request.
     *
     * @throws InvalidInputException when the node id is not a UUID, the message is blank or too
     *     long, or the leads are null, too many or hold a null
     */
    public ContentRequest build() {
      return new ContentRequest(this);
    }
  }
}
