package ai.puffle.sdk.testkit.internal;

import java.util.List;

/**
 * The routes the emulator serves beyond openapi.yaml (another service's endpoints), written by
 * hand next to the generated {@link SpecRoutes}. The contract check leaves them alone. Each
 * entry is {@code RouteTable.Entry.extra(method, pathTemplate, operation, handler)}, and its
 * {@code Operation} constant is added by hand in sdk-testkit's {@code Operation.mustache}.
 */
final class ExtraRoutes {
  private ExtraRoutes() {}

  /** None yet. */
  static List<RouteTable.Entry> all(Api api) {
    return List.of();
  }
}
