package ai.puffle.sdk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.ChatMessage;
import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TaskStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionTest {
  private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-04-22T10:00:00Z");

  static Session.Builder fresh() {
    return Session.builder()
        .id("3c90c3cc-0d44-4b50-8888-8dd25736052a")
        .userId("11111111-1111-1111-1111-111111111111")
        .campaignId("8c2b2d4e-e29b-41d4-a716-446655440000")
        .nodeId("bbbb1111-1111-4111-8111-111111111111")
        .createdAt(T0)
        .updatedAt(T0);
  }

  @Test
  void freshSessionIsEmptyAndIdle() {
    Session s = fresh().build();

    assertEquals(TaskStatus.IDLE, s.taskStatus());
    assertFalse(s.isBusy());
    assertFalse(s.hasSkeleton());
    assertFalse(s.hasDraft());
    assertFalse(s.lastAssistantMessage().isPresent());
    assertFalse(s.title().isPresent());
    assertFalse(s.frameworkVersion().isPresent());
    assertTrue(s.messages().isEmpty());
    assertTrue(s.generatedExamples().isEmpty());
    assertTrue(s.skeletonHistory().isEmpty());
    assertTrue(s.draftHistory().isEmpty());
  }

  @Test
  void helpersReadTranscriptDraftAndSkeleton() {
    Session s =
        fresh()
            .messages(
                List.of(
                    ChatMessage.user("brief"),
                    ChatMessage.assistant("question?"),
                    ChatMessage.user("answer"),
                    ChatMessage.assistant("draft ready"),
                    ChatMessage.of("system", "note")))
            .draftBody("Hi {{first_name}}")
            .skeleton(Skeleton.of(Map.of("hook", "h")))
            .taskStatus(TaskStatus.CHAT_PROCESSING)
            .frameworkVersion(3L)
            .build();

    assertEquals("draft ready", s.lastAssistantMessage().orElseThrow());
    assertTrue(s.hasDraft());
    assertTrue(s.hasSkeleton());
    assertTrue(s.isBusy());
    assertEquals(3L, s.frameworkVersion().getAsLong());
  }

  @Test
  void whitespaceDraftIsNoDraft() {
    assertFalse(fresh().draftSubject("  ").draftBody("\n").build().hasDraft());
    assertTrue(fresh().draftSubject("Subject").build().hasDraft());
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.user("a")));
    Session s = fresh().messages(messages).build();
    messages.add(ChatMessage.user("b"));

    assertEquals(1, s.messages().size());
    assertThrows(UnsupportedOperationException.class, () -> s.messages().add(null));
    assertThrows(
        UnsupportedOperationException.class,
        () -> s.generatedExamples().add(GeneratedExample.of("l", "s", "b")));
  }

  @Test
  void equalityAndToBuilder() {
    Session a = fresh().title("t").build();

    assertEquals(a, a.toBuilder().build());
    assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
    assertFalse(a.equals(a.toBuilder().title("other").build()));
    assertTrue(a.toString().contains(a.id()));
  }

  @Test
  void taskStatusWireValues() {
    assertEquals(TaskStatus.IDLE, TaskStatus.fromWire(null));
    assertEquals(TaskStatus.CHAT_PROCESSING, TaskStatus.fromWire("chat_processing"));
    assertEquals(TaskStatus.GENERATING_EXAMPLES, TaskStatus.fromWire("generating_examples"));
    assertEquals(TaskStatus.UNKNOWN, TaskStatus.fromWire("rewriting"));
    assertNull(TaskStatus.IDLE.wireValue());
    assertEquals("chat_processing", TaskStatus.CHAT_PROCESSING.wireValue());
    assertFalse(TaskStatus.IDLE.isBusy());
    assertTrue(TaskStatus.CHAT_PROCESSING.isBusy());
    assertTrue(TaskStatus.GENERATING_EXAMPLES.isBusy());
    assertTrue(TaskStatus.UNKNOWN.isBusy());
  }
}
