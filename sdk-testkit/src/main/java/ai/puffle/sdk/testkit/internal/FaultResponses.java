package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;

/** Builds the HTTP response for a request, with or without an injected fault. */
final class FaultResponses {
  /** What a stalled response is held back for: until the client gives up or the server stops. */
  private static final long STALL_HOURS = 1;
  private static final String CANNED_BODY =
      "{\"session\": {\"id\": \"00000000-0000-0000-0000-000000000000\", \"task_status\": null}}";
  private static final String MALFORMED = "{\"session\": <oops> this is not JSON";

  /** The Content-Type of every JSON response. */
  static final String JSON = "application/json; charset=utf-8";

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
    String body = wire.encode(json);
    return new Sent(jsonResponse(wire.status, body).build(), wire.status, body);
  }

  /** A fault before processing: nothing was handled, {@code real} is not available. */
  Sent unprocessed(Fault fault) {
    return faulty(fault, 200, CANNED_BODY);
  }

  /** A fault after processing, applied to the handler's answer. */
  Sent processed(Fault fault, WireResponse real) {
    return faulty(fault, real.status, real.encode(json));
  }

  private Sent faulty(Fault fault, int realStatus, String realBody) {
    switch (fault.kind()) {
      case STATUS:
        return withHeaders(
            jsonResponse(fault.status(), json.error(fault.errorMessage().orElse(""))),
            fault, fault.status());
      case HTML_PAGE:
        return withHeaders(htmlPage(fault.status(), fault.errorMessage().orElse("")),
            fault, fault.status());
      case MALFORMED_JSON:
        return withHeaders(jsonResponse(realStatus, MALFORMED), fault, realStatus);
      case TRUNCATED_JSON:
        return withHeaders(
            jsonResponse(realStatus, realBody.substring(0, realBody.length() / 2)),
            fault, realStatus);
      case DISCONNECT:
        return new Sent(
            jsonResponse(realStatus, realBody).onResponseStart(new SocketEffect.CloseSocket())
                .build(),
            0);
      case DISCONNECT_MID_BODY:
        return withHeaders(
            jsonResponse(realStatus, realBody)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE),
            fault, realStatus);
      case STALL:
        if (fault.processed()) {
          return withHeaders(
              jsonResponse(realStatus, realBody).bodyDelay(STALL_HOURS, TimeUnit.HOURS),
              fault, realStatus);
        }
        return new Sent(
            jsonResponse(504, json.error("Gateway timeout"))
                .headersDelay(STALL_HOURS, TimeUnit.HOURS).build(),
            0);
      case DELAY:
        return withHeaders(
            jsonResponse(realStatus, realBody)
                .headersDelay(fault.delay().orElseThrow().toNanos(), TimeUnit.NANOSECONDS),
            fault, realStatus);
      default:
        return withHeaders(jsonResponse(realStatus, realBody), fault, realStatus);
    }
  }

  private static Sent withHeaders(MockResponse.Builder builder, Fault fault, int status) {
    for (Map.Entry<String, String> header : fault.headers().entrySet()) {
      builder.setHeader(header.getKey(), header.getValue());
    }
    return new Sent(builder.build(), status);
  }

  private static MockResponse.Builder jsonResponse(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", JSON)
        .body(body);
  }

  private static MockResponse.Builder htmlPage(int status, String reason) {
    String title = status + " " + reason;
    String page = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>"
        + title + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", "text/html")
        .body(page);
  }
}
