package ai.puffle.sdk.testkit;

import java.time.Instant;
import java.util.Objects;

/** A fault that {@link FakePuffle} injected into one request. Immutable. */
public final class InjectedFault {
  private final long sequence;
  private final Operation operation;
  private final String method;
  private final String path;
  private final Fault fault;
  private final Instant at;

  /**
   * Creates the record.
   *
   * @param sequence the request's sequence number (see {@link RecordedCall#sequence()})
   * @param operation the request's operation
   * @param method the HTTP method
   * @param path the request path, without the query
   * @param fault the fault injected
   * @param at the emulator time of the request
   */
  public InjectedFault(
      long sequence, Operation operation, String method, String path, Fault fault, Instant at) {
    this.sequence = sequence;
    this.operation = Objects.requireNonNull(operation, "operation");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.fault = Objects.requireNonNull(fault, "fault");
    this.at = Objects.requireNonNull(at, "at");
  }

  /** The request's sequence number in the request log. */
  public long sequence() {
    return sequence;
  }

  /** The request's operation. */
  public Operation operation() {
    return operation;
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The request path, without the query. */
  public String path() {
    return path;
  }

  /** The fault injected. */
  public Fault fault() {
    return fault;
  }

  /** The emulator time of the request. */
  public Instant at() {
    return at;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof InjectedFault)) {
      return false;
    }
    InjectedFault other = (InjectedFault) o;
    return sequence == other.sequence
        && operation == other.operation
        && method.equals(other.method)
        && path.equals(other.path)
        && fault.equals(other.fault)
        && at.equals(other.at);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sequence, operation, method, path, fault, at);
  }

  @Override
  public String toString() {
    return "#" + sequence + " " + operation + " " + method + " " + path + " -> " + fault;
  }
}
