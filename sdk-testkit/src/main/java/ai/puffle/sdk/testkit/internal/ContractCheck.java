package ai.puffle.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;

/**
 * The emulator's contract check: every request to a route of openapi.yaml and every response the
 * emulator's handlers send for it are validated against the spec ({@link ContractValidator}),
 * and each violation is recorded. Other routes (404, 405, {@link ExtraRoutes}) and responses
 * shaped by an injected fault are left alone. Requests may break the contract on purpose once
 * {@link #allowBadRequests} says so; the responses to them are still checked. Thread-safe.
 */
final class ContractCheck {
  private static final String VALIDATOR = "com.atlassian.oai.validator.OpenApiInteractionValidator";

  private final ContractValidator validator;
  private final List<String> violations = new ArrayList<>();
  private int reported;
  private volatile boolean badRequestsAllowed;

  private ContractCheck(ContractValidator validator) {
    this.validator = validator;
  }

  /** A check that validates nothing. */
  static ContractCheck off() {
    return new ContractCheck(null);
  }

  /**
   * A check against the bundled openapi.yaml.
   *
   * @throws IllegalStateException when the validator is not on the class path
   */
  static ContractCheck on() {
    try {
      Class.forName(VALIDATOR, false, ContractCheck.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "FakePuffle's contract check needs com.atlassian.oai:swagger-request-validator-core"
              + " (2.46.1) on the test class path; add it, or turn validateContract off", e);
    }
    return new ContractCheck(ContractValidator.shared());
  }

  boolean isOn() {
    return validator != null;
  }

  void request(Route route, RecordedRequest request, String body) {
    if (validator == null || !route.inSpec || badRequestsAllowed) {
      return;
    }
    record(validator.request(route.operation.operationId(), request.getMethod(),
        request.getUrl(), request.getHeaders(), body));
  }

  void response(Route route, RecordedRequest request, int status, String contentType, String body) {
    if (validator == null || !route.inSpec) {
      return;
    }
    record(validator.response(route.operation.operationId(), request.getMethod(),
        request.getUrl().encodedPath(), status, contentType, body));
  }

  /** From now on, requests that break the contract are not recorded. */
  void allowBadRequests(boolean allowed) {
    badRequestsAllowed = allowed;
  }

  /** Every violation so far, in order. */
  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** The violations since the last call, marked as reported. */
  synchronized List<String> takeUnreported() {
    List<String> fresh = List.copyOf(violations.subList(reported, violations.size()));
    reported = violations.size();
    return fresh;
  }

  private synchronized void record(List<String> found) {
    violations.addAll(found);
  }
}
