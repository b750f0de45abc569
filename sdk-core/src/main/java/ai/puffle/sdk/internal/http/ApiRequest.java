package ai.puffle.sdk.internal.http;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Request;
import okio.BufferedSource;

/**
 * One prepared call of the wire contract: the operation's id, the HTTP request (body already
 * encoded, so every attempt sends the same bytes) and the decoder for its success body.
 */
public final class ApiRequest<T> {
  private final String operationId;
  private final Request httpRequest;
  private final JsonAdapter<T> responseAdapter;

  ApiRequest(String operationId, Request httpRequest, JsonAdapter<T> responseAdapter) {
    this.operationId = Objects.requireNonNull(operationId);
    this.httpRequest = Objects.requireNonNull(httpRequest);
    this.responseAdapter = responseAdapter;
  }

  /** The operationId from openapi.yaml, e.g. {@code runAiChatTurn}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP request, without authentication (added by the client's interceptor). */
  public Request httpRequest() {
    return httpRequest;
  }

  /** The HTTP method. */
  public String method() {
    return httpRequest.method();
  }

  /** This request with a different HTTP request (for per-call headers or tags). */
  public ApiRequest<T> withHttpRequest(Request request) {
    return new ApiRequest<>(operationId, request, responseAdapter);
  }

  /**
   * Decodes a success body. Returns {@code null} for an empty body or a {@code Void} response.
   *
   * @throws IOException on malformed or truncated JSON ({@link com.squareup.moshi.JsonDataException}
   *     is thrown for a well-formed body of the wrong shape)
   */
  public T decode(BufferedSource body) throws IOException {
    if (responseAdapter == null || body.exhausted()) {
      return null;
    }
    return responseAdapter.fromJson(body);
  }

  @Override
  public String toString() {
    return operationId + " " + httpRequest.method() + " " + httpRequest.url().encodedPath();
  }
}
