package ai.puffle.sdk.internal.http;

import com.squareup.moshi.JsonAdapter;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Request;
import okio.BufferedSource;

/**
 * One prepared call of the wire contract: the operation ({@link Endpoint}), what may be sent again
 * after a failure, the HTTP request (body already encoded, so every attempt sends the same bytes)
 * and the decoder for its success body.
 */
public final class ApiRequest<T> {
  private final Endpoint endpoint;
  private final Safety safety;
  private final Request httpRequest;
  private final Decoder<T> decoder;

  /** Reads a success body. */
  @FunctionalInterface
  public interface Decoder<T> {
    /** The value of the body. */
    T decode(BufferedSource body) throws IOException;
  }

  ApiRequest(Endpoint endpoint, Request httpRequest, JsonAdapter<T> responseAdapter) {
    this(endpoint, endpoint.safety(), httpRequest, body -> responseAdapter == null || body.exhausted() ? null : responseAdapter.fromJson(body));
  }

  private ApiRequest(Endpoint endpoint, Safety safety, Request httpRequest, Decoder<T> decoder) {
    this.endpoint = Objects.requireNonNull(endpoint);
    this.safety = Objects.requireNonNull(safety);
    this.httpRequest = Objects.requireNonNull(httpRequest);
    this.decoder = decoder;
  }

  /**
   * This request with its decoded body passed through {@code mapper}; the mapper runs as part of
   * decoding, so a failure there counts as an undecodable response.
   */
  public <U> ApiRequest<U> map(java.util.function.Function<? super T, ? extends U> mapper) {
    Decoder<T> inner = decoder;
    return new ApiRequest<U>(endpoint, safety, httpRequest, body -> mapper.apply(inner.decode(body)));
  }

  /**
   * This request sent as {@code safety} instead of its operation's: only for a request whose
   * body makes it safer than the operation at large (the {@code resolve} action of
   * generate-messages, which upserts).
   */
  public ApiRequest<T> withSafety(Safety safety) {
    return safety == this.safety ? this : new ApiRequest<>(endpoint, safety, httpRequest, decoder);
  }

  /** What may be sent again after a failure. */
  public Safety safety() {
    return safety;
  }

  /** The operationId from openapi.yaml, e.g. {@code runAiChatTurn}. */
  public String operationId() {
    return endpoint.operationId();
  }

  /** The operation: id, method, path template and the safety the contract states. */
  public Endpoint endpoint() {
    return endpoint;
  }

  /** The HTTP request, without authentication (added by the client's interceptor). */
  public Request httpRequest() {
    return httpRequest;
  }

  /** The HTTP method. */
  public String method() {
    return httpRequest.method();
  }

  /**
   * Decodes a success body. Returns {@code null} for an empty body or a {@code Void} response.
   *
   * @throws IOException on malformed or truncated JSON ({@link com.squareup.moshi.JsonDataException}
   *     is thrown for a well-formed body of the wrong shape)
   */
  public T decode(BufferedSource body) throws IOException {
    return decoder.decode(body);
  }

  @Override
  public String toString() {
    return endpoint.operationId() + " " + httpRequest.method() + " " + httpRequest.url().encodedPath();
  }
}
