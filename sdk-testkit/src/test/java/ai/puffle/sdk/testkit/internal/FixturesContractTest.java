package ai.puffle.sdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cross-check of the spec: the JSON fixtures of Puffle's documented payloads (sdk-core's
 * {@code src/test/resources/fixtures}, written from Puffle's pages, not from the generated
 * models) validate against openapi.yaml as the response they document, with the contract check's
 * strict rules. A spec that drifts from Puffle's payloads fails here even though the client and
 * the emulator, both built on the generated models, would still agree with each other.
 */
class FixturesContractTest {
  private static final String ID = "d1d1d1d1-1111-4111-8111-111111111111";
  private static final String SESSIONS = "/api/campaigns/ai-chat-sessions";
  private static final String CAMPAIGN = "/api/campaigns/8c2b2d4e-e29b-41d4-a716-446655440000";

  /** Each fixture as the response of one operation: operation id, method, path, status. */
  private static final Map<String, String[]> RESPONSES = new TreeMap<>();

  static {
    as("session-created.json", "createAiChatSession", "POST", SESSIONS, 200);
    as("session-busy.json", "getAiChatSession", "GET", SESSIONS + "/" + ID, 200);
    as("session-with-skeleton.json", "getAiChatSession", "GET", SESSIONS + "/" + ID, 200);
    as("session-with-content-skeleton.json", "getAiChatSession", "GET", SESSIONS + "/" + ID, 200);
    as("session-unknown-fields.json", "getAiChatSession", "GET", SESSIONS + "/" + ID, 200);
    as("session-list.json", "listAiChatSessions", "GET", SESSIONS, 200);
    as("session-deleted.json", "deleteAiChatSession", "DELETE", SESSIONS + "/" + ID, 200);
    as("run-handle.json", "runAiChatTurn", "POST", SESSIONS + "/" + ID + "/turn", 200);
    as("generate-content-response.json", "generateCampaignContent", "POST",
        CAMPAIGN + "/generate-content", 200);
    as("generate-content-no-skeleton.json", "generateCampaignContent", "POST",
        CAMPAIGN + "/generate-content", 200);
    as("campaign-detail.json", "getCampaign", "GET", CAMPAIGN, 200);
    as("campaign-fresh.json", "getCampaign", "GET", CAMPAIGN, 200);
    as("generated-messages.json", "listCampaignGeneratedMessages", "GET",
        CAMPAIGN + "/generate-messages", 200);
    as("generate-ai-accepted.json", "generateCampaignMessages", "POST",
        CAMPAIGN + "/generate-messages", 200);
    as("generated-message-updated.json", "updateCampaignGeneratedMessage", "PATCH",
        CAMPAIGN + "/generate-messages", 200);
    as("sequence-node-updated.json", "updateCampaignSequenceNode", "PUT",
        CAMPAIGN + "/sequence/nodes/5b804c32-9e6d-4a0f-9c43-7d2e0f9a8b03", 200);
    as("error-no-framework.json", "generateAiChatExamples", "POST",
        SESSIONS + "/" + ID + "/generate-examples", 400);
    as("error-session-busy.json", "runAiChatTurn", "POST", SESSIONS + "/" + ID + "/turn", 409);
    as("error-internal.json", "getAiChatSession", "GET", SESSIONS + "/" + ID, 500);
    as("error-nested-unauthorized.json", "getAiChatSession", "GET", SESSIONS + "/" + ID, 401);
  }

  /**
   * The fixtures that are off the contract on purpose, and how: they show that the client
   * tolerates what the contract does not promise.
   */
  private static final Map<String, List<String>> DELIBERATELY_OFF = Map.of(
      "session-unknown-fields.json",
      List.of("getAiChatSession response 200 (GET " + SESSIONS + "/" + ID + ") at"
          + " /session/task_status: Instance value (\"summarizing\") not found in enum"));

  private static void as(String fixture, String operationId, String method, String path, int status) {
    RESPONSES.put(fixture, new String[] {operationId, method, path, String.valueOf(status)});
  }

  static Stream<Arguments> fixtures() {
    return RESPONSES.keySet().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void theFixtureKeepsTheContract(String fixture) throws IOException {
    String[] response = RESPONSES.get(fixture);
    List<String> violations = ContractValidator.shared().response(response[0], response[1],
        response[2], Integer.parseInt(response[3]), "application/json", read(fixture));

    List<String> expected = DELIBERATELY_OFF.getOrDefault(fixture, List.of());
    assertEquals(expected.size(), violations.size(), violations.toString());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(violations.get(i).startsWith(expected.get(i)), violations.get(i));
    }
  }

  @Test
  void everyFixtureIsChecked() throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      Set<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .collect(Collectors.toCollection(TreeSet::new));
      assertFalse(names.isEmpty());
      assertEquals(names, RESPONSES.keySet());
    }
  }

  private static String read(String fixture) throws IOException {
    return Files.readString(directory().resolve(fixture), StandardCharsets.UTF_8);
  }

  private static Path directory() {
    String dir = System.getProperty("puffle.test.fixtures", "");
    assertFalse(dir.isBlank() || dir.contains("${"),
        "puffle.test.fixtures is not set: run this test through sdk-testkit's Maven build");
    return Path.of(dir);
  }
}
