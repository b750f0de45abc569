package ai.puffle.sdk.testkit.internal;

/**
 * One generated example. Besides the wire fields (lead_id, subject, body) it keeps the lead's
 * name, which resolve matches on. Immutable.
 */
final class ExampleState {
  final String leadId;
  final String firstName;
  final String lastName;
  final String subject;
  final String body;

  ExampleState(String leadId, String firstName, String lastName, String subject, String body) {
    this.leadId = leadId;
    this.firstName = firstName;
    this.lastName = lastName;
    this.subject = subject;
    this.body = body;
  }
}
