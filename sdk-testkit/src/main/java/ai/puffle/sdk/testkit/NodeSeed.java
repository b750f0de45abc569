package ai.puffle.sdk.testkit;

import java.util.Objects;
import java.util.Optional;

/** One sequence node of a {@link CampaignSeed}. Immutable; create with the static factories. */
public final class NodeSeed {
  private final String type;
  private final String subject;
  private final String body;
  private final String aiPurpose;
  private final int delayDays;

  private NodeSeed(String type, String subject, String body, String aiPurpose, int delayDays) {
    this.type = type;
    this.subject = subject;
    this.body = body;
    this.aiPurpose = aiPurpose;
    this.delayDays = delayDays;
  }

  /** An {@code email} node with a subject and body (%variables% allowed). */
  public static NodeSeed email(String subject, String body) {
    return new NodeSeed(
        "email", Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(body, "body"),
        null, 0);
  }

  /** A LinkedIn {@code message} node. */
  public static NodeSeed message(String body) {
    return new NodeSeed("message", null, Objects.requireNonNull(body, "body"), null, 0);
  }

  /** A LinkedIn {@code connection_request} node. */
  public static NodeSeed connectionRequest(String body) {
    return new NodeSeed("connection_request", null, Objects.requireNonNull(body, "body"), null, 0);
  }

  /** An {@code ai} node drafted through chat sessions, with its ai_node purpose. */
  public static NodeSeed ai(String purpose) {
    return new NodeSeed("ai", null, null, Objects.requireNonNull(purpose, "purpose"), 0);
  }

  /** A {@code delay} node of whole days. */
  public static NodeSeed delay(int days) {
    if (days < 0) {
      throw new IllegalArgumentException("negative delay: " + days);
    }
    return new NodeSeed("delay", null, null, null, days);
  }

  /** The {@code end} node. */
  public static NodeSeed end() {
    return new NodeSeed("end", null, null, null, 0);
  }

  /** The node type as on the wire ({@code email}, {@code ai}, ...). */
  public String type() {
    return type;
  }

  /** The subject (email nodes). */
  public Optional<String> subject() {
    return Optional.ofNullable(subject);
  }

  /** The body (email, message and connection_request nodes). */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }

  /** The ai_node purpose (ai nodes). */
  public Optional<String> aiPurpose() {
    return Optional.ofNullable(aiPurpose);
  }

  /** The delay in days (delay nodes; 0 otherwise). */
  public int delayDays() {
    return delayDays;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NodeSeed)) {
      return false;
    }
    NodeSeed other = (NodeSeed) o;
    return delayDays == other.delayDays
        && type.equals(other.type)
        && Objects.equals(subject, other.subject)
        && Objects.equals(body, other.body)
        && Objects.equals(aiPurpose, other.aiPurpose);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, subject, body, aiPurpose, delayDays);
  }

  @Override
  public String toString() {
    return "NodeSeed{" + type + "}";
  }
}
