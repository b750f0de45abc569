package ai.puffle.sdk.internal;

import ai.puffle.sdk.generated.SdkVersion;

/** The SDK's version, set at build time, and the User-Agent built from it. */
public final class Version {
  private Version() {}

  /** The SDK's version, e.g. {@code 0.1.0}. */
  public static String number() {
    return SdkVersion.NUMBER;
  }

  /** {@code puffle-java/<version> (Java <version>; <os>)}. */
  public static String userAgent() {
    return "puffle-java/" + SdkVersion.NUMBER + " (Java " + System.getProperty("java.version") + "; "
        + System.getProperty("os.name") + ")";
  }
}
