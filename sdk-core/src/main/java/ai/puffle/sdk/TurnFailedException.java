package ai.puffle.sdk;

/**
 * A turn's task finished without an assistant reply: the server released the session after an
 * error. The message was taken; send again to retry the turn. Carries the session as it is now.
 */
public class TurnFailedException extends PuffleException {
  private static final long serialVersionUID = 1L;
  private final transient Session session;

  /** A failed turn, with the session after it. */
  public TurnFailedException(String message, Session session) {
    super(message);
    this.session = session;
  }

  /** The session after the failed task. */
  public Session session() {
    return session;
  }
}
