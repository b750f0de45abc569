package ai.puffle.sdk;

/** The {@link PuffleClient} was closed: calls made after {@code close()}, or still in flight then. */
public class ClientClosedException extends PuffleException {
  private static final long serialVersionUID = 1L;

  /** A call on a closed client. */
  public ClientClosedException(String message) {
    super(message);
  }
}
