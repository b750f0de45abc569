package ai.puffle.sdk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, read from the jar, and the User-Agent built from it. */
public final class Version {
  private static final String VERSION = load();

  private Version() {}

  /** The SDK's version, e.g. {@code 0.1.0}; {@code unknown} when the jar does not say. */
  public static String number() {
    return VERSION;
  }

  /** {@code puffle-java/<version> (Java <version>; <os>)}. */
  public static String userAgent() {
    return "puffle-java/" + VERSION + " (Java " + System.getProperty("java.version") + "; "
        + System.getProperty("os.name") + ")";
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/ai/puffle/sdk/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
