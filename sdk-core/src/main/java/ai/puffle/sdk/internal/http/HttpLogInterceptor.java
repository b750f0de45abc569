package ai.puffle.sdk.internal.http;

import ai.puffle.sdk.LogLevel;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Connection;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.GzipSource;

/**
 * Logs each HTTP exchange, as a network interceptor: the request and response lines
 * ({@link LogLevel#BASIC}), their headers ({@link LogLevel#HEADERS}) and their bodies
 * ({@link LogLevel#BODY}), in OkHttp's familiar {@code --> GET ...} / {@code <-- 200 ...} form.
 *
 * <p>Every line goes through the {@link Redactor}: a header's value is shown only when its name is
 * on the allow-list, and the API key, bearer tokens and run tokens are masked wherever they appear.
 * Bodies are shown when they look like text (a gzip body is unzipped for the log only); what the
 * caller reads is untouched, and a body that fails to arrive fails the caller's read, as it would
 * without logging.
 */
final class HttpLogInterceptor implements Interceptor {
  private final boolean logHeaders;
  private final boolean logBodies;
  private final Redactor redactor;
  private final Consumer<String> sink;

  /** Logs at {@code level} (not {@link LogLevel#NONE}: then install no interceptor). */
  HttpLogInterceptor(LogLevel level, Redactor redactor, Consumer<String> sink) {
    if (level == LogLevel.NONE) {
      throw new IllegalArgumentException("level NONE logs nothing: install no interceptor");
    }
    this.logBodies = level == LogLevel.BODY;
    this.logHeaders = logBodies || level == LogLevel.HEADERS;
    this.redactor = redactor;
    this.sink = sink;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestBody body = request.body();
    Connection connection = chain.connection();
    String start = "--> " + request.method() + " " + request.url()
        + (connection != null ? " " + connection.protocol() : "");
    if (!logHeaders && body != null) {
      start += " (" + body.contentLength() + "-byte body)";
    }
    log(start);
    if (logHeaders) {
      logHeaders(request.headers());
      logRequestEnd(request, body);
    }

    long startNs = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException | RuntimeException e) {
      log("<-- HTTP FAILED: " + e);
      throw e;
    }
    long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNs);

    ResponseBody responseBody = response.body();
    long contentLength = responseBody.contentLength();
    String message = response.message();
    String size = contentLength != -1 ? contentLength + "-byte" : "unknown-length";
    log("<-- " + response.code() + (message.isEmpty() ? "" : " " + message) + " "
        + response.request().url() + " (" + tookMs + "ms"
        + (logHeaders ? "" : ", " + size + " body") + ")");
    if (logHeaders) {
      logHeaders(response.headers());
      logResponseEnd(response, responseBody);
    }
    return response;
  }

  private void logRequestEnd(Request request, RequestBody body) throws IOException {
    String end = "--> END " + request.method();
    if (!logBodies || body == null) {
      log(end);
    } else if (request.header("Content-Encoding") != null
        && !"identity".equalsIgnoreCase(request.header("Content-Encoding"))) {
      log(end + " (encoded body omitted)");
    } else if (body.isDuplex()) {
      log(end + " (duplex request body omitted)");
    } else if (body.isOneShot()) {
      log(end + " (one-shot body omitted)");
    } else {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      log("");
      if (isProbablyText(buffer)) {
        long bytes = buffer.size();
        log(buffer.readString(charset(body.contentType())));
        log(end + " (" + bytes + "-byte body)");
      } else {
        log(end + " (binary " + buffer.size() + "-byte body omitted)");
      }
    }
  }

  private void logResponseEnd(Response response, ResponseBody body) {
    String encoding = response.header("Content-Encoding");
    boolean gzip = "gzip".equalsIgnoreCase(encoding);
    if (!logBodies || !hasBody(response)) {
      log("<-- END HTTP");
      return;
    }
    if (encoding != null && !gzip && !"identity".equalsIgnoreCase(encoding)) {
      log("<-- END HTTP (encoded body omitted)");
      return;
    }
    MediaType type = body.contentType();
    if (type != null && "text".equals(type.type()) && "event-stream".equals(type.subtype())) {
      log("<-- END HTTP (streaming)");
      return;
    }
    Buffer buffer;
    long gzippedBytes = -1;
    try {
      BufferedSource source = body.source();
      source.request(Long.MAX_VALUE); // the whole body, kept in the source's buffer for the caller
      buffer = source.getBuffer().clone();
      if (gzip) {
        gzippedBytes = buffer.size();
        Buffer plain = new Buffer();
        try (GzipSource unzipped = new GzipSource(buffer)) {
          plain.writeAll(unzipped);
        }
        buffer = plain;
      }
    } catch (IOException e) {
      // The caller's own read meets the same failure; the log only says so.
      log("<-- END HTTP (unreadable body: " + e + ")");
      return;
    }
    long bytes = buffer.size();
    if (!isProbablyText(buffer)) {
      log("");
      log("<-- END HTTP (binary " + bytes + "-byte body omitted)");
      return;
    }
    if (bytes > 0) {
      log("");
      log(buffer.readString(charset(type)));
    }
    log("<-- END HTTP (" + bytes + "-byte"
        + (gzippedBytes >= 0 ? ", " + gzippedBytes + "-gzipped-byte" : "") + " body)");
  }

  private void logHeaders(Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      sink.accept(redactor.headerLine(headers.name(i), headers.value(i)));
    }
  }

  private void log(String line) {
    sink.accept(redactor.redact(line));
  }

  /** Whether the response has a body to read, by HTTP's rules (RFC 9110 §6.4.1). */
  private static boolean hasBody(Response response) {
    if ("HEAD".equals(response.request().method())) {
      return false;
    }
    int code = response.code();
    if ((code < 100 || code >= 200) && code != 204 && code != 304) {
      return true;
    }
    return response.body().contentLength() > 0
        || "chunked".equalsIgnoreCase(response.header("Transfer-Encoding"));
  }

  private static Charset charset(MediaType type) {
    Charset charset = type != null ? type.charset(StandardCharsets.UTF_8) : null;
    return charset != null ? charset : StandardCharsets.UTF_8;
  }

  /**
   * Whether the buffer looks like text: its first 16 code points are printable or whitespace.
   * Reads a copy; the buffer is left as it was.
   */
  static boolean isProbablyText(Buffer buffer) {
    Buffer prefix = new Buffer();
    buffer.copyTo(prefix, 0, Math.min(buffer.size(), 64));
    try {
      for (int i = 0; i < 16 && !prefix.exhausted(); i++) {
        int codePoint = prefix.readUtf8CodePoint();
        if (Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint)) {
          return false;
        }
      }
      return true;
    } catch (EOFException e) {
      return false; // ends inside a code point (16 whole ones always fit in 64 bytes)
    }
  }
}
