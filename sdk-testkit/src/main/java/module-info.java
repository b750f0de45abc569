/**
 * The Puffle testkit: {@link ai.puffle.sdk.testkit.FakePuffle}, a stateful in-process Puffle and
 * Trigger.dev emulator, and its JUnit 5 extension. JUnit and the contract validator ({@code
 * com.atlassian.oai:swagger-request-validator-core}) are optional: needed only by the extension
 * and by {@code validateContract(true)}.
 */
module ai.puffle.sdk.testkit {
  requires transitive ai.puffle.sdk;
  requires mockwebserver3;
  requires okhttp3;
  requires okio;
  requires com.squareup.moshi;
  // FakePuffleExtension is a JUnit 5 extension (tests that use it read JUnit already).
  requires static org.junit.jupiter.api;
  // The contract check, off unless asked for (its jars are not modular: automatic names).
  requires static swagger.request.validator.core;
  requires static com.fasterxml.jackson.databind;
  requires static jackson.coreutils;
  requires static json.schema.core;
  requires static json.schema.validator;
  requires static msg.simple;
  requires static btf;
  requires static io.swagger.v3.oas.models;
  requires static swagger.parser.core;

  exports ai.puffle.sdk.testkit;
}
