package ai.puffle.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lead lists from a request body, kept as snake_case maps (sampleLeads, leads, sample_leads). */
final class Leads {
  private Leads() {}

  /** The list's objects as deep copies; null or a non-list gives an empty list. */
  static List<Map<String, Object>> maps(Object value) {
    List<Map<String, Object>> leads = new ArrayList<>();
    if (!(value instanceof List)) {
      return leads;
    }
    for (Object item : (List<?>) value) {
      if (!(item instanceof Map)) {
        throw HttpError.badRequest("leads must be objects");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> lead = (Map<String, Object>) item;
      leads.add(JsonTrees.deepCopy(lead));
    }
    return leads;
  }
}
