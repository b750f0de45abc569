package ai.puffle.sdk;

/** HTTP 404: the id is unknown or not owned by this key's workspace. Not retried. */
public class NotFoundException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  public NotFoundException(ErrorDetails details) {
    super(details);
  }
}
