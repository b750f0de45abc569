package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.mapping.Validate;
import java.time.Duration;

/**
 * How a run's streams are read. Immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <ul>
 *   <li>{@code serverTimeout} (default 60 s, as Trigger.dev's {@code streams.read}): sent as
 *       {@code Timeout-Seconds}; the server ends a read after that long without new data, and
 *       the reader reads on with a new request.
 *   <li>{@code idleTimeout} (default 45 s; zero turns it off): a stream on which nothing at all
 *       arrives for that long, not even the server's pings (every 10 s or so), is stalled and
 *       ends with {@link StreamOutcome.Reason#IDLE_TIMEOUT}.
 *   <li>{@code maxQueuedChunks} (default 1,024) and {@code maxQueuedChars} (default 1 Mi chars):
 *       how much may wait for a listener that is behind, per stream; beyond it chunks are
 *       coalesced or dropped.
 * </ul>
 */
public final class StreamOptions {
  /** The longest idle timeout; the stream client's read timeout lies above it. */
  public static final Duration MAX_IDLE_TIMEOUT = Duration.ofMinutes(5);

  private static final StreamOptions DEFAULTS = builder().build();

  private final int serverTimeoutSeconds;
  private final Duration idleTimeout;
  private final int maxQueuedChunks;
  private final int maxQueuedChars;

  private StreamOptions(Builder b) {
    this.serverTimeoutSeconds = b.serverTimeoutSeconds;
    this.idleTimeout = b.idleTimeout;
    this.maxQueuedChunks = b.maxQueuedChunks;
    this.maxQueuedChars = b.maxQueuedChars;
  }

  /** The defaults listed above. */
  public static StreamOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code Timeout-Seconds} of a read while the run goes on. */
  public int serverTimeoutSeconds() {
    return serverTimeoutSeconds;
  }

  /** How long a stream may be silent before it counts as stalled; zero when off. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /** Chunks that may wait for the listener, per stream. */
  public int maxQueuedChunks() {
    return maxQueuedChunks;
  }

  /** Characters of chunk text that may wait for the listener, per stream. */
  public int maxQueuedChars() {
    return maxQueuedChars;
  }

  @Override
  public String toString() {
    return "StreamOptions{serverTimeout=" + serverTimeoutSeconds + "s, idleTimeout=" + idleTimeout
        + ", maxQueuedChunks=" + maxQueuedChunks + ", maxQueuedChars=" + maxQueuedChars + "}";
  }

  /** Builds {@link StreamOptions}. */
  public static final class Builder {
    private int serverTimeoutSeconds = 60;
    private Duration idleTimeout = Duration.ofSeconds(45);
    private int maxQueuedChunks = 1024;
    private int maxQueuedChars = 1 << 20;

    private Builder() {}

    /** {@code Timeout-Seconds}, 1 to 600 (the server's range). */
    public Builder serverTimeoutSeconds(int seconds) {
      this.serverTimeoutSeconds = Validate.range("serverTimeoutSeconds", seconds, 1, 600);
      return this;
    }

    /** Zero (off), or 1 s to {@link #MAX_IDLE_TIMEOUT}. */
    public Builder idleTimeout(Duration timeout) {
      Validate.notNegative("idleTimeout", timeout);
      Validate.check(timeout.isZero() || (timeout.compareTo(Duration.ofSeconds(1)) >= 0
          && timeout.compareTo(MAX_IDLE_TIMEOUT) <= 0), "idleTimeout", "must be zero or between 1 s and 5 min");
      this.idleTimeout = timeout;
      return this;
    }

    /** 1 to 1,000,000. */
    public Builder maxQueuedChunks(int chunks) {
      this.maxQueuedChunks = Validate.range("maxQueuedChunks", chunks, 1, 1_000_000);
      return this;
    }

    /** 1 to 64 Mi. */
    public Builder maxQueuedChars(int chars) {
      this.maxQueuedChars = Validate.range("maxQueuedChars", chars, 1, 64 << 20);
      return this;
    }

    /** The options. */
    public StreamOptions build() {
      return new StreamOptions(this);
    }
  }
}
