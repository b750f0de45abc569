package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Operation;
import java.util.List;

/**
 * Matches a method and path to an {@link Operation} and its path parameters. Paths that match no
 * operation give {@link Operation#UNKNOWN} with 404; a known path with another method gives 405.
 */
final class Route {
  private static final String SESSIONS = "ai-chat-sessions";

  final Operation operation;
  /** The first path id: a session id or a campaign id. */
  final String id;
  /** The second path id: a node id. */
  final String nodeId;
  /** 404 or 405 for {@link Operation#UNKNOWN}; 0 otherwise. */
  final int errorStatus;

  private Route(Operation operation, String id, String nodeId, int errorStatus) {
    this.operation = operation;
    this.id = id;
    this.nodeId = nodeId;
    this.errorStatus = errorStatus;
  }

  static Route match(String method, List<String> segments) {
    int n = segments.size();
    if (n < 2 || !segments.get(0).equals("api") || !segments.get(1).equals("campaigns")) {
      return notFound();
    }
    if (n >= 3 && segments.get(2).equals(SESSIONS)) {
      return sessionRoute(method, segments);
    }
    if (n == 3) {
      return pick(method, segments.get(2), null, "GET", Operation.GET_CAMPAIGN);
    }
    if (n == 4 && segments.get(3).equals("generate-content")) {
      return pick(method, segments.get(2), null, "POST", Operation.GENERATE_CONTENT);
    }
    if (n == 4 && segments.get(3).equals("generate-messages")) {
      return pick(method, segments.get(2), null,
          "POST", Operation.GENERATE_MESSAGES,
          "GET", Operation.LIST_MESSAGES,
          "PATCH", Operation.UPDATE_MESSAGE);
    }
    if (n == 6 && segments.get(3).equals("sequence") && segments.get(4).equals("nodes")) {
      return pick(method, segments.get(2), segments.get(5), "PUT", Operation.UPDATE_NODE);
    }
    return notFound();
  }

  private static Route sessionRoute(String method, List<String> segments) {
    int n = segments.size();
    if (n == 3) {
      return pick(method, null, null,
          "POST", Operation.CREATE_SESSION, "GET", Operation.LIST_SESSIONS);
    }
    String id = segments.get(3);
    if (n == 4) {
      return pick(method, id, null,
          "GET", Operation.GET_SESSION,
          "PATCH", Operation.UPDATE_SESSION,
          "DELETE", Operation.DELETE_SESSION);
    }
    if (n == 5 && segments.get(4).equals("turn")) {
      return pick(method, id, null, "POST", Operation.RUN_TURN);
    }
    if (n == 5 && segments.get(4).equals("generate-examples")) {
      return pick(method, id, null, "POST", Operation.GENERATE_EXAMPLES);
    }
    return notFound();
  }

  /** Picks the operation for the method among (method, operation) pairs, or 405. */
  private static Route pick(String method, String id, String nodeId, Object... pairs) {
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i].equals(method)) {
        return new Route((Operation) pairs[i + 1], id, nodeId, 0);
      }
    }
    return new Route(Operation.UNKNOWN, null, null, 405);
  }

  private static Route notFound() {
    return new Route(Operation.UNKNOWN, null, null, 404);
  }
}
