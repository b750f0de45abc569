package ai.puffle.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A campaign lead (prospect) row. Mutable; guarded by the Store lock. */
final class ProspectState {
  final String id;
  final String firstName;
  final String lastName;
  final String company;
  final String position;
  final String email;
  String status;
  String currentNodeId;

  ProspectState(
      String id,
      String firstName,
      String lastName,
      String company,
      String position,
      String email,
      String status) {
    this.id = id;
    this.firstName = firstName;
    this.lastName = lastName;
    this.company = company;
    this.position = position;
    this.email = email;
    this.status = status;
  }

  /** The name key that example seeding matches on: first + last, trimmed, lower case. */
  String nameKey() {
    return nameKey(firstName, lastName);
  }

  static String nameKey(Object first, Object last) {
    String text = (first == null ? "" : first.toString()) + " " + (last == null ? "" : last);
    return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** The lead as a snake_case map, the shape sample leads take on the wire. */
  Map<String, Object> asLeadMap() {
    Map<String, Object> lead = new LinkedHashMap<>();
    lead.put("first_name", firstName);
    lead.put("last_name", lastName);
    lead.put("full_name", (firstName + " " + lastName).trim());
    if (company != null) {
      lead.put("company", company);
    }
    if (position != null) {
      lead.put("position", position);
    }
    if (email != null) {
      lead.put("email", email);
    }
    return lead;
  }
}
