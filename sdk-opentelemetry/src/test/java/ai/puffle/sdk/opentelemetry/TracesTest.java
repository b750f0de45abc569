package ai.puffle.sdk.opentelemetry;

import static ai.puffle.sdk.opentelemetry.InMemoryTelemetry.names;
import static ai.puffle.sdk.opentelemetry.InMemoryTelemetry.num;
import static ai.puffle.sdk.opentelemetry.InMemoryTelemetry.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The spans of calls: names, kinds, parents, attributes, events and statuses. */
class TracesTest {
  static final String SESSION_PATH = "/api/campaigns/ai-chat-sessions/{id}";
  static final String TURN_PATH = SESSION_PATH + "/turn";
  static final String GET = "GET " + SESSION_PATH;
  static final String POST_TURN = "POST " + TURN_PATH;

  final VirtualRig rig = new VirtualRig();

  @AfterEach
  void close() {
    rig.close();
  }

  /**
   * A turn whose read before sending is retried after a 503, whose first send meets a genuine
   * 409 (another tab's turn holds the session), and whose second send is taken by the server but
   * its response lost, so the client reconciles it from the session.
   */
  @Test
  void aTurnThatMetA409ARetryAndAReconcile() {
    String session = rig.client.sessions().create(rig.campaign.campaignId(), rig.campaign.aiNodeId()).id();
    rig.otel.clearSpans();
    rig.fake.faults().next(Operation.GET_SESSION, Fault.status(503));
    rig.beforeTurn(1, () -> rig.competingTurn(session));
    rig.beforeTurn(2, () -> rig.fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing()));

    TurnResult r = rig.client.sessions().turnAndWait(session, TurnRequest.of("Write the intro email"));
    assertEquals(2, r.attempts());
    rig.fake.assertTurnReceivedOnce(session, "Write the intro email");

    SpanData call = rig.otel.span("turnAndWait");
    assertEquals(SpanKind.INTERNAL, call.getKind());
    assertFalse(call.getParentSpanContext().isValid(), "no span was current: a root span");
    assertEquals("turnAndWait", str(call.getAttributes(), "puffle.operation.id"));
    assertEquals(session, str(call.getAttributes(), "puffle.session.id"));
    assertEquals(2L, num(call.getAttributes(), "puffle.attempts"));
    assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
    assertNull(str(call.getAttributes(), "error.type"));

    List<SpanData> requests = rig.otel.children(call);
    assertEquals(requests.size(), rig.otel.spans().size() - 1, "every other span is a request of the call");
    assertEquals(rig.fake.requests().size() - 3, requests.size(), "one span per request the server saw "
        + "(the list and create before, and the competing turn, are not the call's)");
    // The emulator shows our message only once the turn ends: the reconciling read finds the
    // session busy without it (undecided), waits until it is idle, and finds it then (taken).
    List<Long> waited = call.getEvents().stream().filter(e -> e.getName().equals("puffle.wait.end"))
        .map(e -> num(e.getAttributes(), "puffle.wait.polls")).collect(Collectors.toList());
    assertEquals(2, waited.size(), "two busy waits: " + waited);
    int busyPolls = waited.get(0).intValue();
    int undecidedPolls = waited.get(1).intValue();
    List<String> expected = new java.util.ArrayList<>(List.of(GET, GET, POST_TURN));
    expected.addAll(java.util.Collections.nCopies(busyPolls, GET));
    expected.add(POST_TURN);
    expected.add(GET);                                        // the reconciling read
    expected.addAll(java.util.Collections.nCopies(undecidedPolls, GET));
    assertEquals(expected, names(requests));
    assertTrue(busyPolls >= 2 && undecidedPolls >= 2, "each turn held the session 15 s: " + waited);

    for (SpanData s : requests) {
      Attributes a = s.getAttributes();
      assertEquals(SpanKind.CLIENT, s.getKind(), s.getName());
      assertEquals(s.getName().substring(0, s.getName().indexOf(' ')), str(a, "http.request.method"));
      assertEquals(s.getName().substring(s.getName().indexOf(' ') + 1), str(a, "url.template"));
      assertEquals("127.0.0.1", str(a, "server.address"));
      assertEquals((long) rig.fake.port(), num(a, "server.port"));
      assertTrue(str(a, "url.full").startsWith("http://127.0.0.1:" + rig.fake.port()
          + "/api/campaigns/ai-chat-sessions/" + session), str(a, "url.full"));
      assertEquals(s.getName().startsWith("GET") ? "getAiChatSession" : "runAiChatTurn",
          str(a, "puffle.operation.id"));
    }
    SpanData failedRead = requests.get(0);
    assertEquals(503L, num(failedRead.getAttributes(), "http.response.status_code"));
    assertEquals("503", str(failedRead.getAttributes(), "error.type"));
    assertEquals(StatusCode.ERROR, failedRead.getStatus().getStatusCode());
    SpanData retriedRead = requests.get(1);
    assertEquals(200L, num(retriedRead.getAttributes(), "http.response.status_code"));
    assertEquals(1L, num(retriedRead.getAttributes(), "http.request.resend_count"));
    assertEquals(StatusCode.UNSET, retriedRead.getStatus().getStatusCode());
    SpanData busy = requests.get(2);
    assertEquals(409L, num(busy.getAttributes(), "http.response.status_code"));
    assertEquals("409", str(busy.getAttributes(), "error.type"));
    assertEquals(StatusCode.ERROR, busy.getStatus().getStatusCode());
    assertNull(num(busy.getAttributes(), "http.request.resend_count"));
    SpanData lost = requests.get(3 + busyPolls);
    assertEquals(1L, num(lost.getAttributes(), "http.request.resend_count"), "sent again after the 409");
    assertNull(num(lost.getAttributes(), "http.response.status_code"), "no response was read");
    assertTrue(str(lost.getAttributes(), "error.type").startsWith("java."), str(lost.getAttributes(), "error.type"));
    assertEquals(StatusCode.ERROR, lost.getStatus().getStatusCode());
    assertNull(num(requests.get(4 + busyPolls).getAttributes(), "http.request.resend_count"),
        "a read after a successful read is not a resend");

