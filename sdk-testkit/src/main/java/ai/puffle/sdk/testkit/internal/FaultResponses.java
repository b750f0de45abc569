package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;

/** Builds the HTTP response for a request, with or without an injected fault. */
final class FaultResponses {
  /** What a stalled response is held back for: until the client gives up or the server stops. */
  private static final long STALL_HOURS = 1;
  private static final Headers JSON = Headers.of("Content-Type", "application/json; charset=utf-8");
  private static final String CANNED_BODY =
      "{\"session\": {\"id\": \"00000000-0000-0000-0000-000000000000\", \"task_status\": null}}";
  private static final String MALFORMED = "{\"session\": <oops> this is not JSON";

  /** The Content-Type of every JSON response. */
  static final String JSON_TYPE = "application/json; charset=utf-8";

  private final WireJson json;

  FaultResponses(WireJson json) {
    this.json = json;
  }

  /** The response to send, and the status line sent (0 when none is). */
  static final class Sent {
    final MockResponse response;
    final int status;
    /** The body of the handler's own answer (no fault shaped it), else null. */
    final String body;

    Sent(MockResponse response, int status) {
      this(response, status, null);
    }

    Sent(MockResponse response, int status, String body) {
      this.response = response;
      this.status = status;
      this.body = body;
    }
  }

  /** The handler's answer as is. */
  Sent normal(WireResponse wire) {
    return normal(wire.status, JSON, wire.encode(json));
  }

  /** An answer with its own headers, as is. */
  Sent normal(int status, Headers headers, String body) {
    return new Sent(response(status, headers, body).build(), status, body);
  }

  /** A fault before processing: nothing was handled, {@code real} is not available. */
  Sent unprocessed(Fault fault) {
    return faulty(fault, 200, JSON, CANNED_BODY);
  }

  /** A fault after processing, applied to the handler's answer. */
  Sent processed(Fault fault, WireResponse real) {
    return faulty(fault, real.status, JSON, real.encode(json));
  }

  /** A fault after processing, applied to an answer with its own headers (kept where it can). */
  Sent processed(Fault fault, int status, Headers headers, String body) {
    return faulty(fault, status, headers, body);
  }

  private Sent faulty(Fault fault, int realStatus, Headers realHeaders, String realBody) {
    switch (fault.kind()) {
      case STATUS:
        return withHeaders(
            response(fault.status(), JSON, json.error(fault.errorMessage().orElse(""))),
            fault, fault.status());
      case HTML_PAGE:
        return withHeaders(htmlPage(fault.status(), fault.errorMessage().orElse("")),
            fault, fault.status());
      case MALFORMED_JSON:
        return withHeaders(response(realStatus, realHeaders, MALFORMED), fault, realStatus);
      case TRUNCATED_JSON:
        return withHeaders(
            response(realStatus, realHeaders, realBody.substring(0, realBody.length() / 2)),
            fault, realStatus);
      case DISCONNECT:
        return new Sent(
            response(realStatus, realHeaders, realBody)
                .onResponseStart(new SocketEffect.CloseSocket())
                .build(),
            0);
      case DISCONNECT_MID_BODY:
        return withHeaders(
            response(realStatus, realHeaders, realBody)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE),
            fault, realStatus);
      case STALL:
        if (fault.processed()) {
          return withHeaders(
              response(realStatus, realHeaders, realBody).bodyDelay(STALL_HOURS, TimeUnit.HOURS),
              fault, realStatus);
        }
        return new Sent(
            response(504, JSON, json.error("Gateway timeout"))
                .headersDelay(STALL_HOURS, TimeUnit.HOURS).build(),
            0);
      case DELAY:
        return withHeaders(
            response(realStatus, realHeaders, realBody)
                .headersDelay(fault.delay().orElseThrow().toNanos(), TimeUnit.NANOSECONDS),
            fault, realStatus);
      default:
        return withHeaders(response(realStatus, realHeaders, realBody), fault, realStatus);
    }
  }

  private static Sent withHeaders(MockResponse.Builder builder, Fault fault, int status) {
    for (Map.Entry<String, String> header : fault.headers().entrySet()) {
      builder.setHeader(header.getKey(), header.getValue());
    }
    return new Sent(builder.build(), status);
  }

  /** Headers first: setting the body adds Content-Length, which {@code headers()} would drop. */
  private static MockResponse.Builder response(int status, Headers headers, String body) {
    return new MockResponse.Builder().code(status).headers(headers).body(body);
  }

  private static MockResponse.Builder htmlPage(int status, String reason) {
    String title = status + " " + reason;
    String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
        + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return response(status, Headers.of("Content-Type", "text/html"), page);
  }
}
