package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/** HTTP 400: the request broke a rule of the operation (for example examples asked for before a skeleton exists). Not retried: fix the input. */
public class BadRequestException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  BadRequestException(ErrorDetails details) {
    super(details);
  }
}
