package ai.puffle.sdk.testkit;

import static ai.puffle.sdk.testkit.Fixture.SESSIONS;
import static ai.puffle.sdk.testkit.Fixture.TURN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnsTest {
  private final Fixture f = new Fixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aTurnClaimsTheSessionAndAnswersARunHandle() {
    String id = f.createSession();
    Http.Res res = f.turn(id, "Write an intro email");

    assertEquals(200, res.status);
    assertTrue(((String) res.json().get("runId")).startsWith("run_"));
    assertTrue(((String) res.json().get("publicAccessToken")).startsWith("tr_pat_"));
    Map<String, Object> session = f.session(id);
    assertEquals("chat_processing", session.get("task_status"));
    assertNull(session.get("messages"), "nothing is written until the task completes");
  }

  @Test
  void aSecondTurnWhileTheFirstRunsIs409UntilTheTaskCompletes() {
    String id = f.createSession();
    f.turn(id, "first");

    Http.Res busy = f.turn(id, "second");
    assertEquals(409, busy.status);
    assertEquals("Session is busy (chat_processing)", busy.error());

    f.fake.clock().advance(TURN.minusSeconds(1));
    assertEquals(409, f.turn(id, "third").status, "still running after 14 s");
    f.fake.clock().advance(Duration.ofSeconds(1));
    assertNull(f.session(id).get("task_status"));
    assertEquals(200, f.turn(id, "fourth").status);
    assertEquals(List.of("first", "fourth"), f.fake.turnMessagesAccepted(id));
    assertEquals(List.of("first", "second", "third", "fourth"), f.fake.turnMessagesReceived(id));
  }

  @Test
  void theFirstTurnAsksAClarifyingQuestionWithoutASkeleton() {
    String id = f.createSession();
    f.completeTurn(id, "Write an intro email for VPs of Sales");

    Map<String, Object> session = f.session(id);
    List<Map<String, Object>> messages = f.messages(id);
    assertEquals(2, messages.size());
    assertEquals(Map.of("role", "user", "content", "Write an intro email for VPs of Sales"),
        messages.get(0));
    assertEquals("assistant", messages.get(1).get("role"));
    assertTrue(((String) messages.get(1).get("content")).endsWith("?"));
    assertNull(session.get("skeleton"));
    assertNull(session.get("framework_version"));
    assertNull(session.get("draft_body"));
    assertNull(session.get("task_status"));
    assertEquals("2026-04-22T10:00:15Z", session.get("updated_at"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aSkeletonAndDraftWithVariablesAndInstructionsAppearOnTheSecondTurn() {
    String id = f.createSession();
    f.chatToSkeleton(id);

    Map<String, Object> session = f.session(id);
    Map<String, Object> skeleton = (Map<String, Object>) session.get("skeleton");
    assertNotNull(skeleton);
    assertTrue(skeleton.keySet().containsAll(
        List.of("subject", "body", "blocks", "exampleSubject", "exampleBody")), skeleton.keySet().toString());
    Map<String, Object> block = ((List<Map<String, Object>>) skeleton.get("blocks")).get(0);
    assertTrue(block.keySet().containsAll(List.of("name", "strategy", "personalization")));
    assertEquals(Map.of("fields", List.of("company", "headline"),
        "approach", "Reference something specific and recent.",
        "fallback", "Mention the lead's industry instead."), block.get("personalization"));
    assertEquals(1.0, session.get("framework_version"));
    String body = (String) session.get("draft_body");
    assertTrue(((String) session.get("draft_subject")).contains("%first_name%"));
    assertTrue(body.contains("%first_name%") && body.contains("%company%"), body);
    assertTrue(body.matches("(?s).*&&[^&]+&&.*"), body);
    String exampleBody = (String) skeleton.get("exampleBody");
    assertFalse(exampleBody.contains("&&") || exampleBody.contains("%"), exampleBody);
    assertTrue(exampleBody.startsWith("Hi Ada,"), "example written for the campaign's first lead");
  }

  @Test
  void availableVarNamesRestrictTheVariablesUsed() {
    String id = f.createSession();
    f.completeTurn(id, "brief");
    f.http.post(SESSIONS + "/" + id + "/turn",
        "{\"message\":\"go\",\"availableVarNames\":[\"first_name\"]}");
    f.fake.clock().advance(TURN);

    String body = (String) f.session(id).get("draft_body");
    assertTrue(body.contains("%first_name%"));
    assertFalse(body.contains("%company%") || body.contains("%position%"), body);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everySkeletonRevisionRaisesTheVersionAndKeepsHistory() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.completeTurn(id, "Shorter, please");
    f.completeTurn(id, "Mention the free pilot");

    Map<String, Object> session = f.session(id);
    assertEquals(3.0, session.get("framework_version"));
    assertEquals(2, ((List<Object>) session.get("skeleton_history")).size());
    assertEquals(2, ((List<Object>) session.get("draft_history")).size());
    assertTrue(((String) session.get("draft_body")).contains("Mention the free pilot"));
    assertEquals(8, f.messages(id).size());
  }

  @Test
  void aNewSkeletonClearsGeneratedExamples() {
    String id = f.createSession();
    f.chatToSkeleton(id);
    f.examples(id, Fixture.THREE_LEADS);
    f.fake.clock().advanceUntilIdle();
    assertNotNull(f.session(id).get("generated_examples"));

    f.completeTurn(id, "Make it warmer");

    assertNull(f.session(id).get("generated_examples"));
  }

  @Test
  void anEmptyOrMissingMessageIs400AndNotAccepted() {
    String id = f.createSession();
    f.fake.allowBadRequests(); // bad input on purpose
    Http.Res empty = f.turn(id, "");
    assertEquals(400, empty.status);
    assertEquals("message is required and must be a non-empty string", empty.error());
    assertEquals(400, f.http.post(SESSIONS + "/" + id + "/turn", "{}").status);
    assertEquals(400, f.http.post(SESSIONS + "/" + id + "/turn", "{\"message\":42}").status);
    assertEquals(400, f.http.post(SESSIONS + "/" + id + "/turn", "").status);
    assertNull(f.session(id).get("task_status"));
    assertEquals(List.of(), f.fake.turnMessagesAccepted(id));
  }

  @Test
  void turnsOnUnknownSessionsAre404() {
    Http.Res res = f.turn("3c90c3cc-0d44-4b50-8888-8dd25736052a", "hi");
    assertEquals(404, res.status);
    assertEquals("Session not found", res.error());
  }

  @Test
  void turnsUntilSkeletonMovesTheFirstSkeleton() {
    try (Fixture one = new Fixture(
        FakePuffle.builder().timeMode(TimeMode.virtual()).turnsUntilSkeleton(1))) {
      String id = one.createSession();
      one.completeTurn(id, "brief");
      assertNotNull(one.session(id).get("skeleton"));
    }
  }

  @Test
  void aCustomReplyModelDecidesTheReplyAndSkeleton() {
    ReplyModel model = turn -> turn.turnNumber() == 1
        ? Reply.text("Who is it for? (turn " + turn.turnNumber() + ")")
        : Reply.builder().message("Done: " + turn.message())
            .skeleton(Map.of("hook", "Open with %company%")).draft("Hi", "Body").build();
    try (Fixture custom = new Fixture(
        FakePuffle.builder().timeMode(TimeMode.virtual()).replyModel(model))) {
      String id = custom.createSession();
      custom.completeTurn(id, "brief");
      custom.completeTurn(id, "answer");

      Map<String, Object> session = custom.session(id);
      assertEquals("Who is it for? (turn 1)", custom.messages(id).get(1).get("content"));
      assertEquals("Done: answer", custom.messages(id).get(3).get("content"));
      assertEquals(Map.of("hook", "Open with %company%"), session.get("skeleton"));
      assertEquals("Hi", session.get("draft_subject"));
      assertEquals("Body", session.get("draft_body"));
    }
  }

  @Test
  void aFailingReplyModelEndsTheTaskWithoutAReply() {
    ReplyModel broken = turn -> {
      throw new IllegalStateException("model down");
    };
    try (Fixture custom = new Fixture(
        FakePuffle.builder().timeMode(TimeMode.virtual()).replyModel(broken))) {
      String id = custom.createSession();
      custom.completeTurn(id, "brief");

      assertEquals(List.of(Map.of("role", "user", "content", "brief")), custom.messages(id));
      assertNull(custom.session(id).get("task_status"));
    }
  }

  @Test
  void theTurnDurationIsConfigurable() {
    try (Fixture quick = new Fixture(FakePuffle.builder().timeMode(TimeMode.virtual())
        .turnDuration(Duration.ofSeconds(2)))) {
      String id = quick.createSession();
      quick.turn(id, "brief");
      quick.fake.clock().advance(Duration.ofSeconds(2));
      assertNull(quick.session(id).get("task_status"));
    }
  }
}
