package ai.puffle.sdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
  private final Map<String, String> values =
      Templates.values(Map.of("first_name", "Ada", "company", "AE",
          "custom_fields", Map.of("city", "London")));

  @Test
  void rendersBothVariableSyntaxesAndKeepsUnknownOnes() {
    assertEquals("Hi Ada at AE in London, %unknown% 50% off",
        Templates.render("Hi %first_name% at {{ company }} in %city%, %unknown% 50% off", values));
  }

  @Test
  void writesOutAiInstructions() {
    assertEquals("Hi Ada. (AI-written for AE: mention AE) Sam",
        Templates.write("Hi %first_name%. &&mention %company%&& %sender_first%", values));
  }
}
