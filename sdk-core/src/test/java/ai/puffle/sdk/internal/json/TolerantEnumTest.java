package ai.puffle.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.generated.model.AiChatSession;
import ai.puffle.sdk.generated.model.TaskStatus;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every generated enum, read and written through {@link PuffleJson#moshi()}: each constant by its
 * wire value both ways, an unknown string as {@code UNKNOWN_DEFAULT_OPEN_API}, null as null, and
 * anything but a string refused with its path.
 */
class TolerantEnumTest {

  /** The generated enums, found next to {@link TaskStatus} so that a new one is covered too. */
  static List<Class<?>> generatedEnums() throws Exception {
    File dir = new File(TaskStatus.class.getResource("TaskStatus.class").toURI()).getParentFile();
    List<Class<?>> enums = new ArrayList<>();
    for (String name : dir.list()) {
      if (name.endsWith(".class") && !name.contains("$")) {
        Class<?> c = Class.forName(TaskStatus.class.getPackageName() + "." + name.replace(".class", ""));
        if (c.isEnum()) {
          enums.add(c);
        }
      }
    }
    return enums;
  }

  @Test
  void everyConstantOfEveryGeneratedEnumRoundTripsByItsWireValue() throws Exception {
    List<Class<?>> enums = generatedEnums();
    assertTrue(enums.size() >= 5, "the generated enums were found: " + enums);
    for (Class<?> type : enums) {
      @SuppressWarnings("unchecked")
      JsonAdapter<Object> adapter = PuffleJson.moshi().adapter((java.lang.reflect.Type) type);
      Method value = type.getMethod("getValue");
      Object unknown = type.getField("UNKNOWN_DEFAULT_OPEN_API").get(null);
      for (Object constant : type.getEnumConstants()) {
        String json = "\"" + value.invoke(constant) + "\"";
        assertEquals(json, adapter.toJson(constant), type.getSimpleName() + "." + constant);
        assertEquals(constant, adapter.fromJson(json), type.getSimpleName() + " " + json);
      }
      assertEquals(unknown, adapter.fromJson("\"a_value_added_later\""), type.getSimpleName());
      assertNull(adapter.fromJson("null"));
      assertEquals("null", adapter.toJson(null));
    }
  }

  @Test
  void aWireValueThatDiffersFromTheConstantsNameIsReadAndWrittenByTheWireValue() throws IOException {
    JsonAdapter<TaskStatus> adapter = PuffleJson.moshi().adapter(TaskStatus.class);
    assertEquals(TaskStatus.CHAT_PROCESSING, adapter.fromJson("\"chat_processing\""));
    assertEquals(TaskStatus.UNKNOWN_DEFAULT_OPEN_API, adapter.fromJson("\"CHAT_PROCESSING\""),
        "the constant's Java name is not a wire value");
    assertEquals("\"generating_examples\"", adapter.toJson(TaskStatus.GENERATING_EXAMPLES));
  }

  @Test
  void anythingButAStringIsRefusedWithItsPath() {
    JsonAdapter<AiChatSession> sessions = PuffleJson.moshi().adapter(AiChatSession.class);
    JsonDataException e = assertThrows(JsonDataException.class,
        () -> sessions.fromJson("{\"task_status\": 3}"));
    assertEquals("Expected a string but was NUMBER at path $.task_status", e.getMessage());
  }
}
