package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/** HTTP 401: the API key is missing, malformed or revoked. Never retried. */
public class AuthenticationException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  AuthenticationException(ErrorDetails details) {
    super(details);
  }
}
