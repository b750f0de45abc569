package ai.puffle.sdk.internal.http;

import java.util.Objects;

/**
 * One operation of the wire contract as {@code openapi.yaml} states it: its id, HTTP method,
 * path template (e.g. {@code /api/campaigns/ai-chat-sessions/{id}}) and {@code x-puffle-safety}.
 * The generated request builders hold one constant per operation.
 */
public final class Endpoint {
  private final String operationId;
  private final String method;
  private final String pathTemplate;
  private final Safety safety;

  /** An endpoint. */
  public Endpoint(String operationId, String method, String pathTemplate, Safety safety) {
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.method = Objects.requireNonNull(method, "method");
    this.pathTemplate = Objects.requireNonNull(pathTemplate, "pathTemplate");
    this.safety = Objects.requireNonNull(safety, "safety");
  }

  /** The operationId, e.g. {@code runAiChatTurn}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path template from the contract, starting with {@code /}. */
  public String pathTemplate() {
    return pathTemplate;
  }

  /** What may be sent again after a failure. */
  public Safety safety() {
    return safety;
  }

  @Override
  public String toString() {
    return operationId + " " + method + " " + pathTemplate;
  }
}
