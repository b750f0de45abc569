package ai.puffle.sdk.internal.ops;

import ai.puffle.sdk.Session;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Which session is a node's. Puffle keeps one chat per AI node, but a lost create response or a
 * second client can leave several: the node's session is then the most recently updated one,
 * then the most recently created, then the last listed (the list is oldest first). Every lookup
 * of a node's session (a conversation opening, a create being reconciled, a content turn) goes
 * through {@link #pick}.
 */
public final class NodeSessions {
  private NodeSessions() {}

  /** The node's session among {@code sessions}, if it has one. */
  public static Optional<Session> pick(List<Session> sessions, String nodeId) {
    return pick(sessions, nodeId, s -> true);
  }

  /** The node's session among those of {@code sessions} that {@code eligible} accepts. */
  static Optional<Session> pick(List<Session> sessions, String nodeId, Predicate<Session> eligible) {
    Session best = null;
    for (Session s : sessions) {
      if (nodeId.equals(s.nodeId()) && eligible.test(s) && (best == null || NEWEST.compare(s, best) >= 0)) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }

  private static final Comparator<Session> NEWEST =
      Comparator.comparing(Session::updatedAt).thenComparing(Session::createdAt);
}
