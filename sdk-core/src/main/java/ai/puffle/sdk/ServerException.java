package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/** HTTP 5xx: Puffle or a proxy failed. Retried where it is safe; thrown once retries run out. */
public class ServerException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  ServerException(ErrorDetails details) {
    super(details);
  }
}
