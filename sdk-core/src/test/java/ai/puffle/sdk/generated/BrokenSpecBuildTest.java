package ai.puffle.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A broken openapi.yaml fails the build: runs the openapi-generator Maven plugin (same version,
 * generator and templates as sdk-core, through the small pom in {@code broken-spec/}) on a copy of
 * the real spec with a deliberate break, and on the intact spec. The broken run must fail with the
 * plugin's validation report; the intact one must succeed. Both runs are offline and in parallel.
 *
 * <p>System properties (set by sdk-core's surefire configuration): {@code maven.home}, {@code
 * puffle.test.localRepository}, {@code puffle.test.generatorVersion}, {@code puffle.test.spec},
 * {@code puffle.test.templates}, {@code puffle.test.buildDirectory}.
 */
@Tag("build")
class BrokenSpecBuildTest {
  private static final long RUN_TIMEOUT_SECONDS = 120;
  private static final Pattern TOP_LEVEL_PATHS = Pattern.compile("(?m)^paths:[ \\t]*\\r?\\n");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

  /**
   * Two breaks in one operation: a $ref to a schema that does not exist, and a response without
   * its required description.
   */
  private static final String BROKEN_PATH =
      "paths:\n"
          + "  /api/broken-spec-check:\n"
          + "    get:\n"
          + "      operationId: brokenSpecCheck\n"
          + "      responses:\n"
          + "        '200':\n"
          + "          content:\n"
          + "            application/json:\n"
          + "              schema:\n"
          + "                $ref: '#/components/schemas/NoSuchSchema'\n";

  @Test
  void aBrokenSpecFailsGenerationWhileTheRealSpecPasses() throws Exception {
    String spec = Files.readString(Path.of(property("puffle.test.spec")), StandardCharsets.UTF_8);
    Matcher paths = TOP_LEVEL_PATHS.matcher(spec);
    assertTrue(paths.find(), "openapi.yaml has no top-level 'paths:' line to break");
    String broken = paths.replaceFirst(Matcher.quoteReplacement(BROKEN_PATH));

    Path work = Path.of(property("puffle.test.buildDirectory"), "broken-spec-check");
    deleteRecursively(work);
    Path intactDir = prepare(work.resolve("intact"), spec);
    Path brokenDir = prepare(work.resolve("broken"), broken);

    Process intactRun = start(intactDir);
    Process brokenRun = start(brokenDir);
    int intactExit = await(intactRun);
    int brokenExit = await(brokenRun);
    String intactLog = log(intactDir);
    String brokenLog = log(brokenDir);

    assertEquals(0, intactExit, "the real openapi.yaml must generate:\n" + intactLog);
    assertTrue(
        generated(intactDir, "AiChatSessionsApi.java"),
        "the real run generated no AiChatSessionsApi.java:\n" + intactLog);

    assertNotEquals(0, brokenExit, "the broken spec must fail the build:\n" + brokenLog);
    assertTrue(
        brokenLog.contains("There were issues with the specification"),
        "no validation report:\n" + brokenLog);
    assertTrue(brokenLog.contains("Error count: 2"), brokenLog);
    assertTrue(
        brokenLog.contains("#/components/schemas/NoSuchSchema is missing"),
        "the dangling $ref was not reported:\n" + brokenLog);
    assertTrue(
        brokenLog.contains(
            "paths.'/api/broken-spec-check'(get).responses.200.description is missing"),
        "the missing description was not reported:\n" + brokenLog);
  }

  private static Path prepare(Path dir, String spec) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("openapi.yaml"), spec, StandardCharsets.UTF_8);
    try (InputStream pom = BrokenSpecBuildTest.class.getResourceAsStream("/broken-spec/pom.xml")) {
      if (pom == null) {
        fail("broken-spec/pom.xml is not on the test class path");
      }
      Files.copy(pom, dir.resolve("pom.xml"));
    }
    return dir;
  }

  private static Process start(Path dir) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(mavenExecutable());
    command.add("-o");
    command.add("-q");
    command.add("-B");
    command.add("-f");
    command.add(dir.resolve("pom.xml").toString());
    command.add("generate-sources");
    command.add("-Dstyle.color=never");
    command.add("-Dopenapi-generator.version=" + property("puffle.test.generatorVersion"));
    command.add("-Dpuffle.templates=" + property("puffle.test.templates"));
    command.add("-Dmaven.repo.local=" + property("puffle.test.localRepository"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("build.log").toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    // A short-lived Maven: the C1 compiler alone and the serial collector start it faster.
    String mavenOpts = builder.environment().getOrDefault("MAVEN_OPTS", "");
    builder.environment().put(
        "MAVEN_OPTS", (mavenOpts + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC").trim());
    return builder.start();
  }

  private static int await(Process process) throws InterruptedException {
    if (!process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      fail("mvn did not finish within " + RUN_TIMEOUT_SECONDS + " s");
    }
    return process.exitValue();
  }

  /** {@code ${maven.home}/bin/mvn} of the running build, else {@code mvn} on the PATH. */
  private static String mavenExecutable() {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    String name = windows ? "mvn.cmd" : "mvn";
    String home = System.getProperty("maven.home", "");
    if (!home.isBlank() && !home.startsWith("${")) {
      Path candidate = Path.of(home, "bin", name);
      if (Files.isRegularFile(candidate)) {
        return candidate.toString();
      }
    }
    return name;
  }

  private static String property(String name) {
    String value = System.getProperty(name, "");
    if (value.isBlank() || value.contains("${")) {
      fail("system property " + name + " is not set: run this test through sdk-core's Maven build");
    }
    return value;
  }

  private static String log(Path dir) throws IOException {
    String text = Files.readString(dir.resolve("build.log"), StandardCharsets.UTF_8);
    return ANSI.matcher(text).replaceAll("");
  }

  private static boolean generated(Path dir, String fileName) throws IOException {
    Path out = dir.resolve("target").resolve("generated");
    if (!Files.isDirectory(out)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(out)) {
      return files.anyMatch(p -> p.getFileName().toString().equals(fileName));
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
