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
  // The contract check (validateContract) reads its validator from the class path: its jars are
  // not modular, and two of them derive the same automatic module name. The testkit reads the
  // unnamed module that holds them when the check is turned on (ContractCheck). The validator's
  // JSON Schema library needs the JDK's scripting API, which a modular application would not
  // otherwise resolve.
  requires java.scripting;

  exports ai.puffle.sdk.testkit;
}
