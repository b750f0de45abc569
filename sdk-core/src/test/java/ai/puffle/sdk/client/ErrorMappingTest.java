package ai.puffle.sdk.client;

import static ai.puffle.sdk.generated.Fixtures.AI_NODE_ID;
import static ai.puffle.sdk.generated.Fixtures.CAMPAIGN_ID;
import static ai.puffle.sdk.generated.Fixtures.SESSION_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.BadRequestException;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PaymentRequiredException;
import ai.puffle.sdk.PermissionDeniedException;
import ai.puffle.sdk.PuffleApiException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.TaskStatus;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.generated.Fixtures;
import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error status maps to its typed exception, with everything a caller needs. */
class ErrorMappingTest extends ScriptedClientTest {
  static final String PATH = "/api/campaigns/ai-chat-sessions/" + SESSION_ID;
  static final RequestOptions NO_RETRY = RequestOptions.builder().maxRetries(0).build();

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, BadRequestException.class),
        Arguments.of(401, AuthenticationException.class),
        Arguments.of(402, PaymentRequiredException.class),
        Arguments.of(403, PermissionDeniedException.class),
        Arguments.of(404, NotFoundException.class),
        Arguments.of(409, SessionBusyException.class),
        Arguments.of(429, RateLimitException.class),
        Arguments.of(500, ServerException.class),
        Arguments.of(502, ServerException.class),
        Arguments.of(503, ServerException.class),
        Arguments.of(504, ServerException.class));
  }

  static MockResponse errorResponse(int code, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", "application/json")
        .setHeader("x-request-id", "req_" + code)
        .setHeader("X-Extra", "kept")
        .body(body)
        .build();
  }

  PuffleApiException failGet(MockResponse response) {
    server.enqueue(response);
    return assertThrows(PuffleApiException.class, () -> client.sessions().get(SESSION_ID, NO_RETRY));
  }

  @ParameterizedTest(name = "HTTP {0} with a flat error -> {1}")
  @MethodSource("statuses")
  void flatErrorBody(int status, Class<? extends PuffleApiException> type) {
    String body = "{\"error\":\"Something about " + status + "\"}";
    PuffleApiException e = failGet(errorResponse(status, body));
    assertInstanceOf(type, e);
    assertEquals(type, e.getClass(), "the most specific type");
    assertEquals(status, e.statusCode());
    assertEquals("Something about " + status, e.errorMessage());
    assertTrue(e.errorCode().isEmpty());
    assertEquals("req_" + status, e.requestId().orElseThrow());
    assertEquals("kept", e.headers().get("X-Extra"));
    assertEquals(body, e.bodySnippet());
    assertEquals("getAiChatSession", e.operation());
    assertEquals(1, e.attempts());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, status, "Something about " + status);
    assertTrue(e.getMessage().contains("req_" + status), e.getMessage());
    assertEquals(1, server.requestCount(), "maxRetries(0): one request");
  }

  @ParameterizedTest(name = "HTTP {0} with a nested error -> {1}")
  @MethodSource("statuses")
  void nestedErrorBody(int status, Class<? extends PuffleApiException> type) {
    String body = "{\"error\":{\"code\":\"code_" + status + "\",\"message\":\"Nested " + status + "\"}}";
    PuffleApiException e = failGet(errorResponse(status, body));
    assertEquals(type, e.getClass());
    assertEquals(status, e.statusCode());
    assertEquals("code_" + status, e.errorCode().orElseThrow());
    assertEquals("Nested " + status, e.errorMessage());
    assertEquals("req_" + status, e.requestId().orElseThrow());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, status, "Nested " + status);
    assertTrue(e.getMessage().contains("code_" + status), e.getMessage());
  }

  @Test
  void nestedUnauthorizedFixture() {
    server.fixture(401, "error-nested-unauthorized.json");
    AuthenticationException e =
        assertThrows(AuthenticationException.class, () -> client.sessions().get(SESSION_ID));
    assertEquals("unauthorized", e.errorCode().orElseThrow());
    assertEquals("Missing, malformed or revoked API key.", e.errorMessage());
    assertTrue(e.requestId().isEmpty());
    assertEquals(1, server.requestCount(), "401 is never retried");
  }

  @Test
  void busyFixtureNamesTheTaskHoldingTheSession() {
    server.fixture(409, "error-session-busy.json");
    SessionBusyException e =
        assertThrows(SessionBusyException.class, () -> client.sessions().get(SESSION_ID));
    assertEquals(TaskStatus.CHAT_PROCESSING, e.busyStatus());
    assertEquals("Session is busy (chat_processing)", e.errorMessage());
  }

  @Test
  void rateLimitWithRetryAfterCarriesIt() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "7")
        .body("{\"error\":\"Too many requests\"}").build());
    RateLimitException e =
        assertThrows(RateLimitException.class, () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertEquals(Duration.ofSeconds(7), e.retryAfter().orElseThrow());
    assertEquals("7", e.headers().get("Retry-After"));
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 429, "Too many requests");
  }

  @Test
  void rateLimitWithoutRetryAfterHasNone() {
    server.enqueue(new MockResponse.Builder().code(429).body("{\"error\":\"Slow down\"}").build());
    RateLimitException e =
        assertThrows(RateLimitException.class, () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertTrue(e.retryAfter().isEmpty());
  }

  @Test
  void bodySnippetIsCappedAtTwoKilobytes() {
    String longMessage = "x".repeat(10_000);
    String body = "{\"error\":\"" + longMessage + "\"}";
    PuffleApiException e = failGet(errorResponse(500, body));
    assertTrue(e.bodySnippet().length() <= 2048, "snippet length " + e.bodySnippet().length());
    assertTrue(e.bodySnippet().length() >= 2000, "snippet length " + e.bodySnippet().length());
    String kept = e.bodySnippet().endsWith("…")
        ? e.bodySnippet().substring(0, e.bodySnippet().length() - 1) : e.bodySnippet();
    assertTrue(body.startsWith(kept), "a prefix of the body");
  }

  @Test
  void htmlErrorPageIsNamedAsSuch() {
    String html = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>"
        + "<body><h1>Bad Gateway</h1></body></html>";
    server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body(html).build());
    ServerException e =
        assertThrows(ServerException.class, () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertEquals(502, e.statusCode());
    assertTrue(e.errorMessage().contains("HTML error page"), e.errorMessage());
    assertEquals(html, e.bodySnippet());
    assertTrue(e.errorCode().isEmpty());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 502, "HTML error page");
  }

  @Test
  void emptyErrorBodyFallsBackToTheStatus() {
    server.enqueue(new MockResponse.Builder().code(403).build());
    PermissionDeniedException e = assertThrows(PermissionDeniedException.class,
        () -> client.sessions().get(SESSION_ID));
    assertFalse(e.errorMessage().isBlank());
    assertEquals("", e.bodySnippet());
    assertTrue(e.getMessage().contains("403"), e.getMessage());
  }

  @Test
  void malformedJsonOnA200IsAnUnexpectedResponse() {
    String body = "{\"session\": {\"id\": oops}}";
    server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertEquals(200, e.statusCode());
    assertEquals(body, e.bodySnippet());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 200, "could not be decoded");
    assertEquals(1, server.requestCount());
  }

  @Test
  void truncatedJsonOnA200IsAnUnexpectedResponse() {
    String body = Fixtures.read("session-with-skeleton.json").substring(0, 300);
    server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertEquals(200, e.statusCode());
    assertEquals(body, e.bodySnippet());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 200, "could not be decoded");
  }

  @Test
  void htmlPageOnA200IsAnUnexpectedResponse() {
    server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
        .body("<html><body>Log in</body></html>").build());
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 200, "HTML page");
  }

  @Test
  void wellFormedJsonOfTheWrongShapeIsAnUnexpectedResponse() {
    server.enqueue(new MockResponse.Builder().code(200).body("{\"session\":{\"id\":\"x\"}}").build());
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> client.sessions().get(SESSION_ID, NO_RETRY));
    assertTrue(e.getMessage().contains("session.user_id"), e.getMessage());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 200, "missing required field");
  }

  @Test
  void wrongShapeOfEveryOperationIsAnUnexpectedResponse() {
    RequestOptions once = NO_RETRY;
    server.enqueue(new MockResponse.Builder().code(200).body("{\"sessions\":[{\"id\":\"x\"}]}").build());
    assertThrows(UnexpectedResponseException.class, () -> client.sessions().list(CAMPAIGN_ID, once));
    server.enqueue(new MockResponse.Builder().code(200).body("{\"campaign\":{}}").build());
    assertThrows(UnexpectedResponseException.class, () -> client.campaigns().get(CAMPAIGN_ID, once));
    server.enqueue(new MockResponse.Builder().code(200).body("{\"node\":null}").build());
    assertThrows(UnexpectedResponseException.class, () -> client.campaigns()
        .updateNode(CAMPAIGN_ID, AI_NODE_ID, NodeUpdate.draft("s", "b"), once));
    server.enqueue(new MockResponse.Builder().code(200).body("{\"message\":{}}").build());
    assertThrows(UnexpectedResponseException.class, () -> client.campaigns().updateMessage(
        CAMPAIGN_ID, ai.puffle.sdk.MessageUpdate.of("m1").subject("s").build(), once));
    server.enqueue(new MockResponse.Builder().code(200).body("").build());
    assertThrows(UnexpectedResponseException.class, () -> client.sessions().update(
        SESSION_ID, ai.puffle.sdk.SessionUpdate.builder().title("t").build(), once));
    assertEquals(5, server.requestCount());
  }

  @Test
  void aWaitThatReadsWrongShapesEndsInsteadOfHanging() {
    for (int i = 0; i < 20; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("{\"session\":{\"id\":\"x\"}}").build());
    }
    ai.puffle.sdk.PuffleTimeoutException e = assertThrows(ai.puffle.sdk.PuffleTimeoutException.class,
        () -> client.sessions().awaitIdle(SESSION_ID,
            ai.puffle.sdk.WaitOptions.builder().timeout(Duration.ofSeconds(10)).build()));
    assertInstanceOf(UnexpectedResponseException.class, e.getCause());
    assertTrue(server.requestCount() >= 2 && server.requestCount() <= 6, "" + server.requestCount());
  }

  @Test
  void undecodableReadsAreRetriedLikeOtherTransientFailures() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(new MockResponse.Builder().code(200).body("{").build());
    }
    UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
        () -> client.sessions().get(SESSION_ID));
    assertEquals(4, e.attempts());
    assertEquals(4, server.requestCount());
  }

  @Test
  void errorsOfOtherOperationsNameThemAndTheirRequest() {
    server.fixture(400, "error-internal.json");
    BadRequestException e = assertThrows(BadRequestException.class, () ->
        client.campaigns().updateNode(CAMPAIGN_ID, AI_NODE_ID, NodeUpdate.draft("s", "b")));
    assertUsefulMessage(e, "updateCampaignSequenceNode",
        "PUT /api/campaigns/" + CAMPAIGN_ID + "/sequence/nodes/" + AI_NODE_ID, 400,
        "Internal server error");
    assertEquals("updateCampaignSequenceNode", e.operation());

    server.fixture(402, "error-internal.json");
    PaymentRequiredException p = assertThrows(PaymentRequiredException.class, () ->
        client.campaigns().generateAiMessages(CAMPAIGN_ID, AI_NODE_ID));
    assertUsefulMessage(p, "generateCampaignMessages",
        "POST /api/campaigns/" + CAMPAIGN_ID + "/generate-messages", 402, "Internal server error");
    assertEquals(2, server.requestCount());
  }

  @Test
  void messageAfterRetriesCountsTheAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(errorResponse(503, "{\"error\":\"Unavailable\"}"));
    }
    ServerException e = assertThrows(ServerException.class, () -> client.sessions().get(SESSION_ID));
    assertEquals(4, e.attempts());
    assertUsefulMessage(e, "getAiChatSession", "GET " + PATH, 503, "Unavailable");
    assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
  }

  /** The message alone tells what failed: operation, request, status and the server's words. */
  static void assertUsefulMessage(
      Exception e, String operation, String request, int status, String message) {
    String m = e.getMessage();
    assertTrue(m.contains(operation), "names the operation: " + m);
    assertTrue(m.contains(request), "names method and path: " + m);
    assertTrue(m.contains(String.valueOf(status)), "names the status: " + m);
    assertTrue(m.contains(message), "carries the message: " + m);
  }
}
