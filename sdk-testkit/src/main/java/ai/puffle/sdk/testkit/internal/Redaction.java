package ai.puffle.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Headers;

/**
 * Request headers as the log keeps them: credentials are cut to a non-secret prefix
 * ({@code Bearer pk_live_…} for the API key, {@code Bearer tr_pat_…} for a run's public access
 * token), never stored whole.
 */
final class Redaction {
  static final String KEY_PREFIX = "pk_live_";
  static final String RUN_TOKEN_PREFIX = "tr_pat_";
  private static final Set<String> SECRET =
      Set.of("authorization", "proxy-authorization", "cookie", "x-api-key");

  private Redaction() {}

  static Map<String, List<String>> headers(Headers headers) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (int i = 0; i < headers.size(); i++) {
      String name = headers.name(i);
      String value = headers.value(i);
      String kept = SECRET.contains(name.toLowerCase(Locale.ROOT)) ? redact(value) : value;
      result.computeIfAbsent(name, k -> new ArrayList<>()).add(kept);
    }
    return result;
  }

  /**
   * {@code Bearer pk_live_…} for a Puffle key, {@code Bearer tr_pat_…} for a run token, {@code
   * Bearer …} for another token, else {@code …}.
   */
  static String redact(String value) {
    String trimmed = value.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return "…";
    }
    String scheme = trimmed.substring(0, space);
    String token = trimmed.substring(space + 1).trim();
    for (String prefix : new String[] {KEY_PREFIX, RUN_TOKEN_PREFIX}) {
      if (token.startsWith(prefix)) {
        return scheme + " " + prefix + "…";
      }
    }
    return scheme + " …";
  }
}
