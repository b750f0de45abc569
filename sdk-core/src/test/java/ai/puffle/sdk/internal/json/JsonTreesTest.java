package ai.puffle.sdk.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Session;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.Skeleton;
import ai.puffle.sdk.internal.mapping.WireMapper;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Checks the untyped JSON trees {@link JsonTrees} decodes ({@link FrozenMap}, {@link FrozenList}):
 * content, key order, null values and numbers; repeated keys; that maps of any size, on the
 * linear and the hashed lookup path, behave like a {@link LinkedHashMap}; equality with ordinary
 * collections; that nothing can modify them; that writing gives the JSON back; and that a mapped
 * {@link Session} exposes them unmodifiable.
 */
class JsonTreesTest {
  private static final JsonAdapter<Object> ANY = PuffleJson.moshi().adapter(Object.class);
  private static final Type STRING_OBJECT_MAP =
      Types.newParameterizedType(Map.class, String.class, Object.class);
  private static final JsonAdapter<Map<String, Object>> MAP =
      PuffleJson.moshi().adapter(STRING_OBJECT_MAP);
  private static final JsonAdapter<List<Map<String, Object>>> MAPS =
      PuffleJson.moshi().adapter(Types.newParameterizedType(List.class, STRING_OBJECT_MAP));
  private static final JsonAdapter<Skeleton> SKELETON = PuffleJson.moshi().adapter(Skeleton.class);

  /** The JSON text with single quotes turned into double quotes. */
  private static String j(String text) {
    return text.replace('\'', '"');
  }

  @Test
  void readsContentKeyOrderNullsAndNumbers() throws IOException {
    Map<String, Object> tree =
        MAP.fromJson(j("{'z':1,'a':'text','m':null,'t':true,'n':{'x':[1,2.5,{'y':null}],'e':{}},"
            + "'l':[]}"));

    assertEquals(List.of("z", "a", "m", "t", "n", "l"), new ArrayList<>(tree.keySet()));
    assertEquals(1.0, tree.get("z"));
    assertEquals("text", tree.get("a"));
    assertNull(tree.get("m"));
    assertTrue(tree.containsKey("m"));
    assertEquals(true, tree.get("t"));
    Map<?, ?> nested = (Map<?, ?>) tree.get("n");
    List<?> items = (List<?>) nested.get("x");
    assertEquals(List.of(1.0, 2.5), items.subList(0, 2));
    Map<?, ?> inner = (Map<?, ?>) items.get(2);
    assertTrue(inner.containsKey("y"));
    assertNull(inner.get("y"));
    assertTrue(((Map<?, ?>) nested.get("e")).isEmpty());
    assertTrue(((List<?>) tree.get("l")).isEmpty());
    for (Object value : new Object[] {tree, nested, items, inner, nested.get("e"), tree.get("l")}) {
      assertTrue(JsonTrees.isFrozen(value), String.valueOf(value));
    }
    assertFalse(JsonTrees.isFrozen(new LinkedHashMap<>()));
    assertFalse(JsonTrees.isFrozen(List.of()));
  }

  @Test
  void everyAdapterGivesFrozenTreesAndNullForNull() throws IOException {
    for (String json : new String[] {"{'a':[1]}", "[{'a':1}]", "{}", "[]"}) {
      assertTrue(JsonTrees.isFrozen(ANY.fromJson(j(json))), json);
    }
    assertTrue(JsonTrees.isFrozen(MAP.fromJson("{}")));
    assertEquals(-0.0, ANY.fromJson("-0"));
    assertEquals(1000.0, ANY.fromJson("1e3"));

    List<Map<String, Object>> maps = MAPS.fromJson(j("[{'a':1},null,{}]"));
    assertTrue(JsonTrees.isFrozen(maps) && JsonTrees.isFrozen(maps.get(0)));
    assertEquals(Arrays.asList(Map.of("a", 1.0), null, Map.of()), maps);
    assertTrue(JsonTrees.isFrozen(MAPS.fromJson("[]")));

    Skeleton skeleton = SKELETON.fromJson(j("{'b':{'c':[]},'a':[{}],'n':null,'s':'x'}"));
    assertEquals(List.of("b", "a", "n", "s"), new ArrayList<>(skeleton.keySet()));
    assertTrue(JsonTrees.isFrozen(skeleton.get("b")) && JsonTrees.isFrozen(skeleton.get("a")));
    assertTrue(skeleton.containsKey("n"));

    assertNull(ANY.fromJson("null"));
    assertNull(MAP.fromJson("null"));
    assertNull(MAPS.fromJson("null"));
    assertNull(SKELETON.fromJson("null"));
  }

