package ai.puffle.sdk;

import ai.puffle.sdk.internal.exec.Timing;

/**
 * Lets the telemetry tests give a client virtual time (the builder's timing hook is
 * package-private), as sdk-core's own tests do.
 */
public final class TelemetryTestAccess {
  private TelemetryTestAccess() {}

  /** {@code builder} running on {@code timing}. */
  public static PuffleClient.Builder withTiming(PuffleClient.Builder builder, Timing timing) {
    return builder.timing(timing);
  }
}
