package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Objects;
import java.util.Optional;

/**
 * An edit of one generated draft message: its subject, its text body, or both. Only draft
 * messages can be edited; the server rejects edits of pending or sent ones.
 */
public final class MessageUpdate {
  private final String messageId;
  private final String subject;
  private final String bodyText;

  private MessageUpdate(Builder b) {
    this.messageId = Validate.notBlank("messageUpdate.messageId", b.messageId);
    this.subject = b.subject;
    this.bodyText = b.bodyText;
    Validate.check(
        subject != null || bodyText != null, "messageUpdate", "must set subject or bodyText");
  }

  /**
   * A builder for an edit of this message.
   *
   * @throws InvalidInputException when the id is null, empty or blank
   */
  public static Builder of(String messageId) {
    return builder(messageId);
  }

  /**
   * A builder for an edit of this message (same as {@link #of(String)}).
   *
   * @throws InvalidInputException when the id is null, empty or blank
   */
  public static Builder builder(String messageId) {
    return new Builder(Validate.notBlank("messageUpdate.messageId", messageId));
  }

  /** The message to edit. */
  public String messageId() {
    return messageId;
  }

  /** The new subject, if set. */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** The new text body, if set (a custom HTML suffix is kept by the server). */
  public Optional<String> bodyText() {
    return Optional.ofNullable(bodyText);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MessageUpdate)) {
      return false;
    }
    MessageUpdate u = (MessageUpdate) o;
    return messageId.equals(u.messageId)
        && Objects.equals(subject, u.subject)
        && Objects.equals(bodyText, u.bodyText);
  }

  @Override
  public int hashCode() {
    return Objects.hash(messageId, subject, bodyText);
  }

  @Override
  public String toString() {
    return "MessageUpdate{messageId=" + messageId
        + ", subject=" + subject
        + ", bodyText=" + bodyText
        + "}";
  }

  /** Builds a {@link MessageUpdate}; input is checked as it is set and by {@link #build()}. */
  public static final class Builder {
    private final String messageId;
    private String subject;
    private String bodyText;

    private Builder(String messageId) {
      this.messageId = messageId;
    }

    /** Sets the new subject (not null). */
    public Builder subject(String subject) {
      this.subject =
          Validate.text("messageUpdate.subject", Validate.notNull("messageUpdate.subject", subject));
      return this;
    }

    /** Sets the new text body (not null). */
    public Builder bodyText(String bodyText) {
      this.bodyText =
          Validate.text(
              "messageUpdate.bodyText", Validate.notNull("messageUpdate.bodyText", bodyText));
      return this;
    }

    /**
     * The update.
     *
     * @throws InvalidInputException when neither subject nor body text was set
     */
    public MessageUpdate build() {
      return new MessageUpdate(this);
    }
  }
}
