package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Objects;

/** One message of a session's transcript: a role ({@code "user"}, {@code "assistant"}, ...) and text. */
public final class ChatMessage {
  /** The role of messages the caller wrote. */
  public static final String USER = "user";
  /** The role of messages the framework LLM wrote. */
  public static final String ASSISTANT = "assistant";

  private final String role;
  private final String content;

  private ChatMessage(String role, String content) {
    this.role = role;
    this.content = content;
  }

  /**
   * A message with this role and text.
   *
   * @throws InvalidInputException when either is {@code null}
   */
  public static ChatMessage of(String role, String content) {
    return new ChatMessage(
        Validate.notNull("chatMessage.role", role),
        Validate.notNull("chatMessage.content", content));
  }

  /** A message from the user. */
  public static ChatMessage user(String content) {
    return of(USER, content);
  }

  /** A message from the assistant. */
  public static ChatMessage assistant(String content) {
    return of(ASSISTANT, content);
  }

  /** The role as sent by the server; an open set, usually {@code "user"} or {@code "assistant"}. */
  public String role() {
    return role;
  }

  /** The message text. */
  public String content() {
    return content;
  }

  /** Whether the framework LLM wrote this message. */
  public boolean isAssistant() {
    return ASSISTANT.equals(role);
  }

  /** Whether the user wrote this message. */
  public boolean isUser() {
    return USER.equals(role);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ChatMessage)) {
      return false;
    }
    ChatMessage other = (ChatMessage) o;
    return role.equals(other.role) && content.equals(other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, content);
  }

  @Override
  public String toString() {
    return "ChatMessage{role=" + role + ", content=" + content + "}";
  }
}
