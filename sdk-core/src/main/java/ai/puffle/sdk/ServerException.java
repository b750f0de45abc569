package ai.puffle.sdk;

/** HTTP 5xx: Puffle or a proxy failed. Retried where it is safe; thrown once retries run out. */
public class ServerException extends PuffleApiException {
  private static final long serialVersionUID = 1L;

  /** An error described by {@code details}. */
  public ServerException(ErrorDetails details) {
    super(details);
  }
}
