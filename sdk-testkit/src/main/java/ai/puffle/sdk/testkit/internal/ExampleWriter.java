package ai.puffle.sdk.testkit.internal;

import java.util.Map;

/**
 * Writes one email for one lead from a session's skeleton (falling back to its draft): the
 * stand-in for the generate-email-examples and generate-ai-messages tasks.
 */
final class ExampleWriter {
  private ExampleWriter() {}

  /** The example for a lead map (snake_case keys); {@code leadId} names it. */
  static ExampleState example(SessionState s, Map<String, Object> lead, String leadId) {
    Map<String, String> values = Templates.values(lead);
    String subject = firstNonNull(JsonTrees.string(s.skeleton, "subject"), s.draftSubject);
    String body = firstNonNull(JsonTrees.string(s.skeleton, "body"), s.draftBody);
    return new ExampleState(
        leadId,
        JsonTrees.string(lead, "first_name"),
        JsonTrees.string(lead, "last_name"),
        Templates.write(subject == null ? "A quick idea for %company%" : subject, values),
        Templates.write(body == null ? "Hi %first_name%,\n\n&&Write the email&&" : body, values));
  }

  /** A message for a lead of an AI node that has no session: written from the node's purpose. */
  static ExampleState fromPurpose(NodeState node, ProspectState lead) {
    Map<String, String> values = Templates.values(lead.asLeadMap());
    String purpose = node.aiPurpose == null ? "Write a short follow-up" : node.aiPurpose;
    return new ExampleState(
        lead.id,
        lead.firstName,
        lead.lastName,
        Templates.write("A quick idea for %company%", values),
        Templates.write("Hi %first_name%,\n\n&&" + purpose + "&&\n\n%sender_first%", values));
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }
}
