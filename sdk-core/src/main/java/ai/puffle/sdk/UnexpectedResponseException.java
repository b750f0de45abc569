package ai.puffle.sdk;

/**
 * The response could not be read as the JSON the operation returns: an HTML page from a proxy,
 * truncated or malformed JSON, or a body of the wrong shape. The status and the start of the body
 * are kept.
 */
public class UnexpectedResponseException extends PuffleException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final String bodySnippet;

  /** An undecodable response. */
  public UnexpectedResponseException(
      String message, int statusCode, String bodySnippet, Throwable cause, int attempts) {
    super(message, cause, attempts);
    this.statusCode = statusCode;
    this.bodySnippet = bodySnippet == null ? "" : bodySnippet;
  }

  /** The HTTP status of the response. */
  public int statusCode() {
    return statusCode;
  }

  /** The start of the body (at most 2 KB). */
  public String bodySnippet() {
    return bodySnippet;
  }
}
