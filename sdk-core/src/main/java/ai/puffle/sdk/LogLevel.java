package ai.puffle.sdk;

/**
 * How much of each HTTP exchange the client logs. Off by default. The {@code Authorization} header
 * and secret fields are always redacted.
 */
public enum LogLevel {
  /** No logging. */
  NONE,
  /** Request and response lines. */
  BASIC,
  /** Lines and headers. */
  HEADERS,
  /** Lines, headers and bodies. */
  BODY
}
