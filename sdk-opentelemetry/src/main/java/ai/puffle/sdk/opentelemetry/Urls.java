package ai.puffle.sdk.opentelemetry;

import java.net.URI;

/** {@code url.full} as this module writes it. */
final class Urls {
  /** What a query value is replaced with. */
  static final String REDACTED = "REDACTED";

  private Urls() {}

  /**
   * The URL with every query value replaced by {@value #REDACTED} (a query can name a lead; the
   * keys are kept), and no user info or fragment (the client never sends either).
   */
  static String full(URI url) {
    StringBuilder s = new StringBuilder(96)
        .append(url.getScheme()).append("://").append(url.getRawAuthority() == null ? "" : host(url))
        .append(url.getRawPath() == null ? "" : url.getRawPath());
    String query = url.getRawQuery();
    if (query != null && !query.isEmpty()) {
      s.append('?');
      String[] pairs = query.split("&", -1);
      for (int i = 0; i < pairs.length; i++) {
        int eq = pairs[i].indexOf('=');
        s.append(i == 0 ? "" : "&").append(eq < 0 ? pairs[i] : pairs[i].substring(0, eq))
            .append('=').append(REDACTED);
      }
    }
    return s.toString();
  }

  private static String host(URI url) {
    String host = url.getHost();
    return url.getPort() == -1 ? host : host + ":" + url.getPort();
  }
}
