package ai.puffle.sdk.opentelemetry;

import static ai.puffle.sdk.opentelemetry.InMemoryTelemetry.metric;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics after a known sequence of calls on virtual time: every request the emulator logged
 * is counted once under its attributes, retries by reason, and waits with the exact virtual time
 * they took and their polls.
 */
class MetricsTest {
  final VirtualRig rig = new VirtualRig();

  @AfterEach
  void close() {
    rig.close();
  }

  @Test
  void metricsAfterAKnownSequenceOfCalls() {
    String session = rig.client.sessions().create(rig.campaign.campaignId(), rig.campaign.aiNodeId()).id();
    rig.fake.faults().next(Operation.GET_SESSION, Fault.status(503));
    rig.client.sessions().get(session);                                   // 503, then 200

    int before = rig.time.sleeps().size();
    rig.client.sessions().turnAndWait(session, TurnRequest.of("First brief"));
    List<Duration> firstWait = rig.time.sleeps().subList(before, rig.time.sleeps().size());

    rig.beforeTurn(2, () -> rig.competingTurn(session));
    int logged = rig.fake.requests().size();
    before = rig.time.sleeps().size();
    rig.client.sessions().turnAndWait(session, TurnRequest.of("Second brief"));
    List<Duration> secondCall = rig.time.sleeps().subList(before, rig.time.sleeps().size());
    List<RecordedCall> second = rig.fake.requests().subList(logged, rig.fake.requests().size());
    int busyPolls = between(second, 409, Operation.RUN_TURN);
    List<Duration> busyWait = secondCall.subList(0, busyPolls);       // each poll follows one wait
    List<Duration> secondWait = secondCall.subList(busyPolls, secondCall.size());
    assertTrue(busyPolls >= 2 && !firstWait.isEmpty() && !secondWait.isEmpty(), secondCall.toString());

    Collection<MetricData> metrics = rig.otel.collect();

    // http.client.request.duration: one per request, under the semantic conventions' attributes.
    MetricData requests = metric(metrics, "http.client.request.duration").orElseThrow();
    assertEquals("s", requests.getUnit());
    Map<String, Long> counted = new TreeMap<>();
    for (HistogramPointData p : requests.getHistogramData().getPoints()) {
      assertEquals(0.0, p.getSum(), "virtual time does not pass during a request");
      assertEquals(java.util.Set.of("http.request.method", "server.address", "server.port", "url.template",
          "http.response.status_code", "error.type").containsAll(keys(p.getAttributes())), true);
      assertEquals("127.0.0.1", p.getAttributes().get(AttributeKey.stringKey("server.address")));
      assertEquals((long) rig.fake.port(), p.getAttributes().get(AttributeKey.longKey("server.port")));
      counted.put(requestKey(p.getAttributes()), p.getCount());
    }
    Map<String, Long> logged1 = new TreeMap<>(rig.fake.requests().stream()
        .filter(c -> c.header("traceparent").isPresent())            // the client's, not the other tab's
        .collect(Collectors.groupingBy(MetricsTest::requestKey, Collectors.counting())));
    assertEquals(logged1, counted);
    assertEquals(1L, counted.get("GET /api/campaigns/ai-chat-sessions/{id} 503 503"));
    assertEquals(1L, counted.get("POST /api/campaigns/ai-chat-sessions/{id}/turn 409 409"));
    assertEquals(Instruments.REQUEST_BUCKETS, requests.getHistogramData().getPoints().iterator().next().getBoundaries());

    // puffle.client.retries, by reason and operation.
    MetricData retries = metric(metrics, "puffle.client.retries").orElseThrow();
    assertEquals("{retry}", retries.getUnit());
    assertEquals(Map.of("transient getAiChatSession", 1L, "session_busy runAiChatTurn", 1L),
        retries.getLongSumData().getPoints().stream().collect(Collectors.toMap(
            p -> str(p.getAttributes(), "puffle.retry.reason") + " " + str(p.getAttributes(), "puffle.operation.id"),
            LongPointData::getValue)));

    // puffle.client.wait.duration and puffle.client.wait.polls, by kind of wait and task.
    MetricData waits = metric(metrics, "puffle.client.wait.duration").orElseThrow();
    assertEquals("s", waits.getUnit());
    Map<String, HistogramPointData> byKind = points(waits);
    assertEquals(java.util.Set.of("task chat_processing", "busy chat_processing"), byKind.keySet());
    assertEquals(2, byKind.get("task chat_processing").getCount());
    assertEquals(seconds(firstWait) + seconds(secondWait), byKind.get("task chat_processing").getSum(), 1e-9);
    assertEquals(1, byKind.get("busy chat_processing").getCount());
    assertEquals(seconds(busyWait), byKind.get("busy chat_processing").getSum(), 1e-9);

    Map<String, HistogramPointData> polls = points(metric(metrics, "puffle.client.wait.polls").orElseThrow());
    assertEquals(2, polls.get("task chat_processing").getCount());
    assertEquals(firstWait.size() + secondWait.size(), polls.get("task chat_processing").getSum(), 1e-9);
    assertEquals(busyPolls, polls.get("busy chat_processing").getSum(), 1e-9);

    // puffle.client.wait.active: back to zero.
    MetricData active = metric(metrics, "puffle.client.wait.active").orElseThrow();
    assertEquals(Map.of("task", 0L, "busy", 0L), active.getLongSumData().getPoints().stream()
        .collect(Collectors.toMap(p -> str(p.getAttributes(), "puffle.wait.kind"), LongPointData::getValue)));
  }

  /** GET session requests logged after the {@code status} answer to {@code op} and before the next {@code op}. */
  private static int between(List<RecordedCall> calls, int status, Operation op) {
    int n = 0;
    boolean in = false;
    for (RecordedCall c : calls) {
      if (c.operation() == op && c.header("traceparent").isPresent()) {
        if (in) {
          return n;
        }
        in = c.status() == status;
      } else if (in && c.operation() == Operation.GET_SESSION) {
        n++;
      }
    }
    throw new AssertionError("no " + status + " for " + op + " in " + calls);
  }

  private static String requestKey(RecordedCall c) {
    String template = c.operation() == Operation.GET_SESSION ? "/api/campaigns/ai-chat-sessions/{id}"
        : c.operation() == Operation.RUN_TURN ? "/api/campaigns/ai-chat-sessions/{id}/turn"
        : c.operation() == Operation.LIST_SESSIONS || c.operation() == Operation.CREATE_SESSION
            ? "/api/campaigns/ai-chat-sessions" : "?";
    return c.method() + " " + template + " " + c.status() + (c.status() >= 400 ? " " + c.status() : "");
  }

  private static String requestKey(Attributes a) {
    Long status = a.get(AttributeKey.longKey("http.response.status_code"));
    String error = str(a, "error.type");
    return str(a, "http.request.method") + " " + str(a, "url.template") + " " + status
        + (error == null ? "" : " " + error);
  }

  private static Map<String, HistogramPointData> points(MetricData m) {
    return m.getHistogramData().getPoints().stream().collect(Collectors.toMap(
        p -> str(p.getAttributes(), "puffle.wait.kind") + " " + str(p.getAttributes(), "puffle.task.status"),
        p -> p));
  }

  private static java.util.Set<String> keys(Attributes a) {
    return a.asMap().keySet().stream().map(AttributeKey::getKey).collect(Collectors.toSet());
  }

  private static String str(Attributes a, String key) {
    return a.get(AttributeKey.stringKey(key));
  }

  private static double seconds(List<Duration> waits) {
    return waits.stream().mapToLong(Duration::toNanos).sum() / 1e9;
  }
}
