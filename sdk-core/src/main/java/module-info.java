/**
 * Puffle's Java client SDK: {@link ai.puffle.sdk.PuffleClient}, its values, options, events and
 * exceptions, all in {@code ai.puffle.sdk}. The SDK's internals and the code generated from
 * Puffle's OpenAPI contract are not exported; the testkit and the OpenTelemetry module reach the
 * parts they need through qualified exports.
 */
module ai.puffle.sdk {
  // OkHttpClient is part of the API (PuffleClient.Builder.okHttpClient).
  requires transitive okhttp3;
  requires okhttp3.sse;
  requires okio;
  requires com.squareup.moshi;
  requires dev.failsafe.core;

  exports ai.puffle.sdk;

  // The emulator speaks the same wire models and JSON.
  exports ai.puffle.sdk.generated.model to ai.puffle.sdk.testkit;
  exports ai.puffle.sdk.internal.json to ai.puffle.sdk.testkit;
  // The OpenTelemetry module names its instrumentation scope with the SDK's version.
  exports ai.puffle.sdk.internal to ai.puffle.sdk.opentelemetry;

  // Moshi reads and writes the wire models (the error body among them) by reflection.
  opens ai.puffle.sdk.generated.model to com.squareup.moshi;
}
