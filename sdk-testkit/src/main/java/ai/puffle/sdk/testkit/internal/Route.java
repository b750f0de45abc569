package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Operation;
import java.util.Collections;
import java.util.Map;

/**
 * What {@link RouteTable} matched for one request: the operation, its handler and the path
 * parameters. Requests that match no route give {@link Operation#UNKNOWN} with 404, or 405 when
 * the path is known but the method is not. Immutable.
 */
final class Route {
  final Operation operation;
  /** The handler, or null for {@link Operation#UNKNOWN}. */
  final RouteTable.Handler handler;
  /** Whether openapi.yaml defines the route. */
  final boolean inSpec;
  /** The path template, such as {@code /api/campaigns/{id}}, or null. */
  final String template;
  /** The path parameters by name. */
  final Map<String, String> params;
  /** The first path id ({@code id}): a session id or a campaign id. */
  final String id;
  /** The second path id ({@code nodeId}): a node id. */
  final String nodeId;
  /** 404 or 405 for {@link Operation#UNKNOWN}; 0 otherwise. */
  final int errorStatus;

  private Route(
      Operation operation,
      RouteTable.Handler handler,
      boolean inSpec,
      String template,
      Map<String, String> params,
      int errorStatus) {
    this.operation = operation;
    this.handler = handler;
    this.inSpec = inSpec;
    this.template = template;
    this.params = params;
    this.id = params.get("id");
    this.nodeId = params.get("nodeId");
    this.errorStatus = errorStatus;
  }

  static Route of(RouteTable.Entry entry, Map<String, String> params) {
    return new Route(entry.operation, entry.handler, entry.inSpec, entry.path, params, 0);
  }

  static Route notFound() {
    return new Route(Operation.UNKNOWN, null, false, null, Collections.emptyMap(), 404);
  }

  static Route methodNotAllowed() {
    return new Route(Operation.UNKNOWN, null, false, null, Collections.emptyMap(), 405);
  }

  /** A path parameter, or null. */
  String param(String name) {
    return params.get(name);
  }
}
