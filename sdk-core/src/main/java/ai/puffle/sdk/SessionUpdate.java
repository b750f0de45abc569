package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partial update of an AI chat session. Only the fields you set are sent; setting a field to
 * {@code null} sends an explicit JSON {@code null} (clears it). An update must set at least one
 * field.
 *
 * <p>Agents usually only change the title or a hand-edited draft. Replacing the skeleton makes
 * the server drop the session's generated examples. {@link Builder#clearTaskStatus()} releases a
 * stuck busy flag; the server does not check for a live run, so use it with care.
 */
public final class SessionUpdate {
  /** JSON name of the title. */
  public static final String TITLE = "title";
  /** JSON name of the draft subject. */
  public static final String DRAFT_SUBJECT = "draft_subject";
  /** JSON name of the draft body. */
  public static final String DRAFT_BODY = "draft_body";
  /** JSON name of the skeleton. */
  public static final String SKELETON = "skeleton";
  /** JSON name of the transcript. */
  public static final String MESSAGES = "messages";
  /** JSON name of the busy flag. */
  public static final String TASK_STATUS = "task_status";

  private final Map<String, Object> fields;

  private SessionUpdate(Map<String, Object> fields) {
    Validate.check(!fields.isEmpty(), "sessionUpdate", "must set at least one field");
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The fields to send, by JSON name, in the order set. Values are {@code String} (title,
   * draft_subject, draft_body), {@link Skeleton}, {@code List<ChatMessage>} (messages) or
   * {@code null} (sent as JSON null).
   */
  public Map<String, Object> fields() {
    return fields;
  }

  /** Whether the field with this JSON name (e.g. {@link #TITLE}) is sent. */
  public boolean isSet(String jsonName) {
    return fields.containsKey(jsonName);
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof SessionUpdate && fields.equals(((SessionUpdate) o).fields));
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "SessionUpdate" + fields;
  }

  /** Builds a {@link SessionUpdate}; input is checked as it is set and by {@link #build()}. */
  public static final class Builder {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Sets the title ({@code null} clears it). */
    public Builder title(String title) {
      fields.put(TITLE, Validate.text("sessionUpdate.title", title));
      return this;
    }

    /** Sets the draft subject; template variables allowed ({@code null} clears it). */
    public Builder draftSubject(String draftSubject) {
      fields.put(DRAFT_SUBJECT, Validate.text("sessionUpdate.draftSubject", draftSubject));
      return this;
    }

    /** Sets the draft body; template variables allowed ({@code null} clears it). */
    public Builder draftBody(String draftBody) {
      fields.put(DRAFT_BODY, Validate.text("sessionUpdate.draftBody", draftBody));
      return this;
    }

    /**
     * Replaces the skeleton ({@code null} clears it; write {@code skeleton((Skeleton) null)}).
     * The server then drops the generated examples.
     */
    public Builder skeleton(Skeleton skeleton) {
      fields.put(SKELETON, skeleton);
      return this;
    }

    /** Replaces the skeleton with this JSON object ({@code null} clears it). */
    public Builder skeleton(Map<String, ?> skeleton) {
      return skeleton(skeleton == null ? null : Skeleton.of(skeleton));
    }

    /**
     * Replaces the whole transcript ({@code null} clears it). Normally the server manages it.
     * At most {@link Validate#MAX_TRANSCRIPT_MESSAGES} messages (client-side guard).
     */
    public Builder messages(List<ChatMessage> messages) {
      fields.put(
          MESSAGES,
          messages == null
              ? null
              : Validate.list(
                  "sessionUpdate.messages", messages, Validate.MAX_TRANSCRIPT_MESSAGES));
      return this;
    }

    /** Sends {@code task_status: null}, marking the session idle (releases a stuck flag). */
    public Builder clearTaskStatus() {
      fields.put(TASK_STATUS, null);
      return this;
    }

    /**
     * The update.
     *
     * @throws InvalidInputException when no field was set
     */
    public SessionUpdate build() {
      return new SessionUpdate(fields);
    }
  }
}
