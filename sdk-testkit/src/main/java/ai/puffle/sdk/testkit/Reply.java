package ai.puffle.sdk.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ReplyModel}'s answer to one turn: the assistant message, and optionally a new skeleton
 * and draft. A new skeleton raises the session's framework_version, moves the old skeleton to
 * skeleton_history and clears generated_examples. Without an explicit draft, a skeleton's
 * {@code subject} and {@code body} become the draft. Immutable.
 */
public final class Reply {
  private final String message;
  private final Map<String, Object> skeleton;
  private final String draftSubject;
  private final String draftBody;

  private Reply(Builder b) {
    this.message = Objects.requireNonNull(b.message, "message");
    this.skeleton =
        b.skeleton == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.skeleton));
    String subject = b.draftSubject;
    String body = b.draftBody;
    if (skeleton != null && subject == null && body == null) {
      subject = skeleton.get("subject") instanceof String ? (String) skeleton.get("subject") : null;
      body = skeleton.get("body") instanceof String ? (String) skeleton.get("body") : null;
    }
    this.draftSubject = subject;
    this.draftBody = body;
  }

  /** A reply with only an assistant message: no skeleton, the draft unchanged. */
  public static Reply text(String message) {
    return builder().message(message).build();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The assistant message. */
  public String message() {
    return message;
  }

  /** The new skeleton, if the turn produced one. */
  public Optional<Map<String, Object>> skeleton() {
    return Optional.ofNullable(skeleton);
  }

  /** The new draft subject, if any. */
  public Optional<String> draftSubject() {
    return Optional.ofNullable(draftSubject);
  }

  /** The new draft body, if any. */
  public Optional<String> draftBody() {
    return Optional.ofNullable(draftBody);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Reply)) {
      return false;
    }
    Reply other = (Reply) o;
    return message.equals(other.message)
        && Objects.equals(skeleton, other.skeleton)
        && Objects.equals(draftSubject, other.draftSubject)
        && Objects.equals(draftBody, other.draftBody);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, skeleton, draftSubject, draftBody);
  }

  @Override
  public String toString() {
    return "Reply{message=" + message + ", skeleton=" + (skeleton != null) + "}";
  }

  /** Builds a {@link Reply}. */
  public static final class Builder {
    private String message;
    private Map<String, Object> skeleton;
    private String draftSubject;
    private String draftBody;

    private Builder() {}

    /** Sets the assistant message (required). */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** Sets a new skeleton (any JSON-like map; numbers, strings, lists and maps). */
    public Builder skeleton(Map<String, ?> skeleton) {
      this.skeleton = skeleton == null ? null : new LinkedHashMap<>(skeleton);
      return this;
    }

    /** Sets the new draft subject and body. */
    public Builder draft(String subject, String body) {
      this.draftSubject = subject;
      this.draftBody = body;
      return this;
    }

    /** Builds the reply. */
    public Reply build() {
      return new Reply(this);
    }
  }
}
