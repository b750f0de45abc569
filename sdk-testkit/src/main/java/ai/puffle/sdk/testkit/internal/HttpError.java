package ai.puffle.sdk.testkit.internal;

/** Ends a request with an error status and {@code {"error": message}}. */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  static HttpError notFound(String message) {
    return new HttpError(404, message);
  }

  static HttpError busy(String taskStatus) {
    return new HttpError(409, "Session is busy (" + taskStatus + ")");
  }
}
