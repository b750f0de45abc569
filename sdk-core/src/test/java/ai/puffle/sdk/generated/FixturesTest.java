package ai.puffle.sdk.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.generated.model.CampaignDetail;
import ai.puffle.sdk.generated.model.DeleteResult;
import ai.puffle.sdk.generated.model.ErrorBody;
import ai.puffle.sdk.generated.model.GenerateContentResponse;
import ai.puffle.sdk.generated.model.GenerateMessagesResult;
import ai.puffle.sdk.generated.model.GeneratedMessageEnvelope;
import ai.puffle.sdk.generated.model.GeneratedMessageListEnvelope;
import ai.puffle.sdk.generated.model.RunHandle;
import ai.puffle.sdk.generated.model.SequenceNodeEnvelope;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.generated.model.SessionListEnvelope;
import ai.puffle.sdk.generated.model.Skeleton;
import ai.puffle.sdk.generated.model.TaskStatus;
import ai.puffle.sdk.internal.json.PuffleJson;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
 * The shared fixtures stay decodable by the generated models (the client's tests rely on them),
 * both error body shapes read as {@link ErrorBody}, and the test server helper sets TCP_NODELAY.
 */
class FixturesTest {
  /** Every fixture and the generated type it decodes to. */
  private static final Map<String, Class<?>> TYPES = new TreeMap<>();

  static {
    TYPES.put("session-created.json", SessionEnvelope.class);
    TYPES.put("session-busy.json", SessionEnvelope.class);
    TYPES.put("session-with-skeleton.json", SessionEnvelope.class);
    TYPES.put("session-with-content-skeleton.json", SessionEnvelope.class);
    TYPES.put("session-unknown-fields.json", SessionEnvelope.class);
    TYPES.put("session-list.json", SessionListEnvelope.class);
    TYPES.put("session-deleted.json", DeleteResult.class);
    TYPES.put("run-handle.json", RunHandle.class);
    TYPES.put("generate-content-response.json", GenerateContentResponse.class);
    TYPES.put("generate-content-no-skeleton.json", GenerateContentResponse.class);
    TYPES.put("campaign-detail.json", CampaignDetail.class);
    TYPES.put("campaign-fresh.json", CampaignDetail.class);
    TYPES.put("generated-messages.json", GeneratedMessageListEnvelope.class);
    TYPES.put("generate-ai-accepted.json", GenerateMessagesResult.class);
    TYPES.put("generated-message-updated.json", GeneratedMessageEnvelope.class);
    TYPES.put("sequence-node-updated.json", SequenceNodeEnvelope.class);
    TYPES.put("error-no-framework.json", ErrorBody.class);
    TYPES.put("error-session-busy.json", ErrorBody.class);
    TYPES.put("error-internal.json", ErrorBody.class);
    TYPES.put("error-nested-unauthorized.json", ErrorBody.class);
  }

  static Stream<Arguments> fixtures() {
    return TYPES.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void decodes(String name, Class<?> type) throws Exception {
    Object decoded = PuffleJson.moshi().adapter(type).fromJson(Fixtures.read(name));
    assertNotNull(decoded, name);
  }

  @Test
  void everyFixtureFileIsListed() throws Exception {
    Path dir = Path.of(Fixtures.class.getResource("/fixtures/session-created.json").toURI())
        .getParent();
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names =
          files
              .map(p -> p.getFileName().toString())
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(TYPES.keySet(), names);
    }
  }

  @Test
  void theContentShapedSessionSkeletonKeepsItsTypedKeys() throws Exception {
    SessionEnvelope envelope =
        PuffleJson.moshi()
            .adapter(SessionEnvelope.class)
            .fromJson(Fixtures.read("session-with-content-skeleton.json"));
    Skeleton skeleton = envelope.getSession().getSkeleton();
    assertEquals(
        List.of(
            Skeleton.KEY_SUBJECT, Skeleton.KEY_BODY, Skeleton.KEY_BLOCKS,
            Skeleton.KEY_EXAMPLESUBJECT, Skeleton.KEY_EXAMPLEBODY),
        List.copyOf(skeleton.keySet()));
    assertEquals(Fixtures.AI_NODE_ID, envelope.getSession().getNodeId());
    assertTrue(((String) skeleton.get("body")).contains("&& Open with one specific observation"));
  }

  @Test
  void theBusySessionIsChatProcessing() throws Exception {
    SessionEnvelope envelope =
        PuffleJson.moshi()
            .adapter(SessionEnvelope.class)
            .fromJson(Fixtures.read("session-busy.json"));
    assertEquals(TaskStatus.CHAT_PROCESSING, envelope.getSession().getTaskStatus());
  }

  @Test
  void flatErrorBodyKeepsTheMessageString() throws Exception {
    ErrorBody body = errorBody("error-no-framework.json");
    assertEquals(
        "Session has no framework yet. Chat first to create one.", body.get(ErrorBody.KEY_ERROR));
    assertEquals(
        "Session is busy (chat_processing)", errorBody("error-session-busy.json").get("error"));
    assertEquals("Internal server error", errorBody("error-internal.json").get("error"));
  }

  @Test
  void nestedErrorBodyKeepsCodeAndMessage() throws Exception {
    Object error = errorBody("error-nested-unauthorized.json").get(ErrorBody.KEY_ERROR);
    assertInstanceOf(Map.class, error);
    assertEquals(
        Map.of("code", "unauthorized", "message", "Missing, malformed or revoked API key."), error);
  }

  @Test
  void aMissingFixtureIsAClearError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fixtures.read("no-such.json"));
    assertTrue(e.getMessage().contains("no-such.json"));
  }

  @Test
  void mockServerSocketsHaveTcpNoDelay() throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket server = MockServers.NO_DELAY.createServerSocket(0, 1, loopback);
        Socket client = new Socket(loopback, server.getLocalPort());
        Socket accepted = server.accept()) {
      assertTrue(accepted.getTcpNoDelay());
      assertTrue(client.isConnected());
    }
  }

  private static ErrorBody errorBody(String name) throws Exception {
    return PuffleJson.moshi().adapter(ErrorBody.class).fromJson(Fixtures.read(name));
  }
}
