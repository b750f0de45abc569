package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.AsyncCampaigns;
import ai.puffle.sdk.AsyncSessions;
import ai.puffle.sdk.Campaigns;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.Sessions;
import ai.puffle.sdk.generated.ops.CampaignCalls;
import ai.puffle.sdk.generated.ops.SessionCalls;
import ai.puffle.sdk.internal.exec.Flow;
import ai.puffle.sdk.internal.ops.CampaignOps;
import ai.puffle.sdk.internal.ops.SessionOps;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml's {@code x-puffle-sdk} is the one list of the public API's methods: every
 * operation names the methods of {@link Sessions} or {@link Campaigns} (and their async twins)
 * that send it, every abstract method of those interfaces is listed exactly once, with its
 * parameter and result types, and the classes generated from the list are the client's. A method
 * with a {@code call} is generated whole; any other is written once, in {@link SessionOps} or
 * {@link CampaignOps}.
 */
class SdkMethodsRegistryTest {
  private static final List<Entry> ENTRIES = readSpec();

  @Test
  void everyOperationNamesTheMethodsThatSendItInTheGroupOfItsTag() {
    Map<String, String> groupOfTag = Map.of("AiChatSessions", "sessions", "Campaigns", "campaigns");
    Set<String> operations = new TreeSet<>();
    for (Entry e : ENTRIES) {
      operations.add(e.operationId);
      assertEquals(groupOfTag.get(e.tag), e.group, e + ": group of tag " + e.tag);
    }
    assertEquals(13, operations.size(), "every operation lists at least one method: " + operations);
  }

  @Test
  void theSpecListsEveryMethodOfThePublicInterfacesOnce() {
    assertListed("sessions", Sessions.class, AsyncSessions.class);
    assertListed("campaigns", Campaigns.class, AsyncCampaigns.class);
  }

  @Test
  void aMethodIsGeneratedWholeOrWrittenOnceInTheGroupsOps() {
    for (Entry e : ENTRIES) {
      Class<?> ops = e.group.equals("sessions") ? SessionOps.class : CampaignOps.class;
      Class<?> calls = e.group.equals("sessions") ? SessionCalls.class : CampaignCalls.class;
      List<Class<?>> params = new ArrayList<>(e.rawParams());
      params.add(RequestOptions.class);
      if (!e.direct) {
        params.add(Flow.class);
      }
      Class<?>[] signature = params.toArray(new Class<?>[0]);
      Method written = declared(ops, e.method, signature);
      Method generated = declared(calls, e.method, signature);
      if (e.call) {
        assertTrue(written == null, e + " has a call, so " + ops.getSimpleName() + " must not write it");
        assertNotNull(generated, e + " is generated into " + calls.getSimpleName());
      } else {
        assertNotNull(written, e + " has no call, so " + ops.getSimpleName() + " writes it");
        assertTrue(Modifier.isPublic(written.getModifiers()), e + " is public in " + ops.getSimpleName());
        assertTrue(generated == null, e + " is not generated");
      }
    }
  }

  @Test
  void theClientsSessionsAndCampaignsAreTheGeneratedClasses() {
    try (PuffleClient client = PuffleClient.builder().apiKey("pk_test").build()) {
      assertSame(SessionCalls.Blocking.class, client.sessions().getClass());
      assertSame(CampaignCalls.Blocking.class, client.campaigns().getClass());
      assertSame(SessionCalls.Async.class, client.async().sessions().getClass());
      assertSame(CampaignCalls.Async.class, client.async().campaigns().getClass());
    }
  }

