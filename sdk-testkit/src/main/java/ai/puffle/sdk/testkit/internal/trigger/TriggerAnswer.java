package ai.puffle.sdk.testkit.internal.trigger;

import okhttp3.Headers;

/**
 * A run endpoint's answer before any response fault: status, headers and body, or a body written
 * while the request stays open (a stream). Immutable.
 */
public final class TriggerAnswer {
  private static final Headers JSON = Headers.of("Content-Type", "application/json; charset=utf-8");
  private static final TriggerJson WRITER = new TriggerJson();

  /** The HTTP status. */
  public final int status;
  /** The response headers, Content-Type included. */
  public final Headers headers;
  /** The body text; empty for a stream. */
  public final String body;
  /** The streamed body, or null for an ordinary one. */
  public final StreamingBody stream;

  TriggerAnswer(int status, Headers headers, String body) {
    this(status, headers, body, null);
  }

  TriggerAnswer(int status, Headers headers, String body, StreamingBody stream) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.stream = stream;
  }

  /** A JSON body with only a Content-Type header. */
  static TriggerAnswer json(int status, String body) {
    return new TriggerAnswer(status, JSON, body);
  }

  /** A 200 whose body {@code stream} writes while the request stays open. */
  static TriggerAnswer stream(Headers headers, StreamingBody stream) {
    return new TriggerAnswer(200, headers, "", stream);
  }

  /** {@code {"error": message}}. */
  static TriggerAnswer error(int status, String message) {
    return json(status, WRITER.error(message));
  }

  /**
   * The answer to every run endpoint request while the emulator does not serve them, as from a
   * server without these routes: 404 {@code {"error": "Not found"}}, no {@code x-should-retry}.
   */
  public static TriggerAnswer notServed() {
    return error(404, "Not found");
  }

  /** 405 for another method than GET on a run endpoint path. */
  public static TriggerAnswer methodNotAllowed() {
    return error(405, "Method not allowed");
  }
}
