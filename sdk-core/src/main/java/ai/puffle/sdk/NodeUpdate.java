package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partial update of one sequence node (draft campaigns only). Only the fields you set are
 * sent; setting a text field to {@code null} sends an explicit JSON {@code null}. An update must
 * set at least one field. AI settings apply to {@code ai} nodes only.
 *
 * <p>{@link #draft(String, String)} is the usual last step of an AI chat: copy the session's
 * draft onto its node.
 */
public final class NodeUpdate {
  /** JSON name of the nested AI settings object. */
  public static final String AI_NODE = "ai_node";

  private final Map<String, Object> fields;

  private NodeUpdate(Map<String, Object> fields, Map<String, Object> aiNode) {
    Map<String, Object> all = new LinkedHashMap<>(fields);
    if (!aiNode.isEmpty()) {
      all.put(AI_NODE, Collections.unmodifiableMap(new LinkedHashMap<>(aiNode)));
    }
    Validate.check(!all.isEmpty(), "nodeUpdate", "must set at least one field");
    this.fields = Collections.unmodifiableMap(all);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * An update setting the node's subject and body, e.g. from a session's draft.
   *
   * @throws InvalidInputException when either is {@code null} or too long
   */
  public static NodeUpdate draft(String subject, String body) {
    return builder()
        .subject(Validate.notNull("nodeUpdate.subject", subject))
        .body(Validate.notNull("nodeUpdate.body", body))
        .build();
  }

  /**
   * The fields to send, by JSON name ({@code subject}, {@code delay_days}, ...), in the order
   * set. Values are {@code String}, {@code Boolean}, {@code Long} or {@code null}; the AI
   * settings are a nested map under {@link #AI_NODE} with keys {@code purpose} and
   * {@code output_type}.
   */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Whether the field with this JSON name is sent. */
  public boolean isSet(String jsonName) {
    return fields.containsKey(jsonName);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof NodeUpdate && fields.equals(((NodeUpdate) o).fields));
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "NodeUpdate" + fields;
  }

  /** Builds a {@link NodeUpdate}; input is checked as it is set and by {@link #build()}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final Map<String, Object> aiNode = new LinkedHashMap<>();

    private Builder() {}

    private Builder text(String jsonName, String field, String value) {
      fields.put(jsonName, Validate.text("nodeUpdate." + field, value));
      return this;
    }

    /** Sets the subject (email nodes; {@code null} clears it). */
    public Builder subject(String subject) {
      return text("subject", "subject", subject);
    }

    /** Sets the body (connection request, message and email nodes). */
    public Builder body(String body) {
      return text("body", "body", body);
    }

    /** Sets the HTML body. */
    public Builder bodyHtml(String bodyHtml) {
      return text("body_html", "bodyHtml", bodyHtml);
    }

    /** Sets the signature. */
    public Builder signature(String signature) {
      return text("signature", "signature", signature);
    }

    /** Sets the sender display name. */
    public Builder fromName(String fromName) {
      return text("from_name", "fromName", fromName);
    }

    /** Sets the reply-to address. */
    public Builder replyTo(String replyTo) {
      return text("reply_to", "replyTo", replyTo);
    }

    /** Sets the cc addresses. */
    public Builder cc(String cc) {
      return text("cc", "cc", cc);
    }

    /** Sets the bcc addresses. */
    public Builder bcc(String bcc) {
      return text("bcc", "bcc", bcc);
    }

    /** Sets whether a connection request carries a message. */
    public Builder includeMessage(boolean includeMessage) {
      fields.put("include_message", includeMessage);
      return this;
    }

    /** Sets whether the email replies in the previous email's thread. */
    public Builder isReply(boolean isReply) {
      fields.put("is_reply", isReply);
      return this;
    }

    /** Sets the delay days (delay nodes; not negative). */
    public Builder delayDays(long days) {
      fields.put("delay_days", Validate.notNegative("nodeUpdate.delayDays", days));
      return this;
    }

    /** Sets the delay hours (delay nodes; not negative). */
    public Builder delayHours(long hours) {
      fields.put("delay_hours", Validate.notNegative("nodeUpdate.delayHours", hours));
      return this;
    }

    /** Sets the delay minutes (delay nodes; not negative). */
    public Builder delayMinutes(long minutes) {
      fields.put("delay_minutes", Validate.notNegative("nodeUpdate.delayMinutes", minutes));
      return this;
    }

    /** Sets what an AI node should achieve ({@code ai_node.purpose}; {@code null} clears it). */
    public Builder aiPurpose(String purpose) {
      aiNode.put("purpose", Validate.text("nodeUpdate.aiPurpose", purpose));
      return this;
    }

    /** Sets what an AI node produces, e.g. {@code "email"} ({@code ai_node.output_type}). */
    public Builder aiOutputType(String outputType) {
      aiNode.put("output_type", Validate.text("nodeUpdate.aiOutputType", outputType));
      return this;
    }

    /**
     * The update.
     *
     * @throws InvalidInputException when no field was set
     */
    public NodeUpdate build() {
      return new NodeUpdate(fields, aiNode);
    }
  }
}
