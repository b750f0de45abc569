package ai.puffle.sdk.internal.http;

import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.generated.model.ErrorBody;
import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.internal.json.PuffleJson;
import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Turns HTTP failures into the SDK's typed exceptions. */
public final class ErrorMapper {
  /** How much of a body an exception keeps. */
  public static final int SNIPPET_LIMIT = 2048;

  private static final String[] REQUEST_ID_HEADERS = {
    "x-request-id", "request-id", "x-amzn-requestid", "x-vercel-id"
  };
  private static final JsonAdapter<ErrorBody> ERROR_BODY =
      PuffleJson.moshi().adapter(ErrorBody.class);

  private final Redactor redactor;

  /** A mapper that removes secrets from anything it copies from a response. */
  public ErrorMapper(Redactor redactor) {
    this.redactor = redactor;
  }

  /** The exception for a non-2xx response. Reads (and closes) the body. */
  public PuffleApiException fromResponse(String operation, Response response, int attempts) {
    String body = readCapped(response.body(), 64 * 1024);
    String code = null;
    String message = null;
    try {
      ErrorBody parsed = body.isEmpty() ? null : ERROR_BODY.lenient().fromJson(body);
      Object error = parsed == null ? null : parsed.get("error");
      if (error instanceof String) {
        message = (String) error;
      } else if (error instanceof Map) {
        Object c = ((Map<?, ?>) error).get("code");
        Object m = ((Map<?, ?>) error).get("message");
        code = c == null ? null : String.valueOf(c);
        message = m == null ? null : String.valueOf(m);
      }
      if (message == null && parsed != null && parsed.get("message") instanceof String) {
        message = (String) parsed.get("message");
      }
    } catch (IOException | RuntimeException notJson) {
      // An HTML page or text: the status and the snippet say what there is to say.
    }
    if (message == null) {
      String reason = response.message();
      message = reason == null || reason.isEmpty() ? "HTTP " + response.code() : reason;
      if (looksLikeHtml(body)) {
        message += " (HTML error page)";
      }
    }
    Request request = response.request();
    ErrorDetails details =
        ErrorDetails.builder()
            .operation(operation)
            .request(request.method(), request.url().encodedPath())
            .statusCode(response.code())
            .errorCode(code)
            .errorMessage(redactor.redact(message))
            .requestId(requestId(response))
            .headers(response.headers().newBuilder().removeAll("Set-Cookie").build())
            .bodySnippet(redactor.redact(snippet(body)))
            .attempts(attempts)
            .build();
    Duration retryAfter = response.code() == 429 ? retryAfter(response.header("Retry-After")) : null;
    return SdkAccess.get().apiException(details, retryAfter, null);
  }

  /** The exception for a 2xx body that could not be decoded. */
  public UnexpectedResponseException undecodable(
      String operation, Response response, byte[] bodyHead, Exception cause, int attempts) {
    String body = bodyHead == null ? "" : new String(bodyHead, StandardCharsets.UTF_8);
    String what = looksLikeHtml(body) ? "an HTML page" : "JSON that could not be decoded";
    String message =
        operation + " (" + response.request().method() + " "
            + response.request().url().encodedPath() + "): HTTP " + response.code()
            + " returned " + what + ": " + redactor.redact(String.valueOf(cause.getMessage()));
    return new UnexpectedResponseException(
        message, response.code(), redactor.redact(snippet(body)), cause, attempts);
  }

  /** The exception for a transport failure. */
  public PuffleConnectionException fromIo(
      String operation, Request request, IOException e, boolean sent, int attempts) {
    String what;
    if (e instanceof UnknownHostException) {
      what = "unknown host";
    } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      what = "connection refused";
    } else if (e instanceof InterruptedIOException) {
      what = "timed out";
    } else {
      what = "connection failed";
    }
    String message =
        operation + " (" + request.method() + " " + request.url().encodedPath() + "): " + what
            + (sent ? " after the request was sent" : " before the request was sent") + ": "
            + redactor.redact(String.valueOf(e.getMessage()))
            + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
    return new PuffleConnectionException(message, e, sent, attempts);
  }

  /**
   * The failure of a call whose busy timeout ran out while {@code status} held the session; the
   * same exception a 409 gives, whether the client saw the session busy by reading it or as a
   * 409.
   */
  public static SessionBusyException stillBusy(
      String operation, TaskStatus status, Duration busyTimeout, int attempts) {
    String wire = status.isBusy() && status.wireValue() != null ? status.wireValue() : "unknown";
    return (SessionBusyException) SdkAccess.get().apiException(
        ErrorDetails.builder()
            .operation(operation)
            .statusCode(409)
            .errorMessage("Session is busy (" + wire + "); still busy when the busy timeout of "
                + busyTimeout.toMillis() + " ms ran out")
            .attempts(attempts)
            .build(),
        null, status.isBusy() ? status : TaskStatus.UNKNOWN);
  }

  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  /** The request id the server sent ({@code x-request-id} and similar), or null. */
  public static String requestId(Response response) {
    for (String name : REQUEST_ID_HEADERS) {
      String v = response.header(name);
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }

  private static boolean looksLikeHtml(String body) {
    String head = body.stripLeading().toLowerCase(java.util.Locale.ROOT);
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  private static String snippet(String body) {
    return body.length() <= SNIPPET_LIMIT ? body : body.substring(0, SNIPPET_LIMIT - 1) + "…";
  }

  private static String readCapped(ResponseBody body, long limit) {
    if (body == null) {
      return "";
    }
    try (ResponseBody b = body) {
      BufferedSource source = b.source();
      source.request(limit);
      Buffer buffer = source.getBuffer();
      return buffer.clone().readString(Math.min(buffer.size(), limit), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
