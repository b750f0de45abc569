package ai.puffle.sdk.internal.http;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is logged: the API key, bearer tokens, Puffle keys, run
 * access tokens, and every header value whose name is not on an allow-list.
 */
public final class Redactor {
  /** What secrets are replaced with. */
  public static final String MASK = "[redacted]";

  private static final Set<String> SAFE_HEADERS =
      Set.of(
          "accept", "content-type", "content-length", "content-encoding", "date", "retry-after",
          "user-agent", "x-request-id", "request-id", "x-vercel-id", "cache-control", "connection",
          "transfer-encoding", "vary", "server", "location", "x-puffle-sdk-retry");
  private static final Pattern HEADER_LINE = Pattern.compile("^([A-Za-z0-9!#$%&'*+.^_`|~-]+): (.*)$");
  private static final Pattern SECRETS =
      Pattern.compile(
          "(?i)(bearer\\s+)\\S+"
              + "|pk_(live|test)_[0-9a-zA-Z]+"
              + "|tr_pat_[0-9a-zA-Z_.-]+");
  private static final Pattern TOKEN_FIELD =
      Pattern.compile("(\"publicAccessToken\"\\s*:\\s*\")[^\"]*(\")");

  private final String apiKey;

  /** A redactor that also removes this exact key wherever it appears. */
  public Redactor(String apiKey) {
    this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
  }

  /** The text with secrets masked. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    if (apiKey != null && out.contains(apiKey)) {
      out = out.replace(apiKey, MASK);
    }
    java.util.regex.Matcher header = HEADER_LINE.matcher(out);
    if (header.matches() && !isSafeHeader(header.group(1))) {
      return header.group(1) + ": " + MASK;
    }
    out = TOKEN_FIELD.matcher(out).replaceAll("$1" + MASK + "$2");
    out = SECRETS.matcher(out).replaceAll(m -> m.group(1) != null ? m.group(1) + MASK : MASK);
    return out;
  }

  /**
   * A header as a log line, {@code "Name: value"}: the value shown only when the name is on the
   * allow-list (and even then with secrets masked), {@link #MASK} otherwise.
   */
  public String headerLine(String name, String value) {
    return name + ": " + (isSafeHeader(name) ? redact(value) : MASK);
  }

  private static boolean isSafeHeader(String name) {
    return SAFE_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /**
   * A key's public prefix for messages: the first 12 characters of a full-length key, nothing of
   * a shorter (unexpected) one, so that at most a sixth of any key is shown.
   */
  public static String keyPrefix(String apiKey) {
    if (apiKey == null) {
      return "(none)";
    }
    return apiKey.length() < 72 ? "…" : apiKey.substring(0, 12) + "…";
  }
}