  @Test
  void repeatedKeysAreRejected() {
    String[] texts = {
      "{'a':1,'b':2,'a':3}",
      "{'a':null,'a':null}",
      "{'o':{'k':1,'k':2}}",
      "{'o':[{'x':1},{'k':[],'k':{}}]}",
      "{'0':0,'1':1,'2':2,'3':3,'4':4,'5':5,'6':6,'7':7,'k':8,'k':9}",
      "{'0':0,'1':1,'2':2,'3':3,'4':4,'5':5,'6':6,'k':7,'k':8}",
      "{'k':0,'1':1,'2':2,'3':3,'4':4,'5':5,'6':6,'7':7,'8':8,'9':9,'10':10,'k':11}",
      "{'0':0,'1':1,'2':2,'3':3,'4':4,'5':5,'6':6,'7':7,'8':8,'9':9,'k':10,'k':11}"
    };
    for (String text : texts) {
      String json = j(text);
      String key = text.contains("'k'") ? "'k'" : "'a'";
      for (JsonAdapter<?> adapter : List.of(ANY, MAP, SKELETON)) {
        JsonDataException e = assertThrows(JsonDataException.class, () -> adapter.fromJson(json));
        assertTrue(e.getMessage().contains("Map key " + key), text + ": " + e.getMessage());
      }
      JsonDataException e =
          assertThrows(JsonDataException.class, () -> MAPS.fromJson("[{},{\"w\":" + json + "}]"));
      assertTrue(e.getMessage().contains("Map key " + key), text + ": " + e.getMessage());
    }
  }

