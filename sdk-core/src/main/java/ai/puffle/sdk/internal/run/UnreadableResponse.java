package ai.puffle.sdk.internal.run;

/**
 * A response the watcher cannot follow (garbage body, missing headers, unreadable schema). The
 * message describes the problem and never quotes the body or a header value.
 */
final class UnreadableResponse extends Exception {
  private static final long serialVersionUID = 1L;

  UnreadableResponse(String message) {
    super(message, null, false, false);
  }
}
