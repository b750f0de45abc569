package ai.puffle.sdk;

/** HTTP 401: the API key is missing, malformed or revoked. Never retried. */
public class AuthenticationException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  public AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
