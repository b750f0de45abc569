package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a synchronous generate-content turn: the assistant's reply and the latest
 * skeleton that passed the server's quality check. When {@link #skeletonUpdated()} is true the
 * session's cached examples were cleared: generate them again.
 */
public final class ContentTurn {
  private final String sessionId;
  private final String assistantMessage;
  private final Skeleton skeleton;
  private final boolean skeletonUpdated;

  private ContentTurn(String sessionId, String assistantMessage, Skeleton skeleton, boolean updated) {
    this.sessionId = sessionId;
    this.assistantMessage = assistantMessage;
    this.skeleton = skeleton;
    this.skeletonUpdated = updated;
  }

  /**
   * A result with these values; {@code skeleton} may be {@code null}.
   *
   * @throws InvalidInputException when {@code sessionId} or {@code assistantMessage} is null
   */
  static ContentTurn of(
      String sessionId, String assistantMessage, Skeleton skeleton, boolean skeletonUpdated) {
    return new ContentTurn(
        Validate.notNull("contentTurn.sessionId", sessionId),
        Validate.notNull("contentTurn.assistantMessage", assistantMessage),
        skeleton,
        skeletonUpdated);
  }

  /** The session that holds this chat (one per campaign node); usable with the sessions API. */
  public String sessionId() {
    return sessionId;
  }

  /** The assistant's plain-text reply. */
  public String assistantMessage() {
    return assistantMessage;
  }

  /** The latest skeleton that passed the quality check, if any ever did. */
  public Optional<Skeleton> skeleton() {
    return Optional.ofNullable(skeleton);
  }

  /** Whether this turn produced a new skeleton (cached examples were then cleared). */
  public boolean skeletonUpdated() {
    return skeletonUpdated;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ContentTurn)) {
      return false;
    }
    ContentTurn t = (ContentTurn) o;
    return sessionId.equals(t.sessionId)
        && assistantMessage.equals(t.assistantMessage)
        && Objects.equals(skeleton, t.skeleton)
        && skeletonUpdated == t.skeletonUpdated;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sessionId, assistantMessage, skeleton, skeletonUpdated);
  }

  @Override
  public String toString() {
    return "ContentTurn{sessionId=" + sessionId
        + ", assistantMessage=" + assistantMessage
        + ", skeleton=" + skeleton
        + ", skeletonUpdated=" + skeletonUpdated
        + "}";
  }
}
