package ai.puffle.sdk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Skeleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkeletonTest {

  @Test
  void variablesFindsBothSyntaxesInOrderWithoutDuplicates() {
    Skeleton skeleton =
        Skeleton.builder()
            .subject("%first_name%, a thought on {{company}}")
            .body("Hi %first_name%,\n{{ position }} at %company% ... %sender_first%")
            .build();

    assertEquals(
        List.of("first_name", "company", "position", "sender_first"),
        new ArrayList<>(skeleton.variables()));
  }

  @Test
  void variablesIgnorePlainPercentSigns() {
    Skeleton skeleton = Skeleton.builder().body("Save 20% today and 30% tomorrow").build();

    assertTrue(skeleton.variables().isEmpty());
  }

  @Test
  void variablesAreEmptyWithoutSubjectAndBody() {
    Skeleton skeleton = Skeleton.of(Map.of("hook", "%not_a_template%"));

    assertTrue(skeleton.variables().isEmpty());
    assertTrue(skeleton.aiInstructions().isEmpty());
  }

  @Test
  void aiInstructionsAreTheTrimmedAmpersandParts() {
    Skeleton skeleton =
        Skeleton.builder()
            .body("Hi %first_name%,\n&& Open with an observation\n about %company% &&\nBody.\n"
                + "&&Close softly&& and &&   && done")
            .build();

    assertEquals(
        List.of("Open with an observation\n about %company%", "Close softly"),
        skeleton.aiInstructions());
  }

  @Test
  void equalityIsByContent() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("hook", "h");
    a.put("value_prop", "v");
    Map<String, Object> b = new HashMap<>();
    b.put("value_prop", "v");
    b.put("hook", "h");

    assertEquals(Skeleton.of(a), Skeleton.of(b));
    assertEquals(Skeleton.of(a).hashCode(), Skeleton.of(b).hashCode());
    assertNotEquals(Skeleton.of(a), Skeleton.of(Map.of("hook", "h")));
  }

  @Test
  void asMapIsADeepUnmodifiableCopy() {
    List<Object> blocks = new ArrayList<>();
    Map<String, Object> block = new HashMap<>();
    block.put("name", "hook");
    blocks.add(block);
    Map<String, Object> source = new HashMap<>();
    source.put("blocks", blocks);

    Skeleton skeleton = Skeleton.of(source);
    block.put("name", "changed");
    blocks.add("more");
    source.put("extra", 1);

    assertEquals(1, ((List<?>) skeleton.get("blocks")).size());
    assertEquals("hook", skeleton.blocks().get(0).name().orElseThrow());
    assertNull(skeleton.get("extra"));
    assertThrows(UnsupportedOperationException.class, () -> skeleton.asMap().put("x", 1));
    @SuppressWarnings("unchecked")
    List<Object> copied = (List<Object>) skeleton.asMap().get("blocks");
    assertThrows(UnsupportedOperationException.class, () -> copied.add("x"));
    @SuppressWarnings("unchecked")
    Map<String, Object> copiedBlock = (Map<String, Object>) copied.get(0);
    assertThrows(UnsupportedOperationException.class, () -> copiedBlock.put("x", 1));
  }

  @Test
  void unknownKeysAreKept() {
    Skeleton skeleton = Skeleton.of(Map.of("hook", "h", "value_prop", "v", "cta", List.of("a")));

    assertEquals("h", skeleton.get("hook"));
    assertEquals(List.of("a"), skeleton.get("cta"));
    assertEquals(3, skeleton.asMap().size());
    assertFalse(skeleton.subject().isPresent());
    assertTrue(skeleton.blocks().isEmpty());
  }

  @Test
  void typedAccessorsTolerateWrongTypes() {
    Map<String, Object> odd = new HashMap<>();
    odd.put("subject", 42.0);
    odd.put("body", List.of("x"));
    odd.put("exampleSubject", Map.of());
    odd.put("exampleBody", null);
    odd.put(
        "blocks",
        List.of(
            "not a block",
            Map.of("name", 7, "strategy", "s", "personalization", "no"),
            Map.of("personalization", Map.of("fields", List.of("company", 3), "approach", 1))));

    Skeleton skeleton = Skeleton.of(odd);

    assertFalse(skeleton.subject().isPresent());
    assertFalse(skeleton.body().isPresent());
    assertFalse(skeleton.exampleSubject().isPresent());
    assertFalse(skeleton.exampleBody().isPresent());
    assertTrue(skeleton.variables().isEmpty());
    assertEquals(2, skeleton.blocks().size());
    Skeleton.Block first = skeleton.blocks().get(0);
    assertFalse(first.name().isPresent());
    assertEquals("s", first.strategy().orElseThrow());
    assertFalse(first.personalization().isPresent());
    Skeleton.Personalization p = skeleton.blocks().get(1).personalization().orElseThrow();
    assertEquals(List.of("company"), p.fields());
    assertFalse(p.approach().isPresent());
    assertFalse(p.fallback().isPresent());
  }

  @Test
  void builderWritesTheGenerateContentShape() {
    Skeleton skeleton =
        Skeleton.builder()
            .subject("S %a%")
            .body("B")
            .block(
                Skeleton.Block.of(
                    "hook",
                    "observation",
                    Skeleton.Personalization.of(List.of("company"), "news", "industry")))
            .exampleSubject("S x")
            .exampleBody("B x")
            .put("extra", true)
            .build();

    assertEquals(
        List.of("subject", "body", "blocks", "exampleSubject", "exampleBody", "extra"),
        new ArrayList<>(skeleton.asMap().keySet()));
    Skeleton.Block block = skeleton.blocks().get(0);
    assertEquals("hook", block.name().orElseThrow());
    assertEquals("observation", block.strategy().orElseThrow());
    assertEquals("industry", block.personalization().orElseThrow().fallback().orElseThrow());
    assertEquals(skeleton, Skeleton.of(skeleton.asMap()));
  }
}
