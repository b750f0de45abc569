package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-call settings: a total deadline covering every retry, a retry budget, how long to wait for a
 * busy session, extra headers, and event listeners. Unset values fall back to the client's
 * defaults; pass options to any operation, or derive a client with {@link
 * PuffleClient#withOptions(RequestOptions)}.
 *
 * <pre>{@code
 * RequestOptions quick = RequestOptions.builder().timeout(Duration.ofSeconds(10)).maxRetries(0).build();
 * Session s = client.sessions().get(sessionId, quick);
 * }</pre>
 */
public final class RequestOptions {
  private static final RequestOptions NONE = new Builder().build();

  private final Duration timeout;
  private final Integer maxRetries;
  private final Duration busyTimeout;
  private final Map<String, String> headers;
  private final List<PuffleEventListener.Factory> eventListeners;

  private RequestOptions(Builder b) {
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.busyTimeout = b.busyTimeout;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.eventListeners = List.copyOf(b.eventListeners);
  }

  /** Options that set nothing: the client's defaults apply. */
  public static RequestOptions none() {
    return NONE;
  }

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The total deadline of a call, retries and busy waiting included, if set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** How many times a failed attempt may be retried, if set. */
  public OptionalInt maxRetries() {
    return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
  }

  /** How long to wait for a busy session before giving up with 409, if set. */
  public Optional<Duration> busyTimeout() {
    return Optional.ofNullable(busyTimeout);
  }

  /** Extra headers sent with every request of the call. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The event listener factories of these options, in the order given. */
  public List<PuffleEventListener.Factory> eventListeners() {
    return eventListeners;
  }

  /**
   * These options, with any value they leave unset taken from {@code defaults}; headers and event
   * listeners add to the defaults' own.
   */
  public RequestOptions orElse(RequestOptions defaults) {
    Objects.requireNonNull(defaults, "defaults");
    Builder b = defaults.toBuilder();
    if (timeout != null) {
      b.timeout = timeout;
    }
    if (maxRetries != null) {
      b.maxRetries = maxRetries;
    }
    if (busyTimeout != null) {
      b.busyTimeout = busyTimeout;
    }
    b.headers.putAll(headers);
    for (PuffleEventListener.Factory f : eventListeners) {
      b.eventListener(f);
    }
    return b.build();
  }

  /** A builder holding these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.maxRetries = maxRetries;
    b.busyTimeout = busyTimeout;
    b.headers.putAll(headers);
    b.eventListeners.addAll(eventListeners);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof RequestOptions)) {
      return false;
    }
    RequestOptions other = (RequestOptions) o;
    return Objects.equals(timeout, other.timeout)
        && Objects.equals(maxRetries, other.maxRetries)
        && Objects.equals(busyTimeout, other.busyTimeout)
        && headers.equals(other.headers)
        && eventListeners.equals(other.eventListeners);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, maxRetries, busyTimeout, headers, eventListeners);
  }

  @Override
  public String toString() {
    return "RequestOptions{timeout=" + timeout + ", maxRetries=" + maxRetries
        + ", busyTimeout=" + busyTimeout + ", headers=" + headers.keySet()
        + (eventListeners.isEmpty() ? "" : ", eventListeners=" + eventListeners.size()) + "}";
  }

  /** Builds {@link RequestOptions}. Every setter checks its value at once. */
  public static final class Builder {
    private Duration timeout;
    private Integer maxRetries;
    private Duration busyTimeout;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<PuffleEventListener.Factory> eventListeners = new ArrayList<>(1);

    private Builder() {}

    /** The total deadline of a call, retries and busy waiting included. Must be positive. */
    public Builder timeout(Duration timeout) {
      this.timeout = Validate.positive("requestOptions.timeout", timeout);
      return this;
    }

    /** How many times a failed attempt may be retried (0 turns retries off; at most 20). */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = Validate.range("requestOptions.maxRetries", maxRetries, 0, 20);
      return this;
    }

    /**
     * How long to wait for a busy session (409) to become idle before sending again; zero turns
     * busy waiting off. Must not be negative.
     */
    public Builder busyTimeout(Duration busyTimeout) {
      this.busyTimeout = Validate.notNegative("requestOptions.busyTimeout", busyTimeout);
      return this;
    }

    /**
     * An extra header for every request of the call. {@code Authorization}, {@code User-Agent},
     * {@code Host} and {@code Content-Length} cannot be set this way.
     */
    public Builder header(String name, String value) {
      Validate.extraHeader("requestOptions.header", name, value);
      headers.put(name, value);
      return this;
    }

    /**
     * A listener factory told of every call made with these options, besides the client's own
     * ({@link PuffleClient.Builder#eventListener}); may be given more than once.
     */
    public Builder eventListener(PuffleEventListener.Factory factory) {
      Validate.notNull("requestOptions.eventListener", factory);
      if (!eventListeners.contains(factory)) {
        eventListeners.add(factory);
      }
      return this;
    }

    /** The options. */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
