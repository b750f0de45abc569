package ai.puffle.sdk.internal.http;

import java.util.Objects;
import okhttp3.Headers;

/**
 * What an error response said: the operation, status, error code and message, request id,
 * headers and the start of the body. {@link ai.puffle.sdk.PuffleApiException} and its subclasses
 * are built from it, and show each of these as their own accessors.
 */
public final class ErrorDetails {
  private final String operation;
  private final String method;
  private final String path;
  private final int statusCode;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final Headers headers;
  private final String bodySnippet;
  private final int attempts;

  private ErrorDetails(Builder b) {
    this.operation = Objects.requireNonNull(b.operation, "operation");
    this.method = b.method;
    this.path = b.path;
    this.statusCode = b.statusCode;
    this.errorCode = b.errorCode;
    this.errorMessage = b.errorMessage == null ? "HTTP " + b.statusCode : b.errorMessage;
    this.requestId = b.requestId;
    this.headers = b.headers == null ? Headers.of() : b.headers;
    this.bodySnippet = b.bodySnippet == null ? "" : b.bodySnippet;
    this.attempts = Math.max(1, b.attempts);
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The operationId, e.g. {@code getAiChatSession}. */
  public String operation() {
    return operation;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The error code from the body, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** The error message from the body, or {@code "HTTP <status>"}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The server's request id, or null. */
  public String requestId() {
    return requestId;
  }

  /** The response headers. */
  public Headers headers() {
    return headers;
  }

  /** The start of the body. */
  public String bodySnippet() {
    return bodySnippet;
  }

  /** Attempts made before this error ended the call. */
  public int attempts() {
    return attempts;
  }

  /** One line: operation, request, status, code, message, request id and attempts. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    s.append(operation);
    if (method != null) {
      s.append(" (").append(method).append(' ').append(path).append(')');
    }
    s.append(" failed: HTTP ").append(statusCode);
    if (errorCode != null) {
      s.append(' ').append(errorCode);
    }
    s.append(": ").append(errorMessage);
    if (requestId != null) {
      s.append(" [request-id ").append(requestId).append(']');
    }
    if (attempts > 1) {
      s.append(" (after ").append(attempts).append(" attempts)");
    }
    return s.toString();
  }

  @Override
  public String toString() {
    return "ErrorDetails{" + describe() + "}";
  }

  /** Builds {@link ErrorDetails}. */
  public static final class Builder {
    private String operation;
    private String method;
    private String path;
    private int statusCode;
    private String errorCode;
    private String errorMessage;
    private String requestId;
    private Headers headers;
    private String bodySnippet;
    private int attempts = 1;

    private Builder() {}

    /** The operationId. */
    public Builder operation(String operation) {
      this.operation = operation;
      return this;
    }

    /** The request's method and path (no query, no host). */
    public Builder request(String method, String path) {
      this.method = method;
      this.path = path;
      return this;
    }

    /** The HTTP status. */
    public Builder statusCode(int statusCode) {
      this.statusCode = statusCode;
      return this;
    }

    /** The error code, or null. */
    public Builder errorCode(String errorCode) {
      this.errorCode = errorCode;
      return this;
    }

    /** The error message, or null. */
    public Builder errorMessage(String errorMessage) {
      this.errorMessage = errorMessage;
      return this;
    }

    /** The request id, or null. */
    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** The response headers. */
    public Builder headers(Headers headers) {
      this.headers = headers;
      return this;
    }

    /** The start of the body. */
    public Builder bodySnippet(String bodySnippet) {
      this.bodySnippet = bodySnippet;
      return this;
    }

    /** The attempt count. */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /** The value. */
    public ErrorDetails build() {
      return new ErrorDetails(this);
    }
  }
}
