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
    Class<?> validator;
    try {
      validator = Class.forName(VALIDATOR, false, ContractCheck.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "FakePuffle's contract check needs com.atlassian.oai:swagger-request-validator-core"
              + " (2.46.1) on the test class path; add it, or turn validateContract off", e);
    }
    readValidator(validator);
    return new ContractCheck(ContractValidator.shared());
  }

  /**
   * On the module path the testkit is a named module, which reads only what it requires; the
   * validator's jars sit on the class path, in the unnamed module, which it must read before
   * it touches them. On the class path (the testkit unnamed too) this changes nothing.
   */
  private static void readValidator(Class<?> validator) {
    ContractCheck.class.getModule().addReads(validator.getModule());
  }

  boolean isOn() {
    return validator != null;
  }

  void request(Route route, RecordedRequest request, String body) {
    if (validator == null || !route.inSpec || badRequestsAllowed) {
      return;
    }
    String operation = route.operation.operationId();
    try {
      record(validator.request(operation, request.getMethod(), request.getUrl(),
          request.getHeaders(), body));
    } catch (RuntimeException | Error e) {
      recordCrash(operation, "request", e);
    }
  }

  void response(Route route, RecordedRequest request, int status, String contentType, String body) {
    if (validator == null || !route.inSpec) {
      return;
    }
    String operation = route.operation.operationId();
    try {
      record(validator.response(operation, request.getMethod(), request.getUrl().encodedPath(),
          status, contentType, body));
    } catch (RuntimeException | Error e) {
      recordCrash(operation, "response", e);
    }
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

  /**
   * The validator itself failed (a missing class of its own, a bug): recorded as a violation, so
   * that the test fails and says why, while the emulator goes on answering.
   */
  private void recordCrash(String operation, String what, Throwable e) {
    if (e instanceof VirtualMachineError) {
      throw (VirtualMachineError) e;
    }
    record(List.of(operation + " " + what + ": the contract check failed: " + e));
  }
}
