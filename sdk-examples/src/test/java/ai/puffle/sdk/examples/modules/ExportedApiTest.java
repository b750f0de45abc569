package ai.puffle.sdk.examples.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.opentelemetry.PuffleTelemetry;
import ai.puffle.sdk.testkit.FakePuffle;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a module's {@code module-info.java} exports is its whole public API, for the SDK
 * ({@code ai.puffle.sdk}), the testkit ({@code ai.puffle.sdk.testkit}) and the OpenTelemetry
 * module ({@code ai.puffle.sdk.opentelemetry}): a public type sits
 * either in an exported package or in one named as not API ({@code internal}, {@code
 * generated}), and nothing an exported type shows (supertypes, public and protected members,
 * their generic arguments) comes from a package the module does not export, except the JDK and
 * the modules it is allowed to show.
 */
class ExportedApiTest {
  static final List<String> NOT_API = List.of("ai.puffle.sdk.internal", "ai.puffle.sdk.generated",
      "ai.puffle.sdk.testkit.internal");
  /**
   * What each module's API may show besides its own exported packages and the JDK: packages, or
   * prefixes when they end with a dot.
   */
  static final Map<String, List<String>> READABLE = Map.of(
      "ai.puffle.sdk", List.of("okhttp3."),
      "ai.puffle.sdk.testkit", List.of("ai.puffle.sdk", "okhttp3.", "org.junit.jupiter.api."),
      "ai.puffle.sdk.opentelemetry", List.of("ai.puffle.sdk", "io.opentelemetry.api.", "io.opentelemetry.context."));

  ModuleDescriptor module;
  Set<String> exported;
  List<Class<?>> publicTypes;
  List<String> readable;

  void read(String name) throws Exception {
    Class<?> anchor = name.equals("ai.puffle.sdk") ? PuffleClient.class
        : name.equals("ai.puffle.sdk.testkit") ? FakePuffle.class : PuffleTelemetry.class;
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (FileSystem jar = Files.isDirectory(location) ? null
        : FileSystems.newFileSystem(URI.create("jar:" + location.toUri()), Map.of())) {
      Path root = jar == null ? location : jar.getPath("/");
      try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
        module = ModuleDescriptor.read(in);
      }
      exported = module.exports().stream().filter(e -> !e.isQualified())
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
      readable = new ArrayList<>(List.of("java."));
      readable.addAll(READABLE.get(name));
      publicTypes = new ArrayList<>();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          String rel = root.relativize(f).toString().replace('\\', '/');
          if (!rel.endsWith(".class") || rel.endsWith("module-info.class") || rel.endsWith("package-info.class")
              || rel.startsWith("META-INF/")) {
            continue;
          }
          Class<?> c = Class.forName(rel.substring(0, rel.length() - 6).replace('/', '.'), false,
              ExportedApiTest.class.getClassLoader());
          if (isVisible(c)) {
            publicTypes.add(c);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ai.puffle.sdk", "ai.puffle.sdk.testkit", "ai.puffle.sdk.opentelemetry"})
  void theModuleIsNamedAndExportsOnlyItsApiPackage(String name) throws Exception {
    read(name);
    assertEquals(name, module.name());
    assertEquals(Set.of(name), exported);
    assertTrue(!publicTypes.isEmpty(), "the module's classes were read");
    assertTrue(module.opens().stream().allMatch(ModuleDescriptor.Opens::isQualified),
        "packages are opened only to the modules that need them");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ai.puffle.sdk", "ai.puffle.sdk.testkit", "ai.puffle.sdk.opentelemetry"})
  void everyPublicTypeIsInAnExportedPackageOrOneThatIsNotApi(String name) throws Exception {
    read(name);
    List<String> stray = new ArrayList<>();
    for (Class<?> c : publicTypes) {
      String p = c.getPackageName();
      if (!exported.contains(p) && NOT_API.stream().noneMatch(p::startsWith)) {
        stray.add(c.getName());
      }
    }
    assertEquals(List.of(), stray,
        "public types in a package module-info.java does not export: export the package or move them to internal");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ai.puffle.sdk", "ai.puffle.sdk.testkit", "ai.puffle.sdk.opentelemetry"})
  void noExportedTypeShowsATypeOfAPackageThatIsNotExported(String name) throws Exception {
    read(name);
    Set<String> leaks = new TreeSet<>();
    for (Class<?> c : publicTypes) {
      if (!exported.contains(c.getPackageName())) {
        continue;
      }
      check(c + " extends", c.getGenericSuperclass(), leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(c + " implements", t, leaks);
      }
      for (Field f : c.getDeclaredFields()) {
        if (isApi(f.getModifiers(), c)) {
          check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
        }
      }
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      members.addAll(List.<Constructor<?>>of(c.getDeclaredConstructors()));
      for (Executable m : members) {
        if (!isApi(m.getModifiers(), c) || m.isSynthetic()) {
          continue;
        }
        String where = c.getName() + "." + m.getName();
        if (m instanceof Method) {
          check(where + " returns", ((Method) m).getGenericReturnType(), leaks);
        }
        for (Type t : m.getGenericParameterTypes()) {
          check(where + " takes", t, leaks);
        }
        for (Type t : m.getGenericExceptionTypes()) {
          check(where + " throws", t, leaks);
        }
      }
    }
    assertEquals(Set.of(), leaks, "exported API showing types the module does not export");
  }

  private static boolean isVisible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isApi(int modifiers, Class<?> owner) {
    return Modifier.isPublic(modifiers) || (Modifier.isProtected(modifiers) && !Modifier.isFinal(owner.getModifiers()));
  }

  private void check(String where, Type t, Set<String> leaks) {
    check(where, t, leaks, new HashSet<>());
  }

  private void check(String where, Type t, Set<String> leaks, Set<Type> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    if (t instanceof Class) {
      Class<?> c = (Class<?>) t;
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.isPrimitive()) {
        return;
      }
      String name = c.getName();
      String pkg = c.getPackageName();
      if (!exported.contains(pkg) && readable.stream()
          .noneMatch(r -> r.endsWith(".") ? name.startsWith(r) : pkg.equals(r))) {
        leaks.add(where + ": " + name);
      }
    } else if (t instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) t;
      check(where, p.getRawType(), leaks, seen);
      for (Type a : p.getActualTypeArguments()) {
        check(where, a, leaks, seen);
      }
    } else if (t instanceof WildcardType) {
      for (Type b : ((WildcardType) t).getUpperBounds()) {
        check(where, b, leaks, seen);
      }
      for (Type b : ((WildcardType) t).getLowerBounds()) {
        check(where, b, leaks, seen);
      }
    } else if (t instanceof GenericArrayType) {
      check(where, ((GenericArrayType) t).getGenericComponentType(), leaks, seen);
    } else if (t instanceof TypeVariable) {
      for (Type b : ((TypeVariable<?>) t).getBounds()) {
        check(where, b, leaks, seen);
      }
    }
  }
}
