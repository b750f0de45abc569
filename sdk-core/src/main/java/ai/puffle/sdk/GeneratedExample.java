package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Objects;

/** A sample email the framework LLM wrote for one lead (an item of a session's examples). */
public final class GeneratedExample {
  private final String leadId;
  private final String subject;
  private final String body;

  private GeneratedExample(String leadId, String subject, String body) {
    this.leadId = leadId;
    this.subject = subject;
    this.body = body;
  }

  /**
   * An example with these values.
   *
   * @throws InvalidInputException when any is {@code null}
   */
  public static GeneratedExample of(String leadId, String subject, String body) {
    return new GeneratedExample(
        Validate.notNull("generatedExample.leadId", leadId),
        Validate.notNull("generatedExample.subject", subject),
        Validate.notNull("generatedExample.body", body));
  }

  /** The lead this example was written for (empty when the server sent none). */
  public String leadId() {
    return leadId;
  }

  /** The example's subject line, variables already filled in. */
  public String subject() {
    return subject;
  }

  /** The example's body text, variables already filled in. */
  public String body() {
    return body;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GeneratedExample)) {
      return false;
    }
    GeneratedExample other = (GeneratedExample) o;
    return leadId.equals(other.leadId) && subject.equals(other.subject) && body.equals(other.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(leadId, subject, body);
  }

  @Override
  public String toString() {
    return "GeneratedExample{leadId=" + leadId + ", subject=" + subject + ", body=" + body + "}";
  }
}
