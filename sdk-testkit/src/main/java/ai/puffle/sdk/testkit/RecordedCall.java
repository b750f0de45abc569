package ai.puffle.sdk.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request that reached {@link FakePuffle}, as logged. Immutable. The Authorization header is
 * redacted to its scheme and the key's {@code pk_live_} prefix ({@code Bearer pk_live_…}); the
 * key itself is never stored.
 */
public final class RecordedCall {
  private final long sequence;
  private final Operation operation;
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String body;
  private final int status;
  private final Fault fault;

  /**
   * Creates the record.
   *
   * @param sequence the request's position in arrival order, from 1
   * @param operation the operation matched
   * @param method the HTTP method
   * @param path the path, without the query
   * @param query the raw query string, or {@code null}
   * @param headers the request headers, already redacted
   * @param body the request body as text (empty when none)
   * @param status the HTTP status answered, or {@code 0} when no status line was sent
   * @param fault the fault injected into this request, or {@code null}
   */
  public RecordedCall(
      long sequence,
      Operation operation,
      String method,
      String path,
      String query,
      Map<String, List<String>> headers,
      String body,
      int status,
      Fault fault) {
    this.sequence = sequence;
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.query = query;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    headers.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = body == null ? "" : body;
    this.status = status;
    this.fault = fault;
  }

  /** The request's position in arrival order, from 1. */
  public long sequence() {
    return sequence;
  }

  /** The operation matched. */
  public Operation operation() {
    return operation;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The path, without the query. */
  public String path() {
    return path;
  }

  /** The raw query string, if any. */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /** The request headers (Authorization redacted), in arrival order. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, matched case-insensitively. */
  public Optional<String> header(String name) {
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(wanted) && !e.getValue().isEmpty()) {
        return Optional.of(e.getValue().get(0));
      }
    }
    return Optional.empty();
  }

  /**
   * The W3C trace context the request carried ({@code traceparent}, e.g. {@code
   * 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01}), so a test can check that a client
   * propagates its traces.
   */
  public Optional<String> traceparent() {
    return header("traceparent");
  }

  /** The vendor trace state the request carried with its {@link #traceparent()}, if any. */
  public Optional<String> tracestate() {
    return header("tracestate");
  }

  /** The request body as text; empty when there was none. */
  public String body() {
    return body;
  }

  /** The HTTP status answered, or {@code 0} when the connection was dropped or stalled. */
  public int status() {
    return status;
  }

  /** The fault injected into this request, if any. */
  public Optional<Fault> fault() {
    return Optional.ofNullable(fault);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RecordedCall)) {
      return false;
    }
    RecordedCall other = (RecordedCall) o;
    return sequence == other.sequence
        && status == other.status
        && operation == other.operation
        && method.equals(other.method)
        && path.equals(other.path)
        && Objects.equals(query, other.query)
        && headers.equals(other.headers)
        && body.equals(other.body)
        && Objects.equals(fault, other.fault);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, operation, method, path, query, headers, body, status, fault);
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + method + " " + path + (query == null ? "" : "?" + query)
        + " (" + operation + ") -> " + (status == 0 ? "no response" : status)
        + (fault == null ? "" : " " + fault);
  }
}
