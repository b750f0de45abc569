package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;

/** HTTP 402: not enough credits. Nothing was queued and nothing was deleted. Not retried. */
public class PaymentRequiredException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  PaymentRequiredException(ErrorDetails details) {
    super(details);
  }
}
