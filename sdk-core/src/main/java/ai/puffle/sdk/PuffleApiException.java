package ai.puffle.sdk;

import ai.puffle.sdk.internal.http.ErrorDetails;
import ai.puffle.sdk.internal.mapping.Validate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Puffle answered with an error status. Carries the status, the error code and message from the
 * body (both the {@code {"error": "text"}} and {@code {"error": {"code", "message"}}} shapes), the
 * response headers, the request id when the server sent one, and the start of the body.
 *
 * <p>Subclasses name the statuses a program handles differently: {@link BadRequestException}
 * (400), {@link AuthenticationException} (401), {@link PaymentRequiredException} (402), {@link
 * PermissionDeniedException} (403), {@link NotFoundException} (404), {@link SessionBusyException}
 * (409), {@link RateLimitException} (429) and {@link ServerException} (5xx).
 */
public class PuffleApiException extends PuffleException {
  private static final long serialVersionUID = 1L;
  private final String operation;
  private final int statusCode;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final transient Headers headers;
  private final String bodySnippet;

  /** Built by the client only (see {@link #forStatus} for tests). */
  PuffleApiException(ErrorDetails details) {
    super(Objects.requireNonNull(details, "details").describe(), null, details.attempts());
    this.operation = details.operation();
    this.statusCode = details.statusCode();
    this.errorCode = details.errorCode();
    this.errorMessage = details.errorMessage();
    this.requestId = details.requestId();
    this.headers = details.headers();
    this.bodySnippet = details.bodySnippet();
  }

  /**
   * The exception the client throws when {@code operation} gets HTTP {@code statusCode} with
   * {@code errorMessage} in the body: a {@link NotFoundException} for 404, a {@link
   * SessionBusyException} for 409, and so on. For tests of code that handles Puffle's errors;
   * the client builds its own the same way.
   *
   * @throws InvalidInputException when {@code statusCode} is not 400 to 599, or {@code operation}
   *     or {@code errorMessage} is null
   */
  public static PuffleApiException forStatus(int statusCode, String operation, String errorMessage) {
    if (statusCode < 400 || statusCode > 599) {
      throw new InvalidInputException("statusCode", "must be 400 to 599", "got " + statusCode);
    }
    return create(ErrorDetails.builder()
        .operation(Validate.notNull("operation", operation))
        .statusCode(statusCode)
        .errorMessage(Validate.notNull("errorMessage", errorMessage))
        .build(), null, null);
  }

  /**
   * The one rule from a status to its exception class. {@code retryAfter} is kept by a 429's,
   * {@code busyStatus} by a 409's; either may be null.
   */
  static PuffleApiException create(ErrorDetails details, Duration retryAfter, TaskStatus busyStatus) {
    int status = details.statusCode();
    switch (status) {
      case 400:
        return new BadRequestException(details);
      case 401:
        return new AuthenticationException(details);
      case 402:
        return new PaymentRequiredException(details);
      case 403:
        return new PermissionDeniedException(details);
      case 404:
        return new NotFoundException(details);
      case 409:
        return new SessionBusyException(details, busyStatus);
      case 429:
        return new RateLimitException(details, retryAfter);
      default:
        return status >= 500 ? new ServerException(details) : new PuffleApiException(details);
    }
  }

  /** The HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** The machine-readable error code, when the body had one (nested error shape). */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }

  /** The server's error message, or the HTTP reason when the body had none. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The response headers (empty after deserialization). */
  public Headers headers() {
    return headers == null ? Headers.of() : headers;
  }

  /** The request id the server sent ({@code x-request-id} and similar), if any. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The start of the response body (at most 2 KB), for diagnosis. */
  public String bodySnippet() {
    return bodySnippet;
  }

  /** The operation that failed, e.g. {@code runAiChatTurn}. */
  public String operation() {
    return operation;
  }
}
