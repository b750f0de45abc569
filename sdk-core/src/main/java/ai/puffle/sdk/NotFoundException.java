package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/** HTTP 404: the id is unknown or not owned by this key's workspace. Not retried. */
public class NotFoundException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  NotFoundException(ErrorDetails details) {
    super(details);
  }
}
