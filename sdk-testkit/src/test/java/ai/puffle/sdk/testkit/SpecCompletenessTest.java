package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.internal.http.Safety;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * openapi.yaml is the registry of operations: every operation in it states a valid
 * {@code x-puffle-safety}, has an emulator route (its {@code x-puffle-emulator} operation), and
 * is reachable through a blocking method and an async method of the client. A new operation in
 * the spec fails this test until all of them exist (and it is added to {@link #CALLS}).
 */
class SpecCompletenessTest {
  private static final List<SpecOperation> OPERATIONS = readSpec();
  private static final List<Lead> LEADS = List.of(Lead.of("Ada", "Lovelace"));

  /** How the client reaches each operation: a blocking call and the same call async. */
  private static final Map<String, ClientCall> CALLS = new LinkedHashMap<>();

  static {
    CALLS.put("createAiChatSession", new ClientCall(
        (c, x) -> c.sessions().create(x.campaignId(), x.aiNodeId()),
        (c, x) -> c.async().sessions().create(x.campaignId(), x.aiNodeId())));
    CALLS.put("listAiChatSessions", new ClientCall(
        (c, x) -> c.sessions().list(x.campaignId()),
        (c, x) -> c.async().sessions().list(x.campaignId())));
    CALLS.put("getAiChatSession", new ClientCall(
        (c, x) -> c.sessions().get(x.newSession()),
        (c, x) -> c.async().sessions().get(x.newSession())));
    CALLS.put("updateAiChatSession", new ClientCall(
        (c, x) -> c.sessions().update(x.newSession(), SessionUpdate.builder().title("t").build()),
        (c, x) -> c.async().sessions().update(
            x.newSession(), SessionUpdate.builder().title("t").build())));
    CALLS.put("deleteAiChatSession", new ClientCall(
        (c, x) -> c.sessions().delete(x.newSession()),
        (c, x) -> c.async().sessions().delete(x.newSession())));
    CALLS.put("runAiChatTurn", new ClientCall(
        (c, x) -> c.sessions().turn(x.newSession(), TurnRequest.of("Write an intro email")),
        (c, x) -> c.async().sessions().turn(x.newSession(), TurnRequest.of("Write an intro"))));
    CALLS.put("generateAiChatExamples", new ClientCall(
        (c, x) -> c.sessions().generateExamples(x.sessionWithSkeleton(c), ExamplesRequest.of(LEADS)),
        (c, x) -> c.async().sessions().generateExamples(
            x.sessionWithSkeleton(c), ExamplesRequest.of(LEADS))));
    CALLS.put("generateCampaignContent", new ClientCall(
        (c, x) -> c.campaigns().generateContent(
            x.campaignId(), ContentRequest.of(x.aiNodeId(), "Write an intro email")),
        (c, x) -> c.async().campaigns().generateContent(
            x.campaignId(), ContentRequest.of(x.aiNodeId(), "Write an intro email"))));
    CALLS.put("generateCampaignMessages", new ClientCall(
        (c, x) -> c.campaigns().resolveMessages(x.campaignId()),
        (c, x) -> c.async().campaigns().resolveMessages(x.campaignId())));
    CALLS.put("listCampaignGeneratedMessages", new ClientCall(
        (c, x) -> c.campaigns().listMessages(x.campaignId()),
        (c, x) -> c.async().campaigns().listMessages(x.campaignId())));
    CALLS.put("updateCampaignGeneratedMessage", new ClientCall(
        (c, x) -> c.campaigns().updateMessage(
            x.campaignId(), MessageUpdate.of(x.messageId(c)).subject("s").build()),
        (c, x) -> c.async().campaigns().updateMessage(
            x.campaignId(), MessageUpdate.of(x.messageId(c)).subject("s").build())));
    CALLS.put("getCampaign", new ClientCall(
        (c, x) -> c.campaigns().get(x.campaignId()),
        (c, x) -> c.async().campaigns().get(x.campaignId())));
    CALLS.put("updateCampaignSequenceNode", new ClientCall(
        (c, x) -> c.campaigns().updateNode(x.campaignId(), x.aiNodeId(), NodeUpdate.draft("s", "b")),
        (c, x) -> c.async().campaigns().updateNode(
            x.campaignId(), x.aiNodeId(), NodeUpdate.draft("s", "b"))));
  }

  private final FakePuffle fake = FakePuffle.start();
  private final PuffleClient client =
      PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl()).build();
  private final Context context = new Context(fake);

  @AfterEach
  void close() {
    client.close();
    fake.close();
  }

  @Test
  void theSpecHasOperations() {
    assertFalse(OPERATIONS.isEmpty());
    long puffle = java.util.Arrays.stream(Operation.values()).filter(o -> o.operationId() != null).count();
    assertEquals(puffle, OPERATIONS.size(), "one Operation each (besides UNKNOWN and Trigger.dev's)");
  }

  @Test
  void everyOperationStatesAValidSafety() {
    List<String> problems = new ArrayList<>();
    for (SpecOperation op : OPERATIONS) {
      Object safety = op.extensions.get("x-puffle-safety");
      try {
        Safety.fromSpec(safety instanceof String ? (String) safety : null);
      } catch (IllegalArgumentException e) {
        problems.add(op + ": " + e.getMessage());
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyOperationHasAnEmulatorRoute() {
    fake.allowBadRequests(); // placeholder ids and empty bodies: only the routing matters here
    String campaignId = fake.defaultCampaign().campaignId();
    for (SpecOperation op : OPERATIONS) {
      Operation expected = op.emulatorOperation();
      assertEquals(op.id, expected.operationId(), op.toString());
      String path = op.path.replace("{id}", campaignId).replaceAll("\\{[^}]+}", campaignId);
      Http http = new Http(fake);
      boolean hasBody = op.method.equals("POST") || op.method.equals("PUT")
          || op.method.equals("PATCH");
      http.send(op.method, path, hasBody ? "{}" : null);
      List<RecordedCall> calls = fake.requests();
      assertEquals(expected, calls.get(calls.size() - 1).operation(), op + " reached no route");
    }
  }

  @Test
  void everyOperationHasABlockingAndAnAsyncMethod() throws Exception {
    List<String> missing = new ArrayList<>();
    for (SpecOperation op : OPERATIONS) {
      if (!CALLS.containsKey(op.id)) {
        missing.add(op.id);
      }
    }
    assertEquals(List.of(), missing, "operations of openapi.yaml with no client method");

    for (SpecOperation op : OPERATIONS) {
      Operation operation = op.emulatorOperation();
      ClientCall call = CALLS.get(op.id);

      int before = fake.requestCount(operation);
      tolerateApiErrors(() -> call.blocking.run(client, context));
      assertTrue(fake.requestCount(operation) > before, op + ": the blocking call sent nothing");

      before = fake.requestCount(operation);
      tolerateApiErrors(() -> call.async.run(client, context).join());
      assertTrue(fake.requestCount(operation) > before, op + ": the async call sent nothing");
    }
  }

  /** A Puffle error answer still shows that the call reached the operation. */
  private static void tolerateApiErrors(Runnable call) {
    try {
      call.run();
    } catch (PuffleApiException e) {
      // Reached the server.
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof PuffleApiException)) {
        throw e;
      }
    }
  }

  /** One operation of openapi.yaml. */
  private static final class SpecOperation {
    final String id;
    final String method;
    final String path;
    final Map<String, Object> extensions;

    SpecOperation(String id, String method, String path, Map<String, Object> extensions) {
      this.id = id;
      this.method = method;
      this.path = path;
      this.extensions = extensions == null ? Map.of() : extensions;
    }

    Operation emulatorOperation() {
      Object emulator = extensions.get("x-puffle-emulator");
      if (!(emulator instanceof Map) || !(((Map<?, ?>) emulator).get("operation") instanceof String)) {
        fail(this + " has no x-puffle-emulator operation");
      }
      return Operation.valueOf((String) ((Map<?, ?>) emulator).get("operation"));
    }

    @Override
    public String toString() {
      return id + " (" + method + " " + path + ")";
    }
  }

  @FunctionalInterface
  private interface BlockingCall {
    void run(PuffleClient client, Context context);
  }

  @FunctionalInterface
  private interface AsyncCall {
    CompletableFuture<?> run(PuffleClient client, Context context);
  }

  private static final class ClientCall {
    final BlockingCall blocking;
    final AsyncCall async;

    ClientCall(BlockingCall blocking, AsyncCall async) {
      this.blocking = blocking;
      this.async = async;
    }
  }

  /** The default campaign, with a fresh session for each call that needs one. */
  private static final class Context {
    private final FakePuffle fake;

    Context(FakePuffle fake) {
      this.fake = fake;
    }

    String campaignId() {
      return fake.defaultCampaign().campaignId();
    }

    String aiNodeId() {
      return fake.defaultCampaign().aiNodeId();
    }

    String newSession() {
      return (String) new Http(fake).post(Fixture.SESSIONS, "{\"campaign_id\":\""
          + campaignId() + "\",\"node_id\":\"" + aiNodeId() + "\"}").object("session").get("id");
    }

    String sessionWithSkeleton(PuffleClient client) {
      String id = newSession();
      WaitOptions fast = WaitOptions.builder()
          .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20))
          .build();
      client.sessions().turnAndWait(id, TurnRequest.of("Write an intro email"), fast);
      client.sessions().turnAndWait(id, TurnRequest.of("VPs of Sales; a 15-minute call"), fast);
      return id;
    }

    String messageId(PuffleClient client) {
      return client.campaigns().resolveMessages(campaignId()).get(0).id();
    }
  }

  private static List<SpecOperation> readSpec() {
    String text;
    try (InputStream in =
        SpecCompletenessTest.class.getResourceAsStream("/ai/puffle/sdk/testkit/internal/openapi.yaml")) {
      assertNotNull(in, "openapi.yaml is not on the test class path");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    OpenAPI api = new OpenAPIV3Parser().readContents(text).getOpenAPI();
    List<SpecOperation> operations = new ArrayList<>();
    for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, io.swagger.v3.oas.models.Operation> op :
          path.getValue().readOperationsMap().entrySet()) {
        operations.add(new SpecOperation(op.getValue().getOperationId(), op.getKey().name(),
            path.getKey(), op.getValue().getExtensions()));
      }
    }
    return operations;
  }
}
