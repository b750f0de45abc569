package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator is an optional dependency: without it on the class path the emulator runs as
 * long as the contract check is off, and asking for the check says what to add. Loads the
 * testkit in a class loader that leaves the validator's jars out.
 */
class WithoutTheValidatorTest {
  @Test
  void theEmulatorRunsWithoutTheValidatorAndTheCheckSaysWhatIsMissing() throws Exception {
    try (URLClassLoader loader = classLoaderWithoutTheValidator()) {
      assertThrows(ClassNotFoundException.class, () ->
          Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator", false, loader));
      Class<?> fakePuffle = Class.forName(FakePuffle.class.getName(), true, loader);

      Object off = start(fakePuffle, false);
      try {
        String baseUrl = (String) fakePuffle.getMethod("baseUrl").invoke(off);
        String apiKey = (String) fakePuffle.getMethod("apiKey").invoke(off);
        HttpURLConnection get = (HttpURLConnection)
            URI.create(baseUrl + "/api/campaigns/ai-chat-sessions/3c90c3cc-0d44-4b50-8888-8dd25736052a")
                .toURL().openConnection();
        get.setRequestProperty("Authorization", "Bearer " + apiKey);
        assertEquals(404, get.getResponseCode());
        assertFalse((Boolean) fakePuffle.getMethod("validatesContract").invoke(off));
      } finally {
        fakePuffle.getMethod("close").invoke(off);
      }

      InvocationTargetException e =
          assertThrows(InvocationTargetException.class, () -> start(fakePuffle, true));
      assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
      assertTrue(e.getCause().getMessage().contains(
          "com.atlassian.oai:swagger-request-validator-core"), e.getCause().getMessage());
    }
  }

  private static Object start(Class<?> fakePuffle, boolean validate) throws Exception {
    Object builder = fakePuffle.getMethod("builder").invoke(null);
    builder.getClass().getMethod("validateContract", boolean.class).invoke(builder, validate);
    return builder.getClass().getMethod("start").invoke(builder);
  }

  /** The test class path (as surefire gives it) less the validator's own jar. */
  private static URLClassLoader classLoaderWithoutTheValidator() throws Exception {
    String path = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    boolean dropped = false;
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.contains("swagger-request-validator-core")) {
        dropped = true;
        continue;
      }
      urls.add(new File(entry).toURI().toURL());
    }
    assertTrue(dropped, "the validator is not on the test class path: " + path);
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }
}
