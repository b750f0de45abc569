package ai.puffle.sdk;

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
  private final transient ErrorDetails details;

  /** An API error described by {@code details}. */
  public PuffleApiException(ErrorDetails details) {
    super(Objects.requireNonNull(details, "details").describe(), null, details.attempts());
    this.details = details;
  }

  /** The HTTP status code. */
  public int statusCode() {
    return details.statusCode();
  }

  /** The machine-readable error code, when the body had one (nested error shape). */
  public Optional<String> errorCode() {
    return Optional.ofNullable(details.errorCode());
  }

  /** The server's error message, or the HTTP reason when the body had none. */
  public String errorMessage() {
    return details.errorMessage();
  }

  /** The response headers. */
  public Headers headers() {
    return details.headers();
  }

  /** The request id the server sent ({@code x-request-id} and similar), if any. */
  public Optional<String> requestId() {
    return Optional.ofNullable(details.requestId());
  }

  /** The start of the response body (at most 2 KB), for diagnosis. */
  public String bodySnippet() {
    return details.bodySnippet();
  }

  /** The operation that failed, e.g. {@code runAiChatTurn}. */
  public String operation() {
    return details.operation();
  }

  /** Everything known about the error, as one value. */
  public ErrorDetails details() {
    return details;
  }
}