  @Test
  void mapsOfEverySizeBehaveLikeLinkedHashMap() throws IOException {
    for (int size : new int[] {0, 1, 2, 7, 8, 9, 10, 16, 17, 40}) {
      LinkedHashMap<String, Object> expected = new LinkedHashMap<>();
      StringBuilder json = new StringBuilder("{");
      for (int i = 0; i < size; i++) {
        String key = "key" + (i * 13 % size);
        Object value = i % 3 == 0 ? null : i % 3 == 1 ? (Object) (double) i : "v" + i;
        expected.put(key, value);
        json.append(i == 0 ? "" : ",").append('"').append(key).append("\":")
            .append(value instanceof String ? '"' + (String) value + '"' : String.valueOf(value));
      }
      Map<String, Object> actual = MAP.fromJson(json.append('}').toString());
      assertEquals(size, expected.size(), "distinct keys");

      String context = "size " + size;
      assertTrue(JsonTrees.isFrozen(actual), context);
      assertEquals(expected.size(), actual.size(), context);
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()), context);
      assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(actual.values()), context);
      assertEquals(
          new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()), context);
      for (String key : expected.keySet()) {
        assertTrue(actual.containsKey(key), context + " " + key);
        assertEquals(expected.get(key), actual.get(key), context + " " + key);
      }
      for (Object absent : Arrays.asList("absent", "key" + size, "key-1", "", null, 3)) {
        assertFalse(actual.containsKey(absent), context + " " + absent);
        assertNull(actual.get(absent), context + " " + absent);
        assertEquals("fallback", actual.getOrDefault(absent, "fallback"), context);
      }
      assertEquals(expected.containsValue(null), actual.containsValue(null), context);
      assertEquals(expected, actual, context);
      assertEquals(actual, expected, context);
      assertEquals(expected.hashCode(), actual.hashCode(), context);
      assertEquals(expected.toString(), actual.toString(), context);
    }
  }

  @Test
  void equalToOrdinaryCollectionsBothWays() throws IOException {
    Object tree = ANY.fromJson(j("{'a':[1,{'b':null}],'c':'d','e':{}}"));
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("b", null);
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("a", new ArrayList<>(List.of(1.0, inner)));
    plain.put("c", "d");
    plain.put("e", new LinkedHashMap<>());

    assertEquals(plain, tree);
    assertEquals(tree, plain);
    assertEquals(plain.hashCode(), tree.hashCode());
    List<?> list = (List<?>) ((Map<?, ?>) tree).get("a");
    assertEquals(plain.get("a"), list);
    assertEquals(list, plain.get("a"));
    assertEquals(plain.get("a").hashCode(), list.hashCode());

    Map<String, Object> other = new LinkedHashMap<>(plain);
    other.put("c", "x");
    assertFalse(tree.equals(other));
    assertFalse(other.equals(tree));
    assertFalse(list.equals(List.of(1.0)));
    assertFalse(tree.equals(ANY.fromJson(j("{'a':[1,{}],'c':'d','e':{}}"))));
  }

  @Test
  void nothingModifiesADecodedTree() throws IOException {
    for (String json :
        new String[] {"{'a':1,'b':[1,2],'c':null}", "{'0':0,'1':1,'2':2,'3':3,'4':4,'5':5,"
            + "'6':6,'7':7,'8':8,'9':9,'a':10,'b':[1,2],'c':null}"}) {
      Map<String, Object> tree = MAP.fromJson(j(json));
      Map<String, Object> before = new LinkedHashMap<>(tree);
      assertUnmodifiableMap(tree);
      assertUnmodifiableList(cast(tree.get("b")));
      assertEquals(before, tree);
    }
    List<Map<String, Object>> maps = MAPS.fromJson(j("[{'a':1}]"));
    assertThrows(UnsupportedOperationException.class, () -> maps.add(Map.of()));
    assertThrows(UnsupportedOperationException.class, () -> maps.get(0).put("b", 2));
    Map<String, Object> empty = MAP.fromJson(j("{}"));
    List<Object> emptyList = cast(ANY.fromJson(j("[]")));
    assertAllUnsupported("empty", empty::clear, () -> empty.putAll(Map.of()), emptyList::clear,
        () -> emptyList.addAll(List.of()), () -> emptyList.sort(null));
  }

  private static void assertUnmodifiableMap(Map<String, Object> tree) {
    Executable[] mutations = {
      () -> tree.put("a", 2), () -> tree.put("new", 2), () -> tree.remove("a"),
      () -> tree.remove("c"), tree::clear, () -> tree.putAll(Map.of("z", 1)),
      () -> tree.putIfAbsent("new", 1), () -> tree.replace("a", 3),
      () -> removeFirst(tree.entrySet().iterator()),
      () -> tree.entrySet().iterator().next().setValue(5),
      () -> tree.entrySet().clear(), () -> tree.entrySet().removeIf(e -> true),
      () -> tree.keySet().remove("a"), () -> tree.keySet().retainAll(List.of()),
      () -> removeFirst(tree.keySet().iterator()),
      () -> tree.values().clear(), () -> tree.values().remove(1.0),
      () -> tree.merge("a", 1, (x, y) -> y), () -> tree.merge("new", 1, (x, y) -> y),
      () -> tree.compute("a", (k, v) -> 9), () -> tree.compute("a", (k, v) -> null),
      () -> tree.computeIfAbsent("new", k -> 1), () -> tree.computeIfPresent("a", (k, v) -> 2),
      () -> tree.replaceAll((k, v) -> v),
      // Changes that would change nothing are refused too, as by Collections.unmodifiableMap.
      () -> tree.remove("absent"), () -> tree.putAll(Map.of()), () -> tree.remove("a", "other"),
      () -> tree.keySet().remove("absent"), () -> tree.entrySet().remove("absent"),
      () -> tree.values().removeIf(v -> false), () -> tree.computeIfPresent("absent", (k, v) -> 1)
    };
    assertAllUnsupported("map", mutations);
  }

  private static void assertUnmodifiableList(List<Object> list) {
    Executable[] mutations = {
      () -> list.add(3.0), () -> list.add(0, 3.0), () -> list.set(0, 3.0), () -> list.remove(0),
      () -> list.remove((Object) 1.0), list::clear, () -> list.addAll(List.of(4.0)),
      () -> list.removeIf(x -> true), () -> list.replaceAll(x -> x), () -> list.sort(null),
      () -> list.subList(0, 1).clear(), () -> list.listIterator().add(1.0),
      () -> removeFirst(list.iterator()),
      // Changes that would change nothing are refused too, as by Collections.unmodifiableList.
      () -> list.addAll(List.of()), () -> list.remove((Object) "absent"),
      () -> list.removeIf(x -> false), () -> list.subList(0, 0).clear(),
      () -> list.retainAll(list)
    };
    assertAllUnsupported("list", mutations);
    assertEquals(List.of(1.0, 2.0), list);
  }

  private static void removeFirst(Iterator<?> iterator) {
    iterator.next();
    iterator.remove();
  }

  private static void assertAllUnsupported(String what, Executable... mutations) {
    for (int i = 0; i < mutations.length; i++) {
      assertThrows(UnsupportedOperationException.class, mutations[i], what + " mutation " + i);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  @Test
  void writingGivesTheSameJson() throws IOException {
    String json = j("{'z':1.0,'a':'text','t':false,'n':{'x':[1.5,-2.0,{'y':'w'}],'e':{}},'l':[]}");
    assertEquals(json, ANY.toJson(ANY.fromJson(json)));
    assertEquals(json, MAP.toJson(MAP.fromJson(json)));
    assertEquals(json, SKELETON.toJson(SKELETON.fromJson(json)));
    String list = "[" + json + ",{}]";
    assertEquals(list, MAPS.toJson(MAPS.fromJson(list)));
    assertEquals(list, ANY.toJson(ANY.fromJson(list)));

    String withNulls = j("{'a':null,'b':[null,{'c':null}]}");
    assertEquals(withNulls, ANY.serializeNulls().toJson(ANY.fromJson(withNulls)));
    assertEquals(withNulls, MAP.serializeNulls().toJson(MAP.fromJson(withNulls)));
    assertEquals(withNulls, SKELETON.serializeNulls().toJson(SKELETON.fromJson(withNulls)));
  }

  @Test
  void mappedSessionExposesUnmodifiableSkeletonAndHistory() throws IOException {
    String json =
        j("{'session':{'id':'d1d1d1d1-1111-1111-1111-111111111111',"
            + "'user_id':'11111111-1111-1111-1111-111111111111',"
            + "'campaign_id':'8c2b2d4e-e29b-41d4-a716-446655440000',"
            + "'node_id':'bbbb1111-1111-1111-1111-111111111111',"
            + "'skeleton':{'subject':'Hi {{company}}','blocks':[{'name':'hook','strategy':'s',"
            + "'personalization':{'fields':['company'],'approach':'a'}},{'name':'cta'}],"
            + "'extra':{'k':[1,2]}},"
            + "'skeleton_history':[{'blocks':[{'name':'old'}],'tags':['x']},null],"
            + "'created_at':'2026-04-22T10:00:00Z','updated_at':'2026-04-22T10:05:30Z'}}");
    Session session =
        WireMapper.toSession(PuffleJson.moshi().adapter(SessionEnvelope.class).fromJson(json));

    ai.puffle.sdk.Skeleton skeleton = session.skeleton().orElseThrow();
    assertEquals("Hi {{company}}", skeleton.subject().orElseThrow());
    assertEquals(List.of("subject", "blocks", "extra"), new ArrayList<>(skeleton.asMap().keySet()));
    assertEquals(2, skeleton.blocks().size());
    assertEquals("hook", skeleton.blocks().get(0).name().orElseThrow());
    ai.puffle.sdk.Skeleton.Personalization personalization =
        skeleton.blocks().get(0).personalization().orElseThrow();
    assertEquals(List.of("company"), personalization.fields());

    Map<String, Object> top = skeleton.asMap();
    List<Object> blocks = cast(skeleton.get("blocks"));
    Map<String, Object> block = cast(blocks.get(0));
    List<Object> extra = cast(((Map<?, ?>) skeleton.get("extra")).get("k"));
    List<Object> fields = cast(personalization.asMap().get("fields"));
    List<Object> tags = cast(session.skeletonHistory().get(0).get("tags"));
    assertAllUnsupported(
        "session",
        () -> top.put("subject", "x"), () -> top.remove("blocks"), top::clear,
        () -> blocks.add(Map.of()), () -> blocks.remove(0), () -> block.put("name", "x"),
        () -> ((Map<?, ?>) block.get("personalization")).clear(), () -> extra.set(0, 3.0),
        () -> fields.add("title"), () -> skeleton.blocks().get(0).asMap().put("name", "x"),
        () -> personalization.asMap().remove("approach"),
        () -> session.skeletonHistory().add(Map.of()),
        () -> session.skeletonHistory().get(0).put("k", 1),
        () -> ((List<?>) session.skeletonHistory().get(0).get("blocks")).clear(),
        () -> tags.add("y"), () -> session.draftHistory().add(Map.of()));
    assertTrue(JsonTrees.isFrozen(blocks) && JsonTrees.isFrozen(tags), "kept without copying");
    assertEquals(1, session.skeletonHistory().size());
    assertEquals(List.of("x"), session.skeletonHistory().get(0).get("tags"));
    assertEquals(2, skeleton.blocks().size());
    assertEquals(List.of(1.0, 2.0), extra);
  }
}
