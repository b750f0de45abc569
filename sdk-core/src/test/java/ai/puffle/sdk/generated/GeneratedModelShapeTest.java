package ai.puffle.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.internal.json.WireValue;
import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated models carry no annotation Moshi would read: each field is named as its wire key
 * and each enum constant gives its wire value ({@link WireValue}). Reading an annotation makes
 * the JVM generate a proxy class, which a client's first call would pay for.
 */
class GeneratedModelShapeTest {
  @Test
  void modelFieldsAndEnumConstantsCarryNoAnnotations() throws Exception {
    List<Class<?>> models = models();
    assertTrue(models.size() > 30, "generated models found: " + models.size());
    List<String> annotated = new ArrayList<>();
    for (Class<?> model : models) {
      for (Field f : model.getDeclaredFields()) {
        if (f.getDeclaredAnnotations().length > 0) {
          annotated.add(model.getSimpleName() + "." + f.getName());
        }
      }
    }
    assertEquals(List.of(), annotated);
  }

  @Test
  void everyGeneratedEnumGivesItsWireValues() throws Exception {
    int enums = 0;
    for (Class<?> model : models()) {
      if (model.isEnum()) {
        enums++;
        assertTrue(WireValue.class.isAssignableFrom(model), model.getName());
      }
    }
    assertTrue(enums >= 5, "enums: " + enums);
    assertEquals("chat_processing", ai.puffle.sdk.generated.model.TaskStatus.CHAT_PROCESSING.getValue());
  }

  @Test
  void modelFieldsAreNamedAsTheirWireKeys() {
    List<String> names = new ArrayList<>();
    for (Field f : ai.puffle.sdk.generated.model.AiChatSession.class.getDeclaredFields()) {
      if (!Modifier.isTransient(f.getModifiers())) {
        names.add(f.getName());
      }
    }
    assertTrue(names.containsAll(List.of("id", "user_id", "node_id", "task_status", "draft_body")), names.toString());
  }

  private static List<Class<?>> models() throws Exception {
    String pkg = "ai.puffle.sdk.generated.model";
    URL dir = GeneratedModelShapeTest.class.getClassLoader().getResource(pkg.replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    for (File f : new File(dir.toURI()).listFiles()) {
      String name = f.getName();
      if (name.endsWith(".class") && !name.contains("$")) {
        out.add(Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length())));
      }
    }
    return out;
  }
}
