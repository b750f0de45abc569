package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * What a turn's result is measured against, read from the session before the turn was sent: the
 * transcript's length, the framework version, and digests of the skeleton, the draft and the
 * message. Digests rather than text, so that a saved turn ({@link
 * ai.puffle.sdk.internal.live.SavedTurn}) carries no message or draft text.
 */
public final class TurnBaseline {
  private final int messages;
  private final long frameworkVersion;
  private final String skeletonDigest;
  private final String draftDigest;
  private final String messageDigest;

  /** A baseline from its parts ({@code frameworkVersion}: {@link Long#MIN_VALUE} when none). */
  public TurnBaseline(
      int messages, long frameworkVersion, String skeletonDigest, String draftDigest, String messageDigest) {
    this.messages = messages;
    this.frameworkVersion = frameworkVersion;
    this.skeletonDigest = Objects.requireNonNull(skeletonDigest);
    this.draftDigest = Objects.requireNonNull(draftDigest);
    this.messageDigest = Objects.requireNonNull(messageDigest);
  }

  /** The baseline of sending {@code message} into {@code before}. */
  static TurnBaseline of(Session before, String message) {
    return new TurnBaseline(
        before.messages().size(),
        before.frameworkVersion().orElse(Long.MIN_VALUE),
        skeletonDigest(before),
        draftDigest(before),
        digest(message));
  }

  /** Transcript length before the turn. */
  public int messages() {
    return messages;
  }

  /** Framework version before the turn ({@link Long#MIN_VALUE}: none). */
  public long frameworkVersion() {
    return frameworkVersion;
  }

  /** Digest of the skeleton before the turn. */
  public String skeletonDigest() {
    return skeletonDigest;
  }

  /** Digest of the draft subject and body before the turn. */
  public String draftDigest() {
    return draftDigest;
  }

  /** Digest of the turn's message. */
  public String messageDigest() {
    return messageDigest;
  }

  /** Whether {@code m} is the turn's own user message. */
  boolean isOurs(ChatMessage m) {
    return m.isUser() && messageDigest.equals(digest(m.content()));
  }

  static String skeletonDigest(Session s) {
    return digest(s.skeleton().map(k -> String.valueOf(k.asMap())).orElse(""));
  }

  static String draftDigest(Session s) {
    return digest(s.draftSubject().orElse("\u0000") + "\u0001" + s.draftBody().orElse("\u0000"));
  }

  /** The first 12 bytes of SHA-256, hex: enough to tell texts apart, nothing to read them back. */
  public static String digest(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(24);
      for (int i = 0; i < 12; i++) {
        hex.append(Character.forDigit((d[i] >> 4) & 0xF, 16)).append(Character.forDigit(d[i] & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
