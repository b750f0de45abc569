package ai.puffle.sdk.values;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.ContentRequest;
import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.MessageUpdate;
import ai.puffle.sdk.NodeUpdate;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SessionUpdate;
import ai.puffle.sdk.Skeleton;
import ai.puffle.sdk.TurnRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest {
  static final String NODE = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
  static final Lead ADA = Lead.of("Ada", "Lovelace");

  static InvalidInputException assertInvalid(String field, String rule, Executable call) {
    InvalidInputException e = assertThrows(InvalidInputException.class, call);
    assertEquals(field, e.field());
    assertEquals(rule, e.rule());
    assertTrue(
        e.getMessage().startsWith(field + " " + rule),
        () -> "message was: " + e.getMessage());
    return e;
  }

  @Test
  void invalidInputIsAPuffleException() {
    InvalidInputException e = new InvalidInputException("turnRequest.message", "must not be blank");
    assertTrue(e instanceof PuffleException);
    assertEquals("turnRequest.message must not be blank", e.getMessage());
  }

  @Test
  void turnMessageMustNotBeNullEmptyOrBlank() {
    assertInvalid("turnRequest.message", "must not be null", () -> TurnRequest.of(null));
    assertInvalid("turnRequest.message", "must not be blank", () -> TurnRequest.of(""));
    assertInvalid("turnRequest.message", "must not be blank", () -> TurnRequest.of(" \t\n "));
  }

  @Test
  void turnMessageHasACap() {
    String big = "x".repeat(100_001);
    InvalidInputException e =
        assertInvalid(
            "turnRequest.message",
            "must have at most 100000 characters",
            () -> TurnRequest.of(big));
    assertTrue(e.getMessage().contains("got 100001"));
    TurnRequest.of("x".repeat(100_000));
  }

  @Test
  void turnListsAreChecked() {
    List<String> names = Collections.nCopies(201, "v");
    assertInvalid(
        "turnRequest.availableVarNames",
        "must have at most 200 items",
        () -> TurnRequest.builder("m").availableVarNames(names).build());
    assertInvalid(
        "turnRequest.availableVarNames[1]",
        "must not be blank",
        () -> TurnRequest.builder("m").availableVarNames("a", " ").build());
    assertInvalid(
        "turnRequest.availableVarNames[0]",
        "must not be null",
        () -> TurnRequest.builder("m").availableVarNames(Arrays.asList((String) null)).build());
    assertInvalid(
        "turnRequest.availableVarNames",
        "must not be null",
        () -> TurnRequest.builder("m").availableVarNames((List<String>) null).build());
    assertInvalid(
        "turnRequest.sampleLeads",
        "must have at most 100 items",
        () -> TurnRequest.builder("m").sampleLeads(Collections.nCopies(101, ADA)).build());
    assertInvalid(
        "turnRequest.sampleLeads[1]",
        "must not be null",
        () -> TurnRequest.builder("m").sampleLeads(Arrays.asList(ADA, null)).build());
  }

  @Test
  void leadNeedsAFirstOrFullName() {
    assertInvalid(
        "lead", "must have a first name or a full name", () -> Lead.builder().lastName("L").build());
    assertInvalid(
        "lead",
        "must have a first name or a full name",
        () -> Lead.builder().firstName(" ").fullName("").company("Acme").build());
    Lead.builder().fullName("Ada Lovelace").build();
    Lead.builder().firstName("Ada").build();
    assertInvalid(
        "lead.company",
        "must have at most 100000 characters",
        () -> Lead.builder().firstName("A").company("c".repeat(100_001)).build());
    assertInvalid(
        "lead.customFields key", "must not be null", () -> Lead.builder().customField(null, 1));
  }

  @Test
  void examplesNeedOneToAHundredLeads() {
    assertInvalid("examplesRequest.leads", "must not be null", () -> ExamplesRequest.of(null));
    assertInvalid(
        "examplesRequest.leads", "must not be empty", () -> ExamplesRequest.of(List.of()));
    assertInvalid(
        "examplesRequest.leads",
        "must have at most 100 items",
        () -> ExamplesRequest.of(Collections.nCopies(101, ADA)));
    assertInvalid(
        "examplesRequest.leads[0]",
        "must not be null",
        () -> ExamplesRequest.of(Arrays.asList((Lead) null)));
    ExamplesRequest.of(Collections.nCopies(100, ADA));
  }

  @Test
  void contentRequestChecksNodeIdAndMessage() {
    InvalidInputException e =
        assertInvalid(
            "contentRequest.nodeId", "must be a UUID", () -> ContentRequest.of("node-1", "m"));
    assertTrue(e.getMessage().contains("\"node-1\""));
    assertInvalid(
        "contentRequest.nodeId", "must not be null", () -> ContentRequest.of(null, "m"));
    assertInvalid(
        "contentRequest.message", "must not be blank", () -> ContentRequest.of(NODE, "   "));
    assertInvalid(
        "contentRequest.sampleLeads",
        "must have at most 100 items",
        () -> ContentRequest.builder(NODE, "m").sampleLeads(Collections.nCopies(101, ADA)).build());
  }

  @Test
  void emptyUpdatesAreInvalid() {
    assertInvalid(
        "sessionUpdate", "must set at least one field", () -> SessionUpdate.builder().build());
    assertInvalid("nodeUpdate", "must set at least one field", () -> NodeUpdate.builder().build());
    assertInvalid(
        "messageUpdate", "must set subject or bodyText", () -> MessageUpdate.of("m1").build());
  }

  @Test
  void updateFieldsAreChecked() {
    assertInvalid(
        "sessionUpdate.draftBody",
        "must have at most 100000 characters",
        () -> SessionUpdate.builder().draftBody("b".repeat(100_001)));
    List<ai.puffle.sdk.ChatMessage> messages = new ArrayList<>();
    messages.add(null);
    assertInvalid(
        "sessionUpdate.messages[0]",
        "must not be null",
        () -> SessionUpdate.builder().messages(messages));
    assertInvalid(
        "nodeUpdate.delayDays", "must not be negative", () -> NodeUpdate.builder().delayDays(-1));
    assertInvalid("nodeUpdate.subject", "must not be null", () -> NodeUpdate.draft(null, "b"));
    assertInvalid(
        "messageUpdate.messageId", "must not be blank", () -> MessageUpdate.of(""));
    assertInvalid(
        "messageUpdate.messageId", "must not be blank", () -> MessageUpdate.of(" \t"));
    assertInvalid(
        "messageUpdate.messageId", "must not be null", () -> MessageUpdate.builder(null));
    assertInvalid(
        "messageUpdate.subject", "must not be null", () -> MessageUpdate.of("m1").subject(null));
  }

  @Test
  void otherValueRules() {
    assertInvalid("skeleton", "must not be null", () -> Skeleton.of(null));
    assertInvalid(
        "sequenceContext.position",
        "must not be negative",
        () -> SequenceContext.of(-1, 3));
    assertInvalid(
        "chatMessage.content", "must not be null", () -> ai.puffle.sdk.ChatMessage.of("user", null));
  }
}
