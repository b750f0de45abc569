/**
 * OpenTelemetry for the Puffle client: {@link ai.puffle.sdk.opentelemetry.PuffleTelemetry}, an
 * event listener factory that records traces and metrics and propagates trace context. It depends
 * on the OpenTelemetry API alone.
 */
package ai.puffle.sdk.opentelemetry;
