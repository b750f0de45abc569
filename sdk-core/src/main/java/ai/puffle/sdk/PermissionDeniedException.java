package ai.puffle.sdk;

/** HTTP 403: the key is valid but may not do this. Not retried. */
public class PermissionDeniedException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  public PermissionDeniedException(ErrorDetails details) {
    super(details);
  }
}
