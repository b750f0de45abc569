/**
 * OpenTelemetry for the Puffle client: {@link ai.puffle.sdk.opentelemetry.PuffleTelemetry}, an
 * event listener that records spans and metrics and propagates the trace context.
 */
module ai.puffle.sdk.opentelemetry {
  requires transitive ai.puffle.sdk;
  // OpenTelemetry is part of the API (PuffleTelemetry.create); its jars are automatic modules.
  requires transitive io.opentelemetry.api;
  requires transitive io.opentelemetry.context;

  exports ai.puffle.sdk.opentelemetry;
}
