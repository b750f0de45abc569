package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/** HTTP 403: the key is valid but may not do this. Not retried. */
public class PermissionDeniedException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