    List<String> events = call.getEvents().stream().map(TracesTest::describe).collect(Collectors.toList());
    List<String> story = events.stream().filter(e -> !e.startsWith("puffle.poll ")).collect(Collectors.toList());
    assertEquals(List.of(
        "puffle.retry getAiChatSession transient",
        "puffle.retry runAiChatTurn session_busy",
        "puffle.wait.start busy chat_processing",
        "puffle.wait.end busy chat_processing polls=" + busyPolls,
        "puffle.reconcile runAiChatTurn undecided",
        "puffle.wait.start busy chat_processing",
        "puffle.wait.end busy chat_processing polls=" + undecidedPolls,
        "puffle.reconcile runAiChatTurn taken"), story);
    assertEquals(busyPolls + undecidedPolls, events.size() - story.size(), "a poll event per poll");
    int end = events.indexOf("puffle.wait.end busy chat_processing polls=" + busyPolls);
    assertEquals("puffle.poll busy idle", events.get(end - 1), "the last poll saw the session idle: " + events);
    assertEquals("puffle.poll busy chat_processing", events.get(end - 2));
    EventData retry = call.getEvents().get(0);
    double delay = retry.getAttributes().get(io.opentelemetry.api.common.AttributeKey.doubleKey("puffle.retry.delay"));
    assertEquals(rig.time.sleeps().get(0).toNanos() / 1e9, delay, 1e-9, "the backoff the client slept");
  }
  @Test
  @SuppressWarnings("try") // the scope is held, not read
  void aCallMadeInsideASpanIsItsChildAndAFailureIsAnError() {
    String unknown = "00000000-0000-4000-8000-000000000000";
    Span outer = rig.otel.sdk.getTracer("test").spanBuilder("outer").startSpan();
    try (Scope ignored = outer.makeCurrent()) {
      assertThrows(NotFoundException.class, () -> rig.client.sessions().get(unknown));
    } finally {
      outer.end();
    }
    SpanData call = rig.otel.span("getAiChatSession");
    assertEquals(outer.getSpanContext().getSpanId(), call.getParentSpanId());
    assertEquals(outer.getSpanContext().getTraceId(), call.getTraceId());
    assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
    assertEquals("ai.puffle.sdk.NotFoundException", str(call.getAttributes(), "error.type"));
    assertEquals(1L, num(call.getAttributes(), "puffle.attempts"));
    assertEquals("", call.getStatus().getDescription(), "no exception message is recorded");
    assertTrue(call.getEvents().isEmpty());
    SpanData request = rig.otel.span(GET);
    assertEquals(call.getSpanId(), request.getParentSpanId());
    assertEquals("404", str(request.getAttributes(), "error.type"));
  }

  @Test
  void everyOperationIsASpanNamedByItsId() {
    String session = rig.client.sessions().create(rig.campaign.campaignId(), rig.campaign.aiNodeId()).id();
    rig.client.sessions().list(rig.campaign.campaignId());
    rig.client.sessions().awaitIdle(session, WaitOptions.defaults());
    rig.client.campaigns().get(rig.campaign.campaignId());
    assertEquals(List.of("createAiChatSession", "listAiChatSessions", "awaitIdle", "getCampaign"),
        rig.otel.spans().stream().filter(s -> s.getKind() == SpanKind.INTERNAL).map(SpanData::getName)
            .collect(Collectors.toList()));
    SpanData create = rig.otel.span("createAiChatSession");
    assertEquals(List.of("GET /api/campaigns/ai-chat-sessions", "POST /api/campaigns/ai-chat-sessions"),
        names(rig.otel.children(create)), "the list read before a create, then the create");
    assertEquals(1L, num(create.getAttributes(), "puffle.attempts"));
    assertEquals(session, str(rig.otel.span("awaitIdle").getAttributes(), "puffle.session.id"));
    assertTrue(rig.otel.requests().stream().allMatch(s -> s.getEndEpochNanos() > 0));
    List<String> queries = rig.otel.requests().stream().map(s -> str(s.getAttributes(), "url.full"))
        .filter(u -> u.contains("?")).collect(Collectors.toList());
    assertEquals(List.of(), queries.stream().filter(u -> !u.matches(".*\\?([a-z_]+=REDACTED&?)+"))
        .collect(Collectors.toList()), "query values are redacted: " + queries);
    assertFalse(queries.isEmpty(), "listing sessions sends the campaign id as a query");
  }

  /** An event as {@code name [operation] [kind] [reason|verdict] [status] [polls=n]}. */
  private static String describe(EventData e) {
    Attributes a = e.getAttributes();
    StringBuilder s = new StringBuilder(e.getName());
    for (String key : new String[] {"puffle.operation.id", "puffle.wait.kind", "puffle.retry.reason",
        "puffle.reconcile.verdict", "puffle.task.status"}) {
      String v = str(a, key);
      if (v != null) {
        s.append(' ').append(v);
      }
    }
    Long polls = num(a, "puffle.wait.polls");
    if (polls != null && !e.getName().equals("puffle.poll")) {
      s.append(" polls=").append(polls);
    }
    return s.toString();
  }
}
