package ai.puffle.sdk.examples.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own module on the module path: it requires {@code ai.puffle.sdk} and {@code
 * ai.puffle.sdk.testkit} (both named modules), runs a turn on the emulator (wire models and error
 * bodies read through the qualified opens), checks the contract with the validator on the class
 * path, traces its calls through {@code ai.puffle.sdk.opentelemetry} with OpenTelemetry's jars as
 * automatic modules, and cannot compile against the SDK's internals.
 */
class ModulePathTest {
  /** The jars the SDK's module and the testkit need on the module path, by file name. */
  static final List<String> MODULE_JARS = List.of(
      "okhttp-jvm-", "okhttp-sse-", "okio-jvm-", "kotlin-stdlib-", "moshi-", "failsafe-", "mockwebserver3-");

  @TempDir Path dir;
  Path core;
  Path testkit;
  Path telemetry;
  List<Path> modulePath = new ArrayList<>();
  List<Path> classPath = new ArrayList<>();

  @BeforeEach
  void paths() throws IOException {
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      String name = p.getFileName().toString();
      String path = p.toString().replace('\\', '/');
      if (path.contains("sdk-core/target")) {
        core = p;
      } else if (path.contains("sdk-testkit/target")) {
        testkit = p;
      } else if (path.contains("sdk-opentelemetry/target")) {
        telemetry = p;
      } else if (name.endsWith(".jar") && !name.contains("junit5")
          && MODULE_JARS.stream().anyMatch(name::startsWith)) {
        modulePath.add(p);
      } else if (!path.contains("sdk-examples/target")) {
        classPath.add(p);
      }
    }
    assertTrue(core != null && testkit != null && telemetry != null,
        "core, testkit and the OpenTelemetry module on the test class path");
    assertEquals(MODULE_JARS.size(), modulePath.size(), "the modules they need: " + modulePath);
    modulePath.add(0, core);
    modulePath.add(1, testkit);
    modulePath.add(2, telemetry);
    // OpenTelemetry's jars are automatic modules (named in their manifests), as a modular
    // application has them.
    List<Path> openTelemetry = classPath.stream()
        .filter(p -> p.getFileName().toString().startsWith("opentelemetry-"))
        .collect(Collectors.toList());
    classPath.removeAll(openTelemetry);
    modulePath.addAll(openTelemetry);
  }

  @Test
  void aConsumerModuleRunsATurnOnTheEmulator() throws Exception {
    Path src = dir.resolve("consumer-src");
    write(src.resolve("module-info.java"),
        "module consumer { requires ai.puffle.sdk; requires ai.puffle.sdk.testkit; }");
    write(src.resolve("consumer/Main.java"), String.join("\n",
        "package consumer;",
        "import ai.puffle.sdk.*;",
        "import ai.puffle.sdk.testkit.*;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start();",
        "        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())",
        "            .clock(fake.clientClock()).watchRuns(false).build()) {",
        "      SeededCampaign campaign = fake.defaultCampaign();",
        "      Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());",
        "      client.sessions().turnAndWait(session.id(), TurnRequest.of(\"Write an intro email\"));",
        "      TurnResult r = client.sessions().turnAndWait(session.id(), TurnRequest.of(\"Audience: VPs of Sales.\"));",
        "      System.out.println(\"skeleton: \" + r.skeleton().isPresent());",
        "      System.out.println(\"module: \" + PuffleClient.class.getModule().getName());",
        "      System.out.println(\"testkit: \" + FakePuffle.class.getModule().getDescriptor().isAutomatic());",
        "      try {",
        "        client.sessions().get(\"00000000-0000-4000-8000-000000000000\");",
        "      } catch (NotFoundException e) {",
        "        System.out.println(\"not found: \" + e.statusCode());",
        "      }",
        "    }",
        "  }",
        "}"));
    Path out = compileCleanly(src, dir.resolve("consumer-out"));

    String output = run(out, "consumer/consumer.Main");
    assertTrue(output.contains("skeleton: true"), output);
    assertTrue(output.contains("module: ai.puffle.sdk"), "the SDK ran as its named module: " + output);
    assertTrue(output.contains("testkit: false"), "the testkit ran as its named module: " + output);
    assertTrue(output.contains("not found: 404"), output);
  }

  @Test
  void aConsumerModuleChecksTheContractWithTheValidatorOnTheClassPath() throws Exception {
    Path src = dir.resolve("contract-src");
    write(src.resolve("module-info.java"),
        "module checked { requires ai.puffle.sdk; requires ai.puffle.sdk.testkit; }");
    write(src.resolve("checked/Main.java"), String.join("\n",
        "package checked;",
        "import ai.puffle.sdk.*;",
        "import ai.puffle.sdk.testkit.*;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).validateContract(true).start();",
        "    try (PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())",
        "        .clock(fake.clientClock()).watchRuns(false).build()) {",
        "      SeededCampaign campaign = fake.defaultCampaign();",
        "      Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());",
        "      client.sessions().turnAndWait(session.id(), TurnRequest.of(\"Write an intro email\"));",
        "    } finally {",
        "      fake.close();",
        "    }",
        "    System.out.println(\"checked: \" + fake.contractViolations().size() + \" violations\");",
        "  }",
        "}"));
    Path out = compileCleanly(src, dir.resolve("contract-out"));

    String output = run(out, "checked/checked.Main");
    assertTrue(output.contains("checked: 0 violations"), output);
  }

  @Test
  void aConsumerModuleTracesItsCallsWithTheOpenTelemetryModule() throws Exception {
    Path src = dir.resolve("traced-src");
    write(src.resolve("module-info.java"), String.join("\n",
        "module traced {",
        "  requires ai.puffle.sdk; requires ai.puffle.sdk.testkit; requires ai.puffle.sdk.opentelemetry;",
        "  requires io.opentelemetry.sdk; requires io.opentelemetry.sdk.trace;",
        "}"));
    write(src.resolve("traced/Main.java"), String.join("\n",
        "package traced;",
        "import ai.puffle.sdk.*;",
        "import ai.puffle.sdk.opentelemetry.PuffleTelemetry;",
        "import ai.puffle.sdk.testkit.*;",
        "import io.opentelemetry.context.Context;",
        "import io.opentelemetry.sdk.OpenTelemetrySdk;",
        "import io.opentelemetry.sdk.trace.*;",
        "import java.util.*;",
        "public class Main {",
        "  public static void main(String[] args) {",
        "    List<String> spans = Collections.synchronizedList(new ArrayList<>());",
        "    SpanProcessor record = new SpanProcessor() {",
        "      public void onStart(Context parent, ReadWriteSpan span) {}",
        "      public boolean isStartRequired() { return false; }",
        "      public void onEnd(ReadableSpan span) { spans.add(span.getName()); }",
        "      public boolean isEndRequired() { return true; }",
        "    };",
        "    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()",
        "        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(record).build()).build();",
        "    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start();",
        "        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())",
        "            .clock(fake.clientClock()).watchRuns(false)",
        "            .eventListener(PuffleTelemetry.create(otel)).build()) {",
        "      SeededCampaign campaign = fake.defaultCampaign();",
        "      Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());",
        "      client.sessions().get(session.id());",
        "    }",
        "    System.out.println(\"module: \" + PuffleTelemetry.class.getModule().getName());",
        "    System.out.println(\"spans: \" + new TreeSet<>(spans));",
        "  }",
        "}"));
    Path out = compileCleanly(src, dir.resolve("traced-out"));

    String output = run(out, "traced/traced.Main");
    assertTrue(output.contains("module: ai.puffle.sdk.opentelemetry"), output);
    assertTrue(output.contains("createAiChatSession") && output.contains("getAiChatSession"), output);
  }

  @Test
  void aConsumerModuleCannotCompileAgainstTheInternals() throws Exception {
    Path src = dir.resolve("internal-src");
    write(src.resolve("module-info.java"), "module prying { requires ai.puffle.sdk; }");
    write(src.resolve("prying/Main.java"), String.join("\n",
        "package prying;",
        "public class Main {",
        "  Object json = ai.puffle.sdk.internal.json.PuffleJson.moshi();",
        "  Object model = new ai.puffle.sdk.generated.model.Session();",
        "}"));
    DiagnosticCollector<JavaFileObject> problems = compile(src, dir.resolve("internal-out"));
    List<String> errors = problems.getDiagnostics().stream()
        .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.toList());
    assertEquals(2, errors.size(), errors.toString());
    assertTrue(errors.get(0).contains("package ai.puffle.sdk.internal.json is not visible")
        && errors.get(0).contains("declared in module ai.puffle.sdk, which does not export it"), errors.toString());
    // A package exported to no module but the testkit is not even seen.
    assertTrue(errors.get(1).contains("package ai.puffle.sdk.generated.model does not exist"), errors.toString());
  }

  /** Runs a consumer's main class on the module path, the rest on the class path; its output. */
  private String run(Path out, String mainClass) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", out + File.pathSeparator + join(modulePath)));
    if (!classPath.isEmpty()) {
      command.addAll(List.of("-cp", join(classPath)));
    }
    command.addAll(List.of("-m", mainClass));
    Path log = Files.createTempFile(dir, "consumer", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    boolean ended = p.waitFor(2, TimeUnit.MINUTES);
    if (!ended) {
      p.destroyForcibly().waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(ended, "the consumer ends: " + output);
    assertEquals(0, p.exitValue(), output);
    return output;
  }

  /** Compiles a consumer into {@code out}, failing on any error; {@code out}. */
  private Path compileCleanly(Path src, Path out) throws IOException {
    DiagnosticCollector<JavaFileObject> problems = compile(src, out);
    assertTrue(problems.getDiagnostics().stream().noneMatch(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR),
        () -> problems.getDiagnostics().toString());
    return out;
  }

  private DiagnosticCollector<JavaFileObject> compile(Path src, Path out) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Files.createDirectories(out);
    List<File> files;
    try (Stream<Path> all = Files.walk(src)) {
      files = all.filter(f -> f.toString().endsWith(".java")).map(Path::toFile).collect(Collectors.toList());
    }
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      Path noClassPath = Files.createDirectories(dir.resolve("empty"));
      List<String> options = List.of("--release", "11", "--module-path", join(modulePath),
          "--class-path", noClassPath.toString(), "-d", out.toString());
      javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
    }
    assertFalse(files.isEmpty());
    return diagnostics;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }
}