  private static void assertListed(String group, Class<?> blocking, Class<?> async) {
    List<Entry> listed = ENTRIES.stream().filter(e -> e.group.equals(group)).collect(Collectors.toList());
    Set<String> fromSpec = new TreeSet<>();
    Set<String> blockingMethods = new TreeSet<>();
    Set<String> asyncMethods = new TreeSet<>();
    for (Entry e : listed) {
      String params = String.join(", ", e.paramTypes) + (e.paramTypes.isEmpty() ? "" : ", ") + "RequestOptions";
      String signature = e.method + "(" + params + ")";
      assertTrue(fromSpec.add(signature), signature + " is listed twice");
      blockingMethods.add((e.returns == null ? "void" : e.returns) + " " + signature);
      asyncMethods.add((e.direct ? e.returns : "CompletableFuture<" + (e.returns == null ? "Void" : e.returns) + ">")
          + " " + signature);
    }
    assertEquals(blockingMethods, abstractMethods(blocking), blocking.getSimpleName());
    assertEquals(asyncMethods, abstractMethods(async), async.getSimpleName());
  }

  /** "Result name(Param, ...)" of each abstract method, with simple type names. */
  private static Set<String> abstractMethods(Class<?> type) {
    Set<String> methods = new TreeSet<>();
    for (Method m : type.getDeclaredMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) {
        methods.add(simple(m.getGenericReturnType()) + " " + m.getName() + "("
            + Arrays.stream(m.getGenericParameterTypes()).map(SdkMethodsRegistryTest::simple)
                .collect(Collectors.joining(", "))
            + ")");
      }
    }
    return methods;
  }

  private static String simple(Type type) {
    return type.getTypeName().replaceAll("\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.(?=[A-Z])", "");
  }

  private static Method declared(Class<?> type, String name, Class<?>[] params) {
    try {
      return type.getDeclaredMethod(name, params);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** One method of x-puffle-sdk under its operation. */
  private static final class Entry {
    final String operationId;
    final String tag;
    final String group;
    final String method;
    final List<String> paramTypes = new ArrayList<>();
    final String returns;
    final boolean direct;
    final boolean call;

    @SuppressWarnings("unchecked")
    Entry(String operationId, String tag, String group, Map<String, Object> m) {
      this.operationId = operationId;
      this.tag = tag;
      this.group = group;
      this.method = (String) m.get("method");
      for (Map<String, Object> p : (List<Map<String, Object>>) m.get("params")) {
        paramTypes.add((String) p.get("type"));
      }
      this.returns = (String) m.get("returns");
      this.direct = Boolean.TRUE.equals(m.get("direct"));
      this.call = m.get("call") != null;
    }

    List<Class<?>> rawParams() {
      List<Class<?>> raw = new ArrayList<>();
      for (String type : paramTypes) {
        String name = type.replaceAll("<.*", "");
        try {
          raw.add(name.equals("List") ? List.class
              : name.equals("String") ? String.class
              : Class.forName("ai.puffle.sdk." + name));
        } catch (ClassNotFoundException e) {
          throw new AssertionError(this + ": unknown type " + type, e);
        }
      }
      return raw;
    }

    @Override
    public String toString() {
      return operationId + ": " + group + "." + method + paramTypes;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Entry> readSpec() {
    String text;
    try (InputStream in =
        SdkMethodsRegistryTest.class.getResourceAsStream("/ai/puffle/sdk/testkit/internal/openapi.yaml")) {
      assertNotNull(in, "openapi.yaml is not on the test class path");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OpenAPI api = new OpenAPIV3Parser().readContents(text).getOpenAPI();
    List<Entry> entries = new ArrayList<>();
    for (PathItem path : api.getPaths().values()) {
      for (io.swagger.v3.oas.models.Operation op : path.readOperations()) {
        Map<String, Object> sdk = op.getExtensions() == null
            ? null : (Map<String, Object>) op.getExtensions().get("x-puffle-sdk");
        assertNotNull(sdk, op.getOperationId() + " has no x-puffle-sdk");
        assertEquals(1, sdk.size(), op.getOperationId() + ": one group");
        for (Map.Entry<String, Object> group : sdk.entrySet()) {
          List<Map<String, Object>> methods = (List<Map<String, Object>>) group.getValue();
          assertFalse(methods.isEmpty(), op.getOperationId() + " lists no method");
          for (Map<String, Object> m : methods) {
            entries.add(new Entry(op.getOperationId(), op.getTags().get(0), group.getKey(), m));
          }
        }
      }
    }
    return entries;
  }
}
