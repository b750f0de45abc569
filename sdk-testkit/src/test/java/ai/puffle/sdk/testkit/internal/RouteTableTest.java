package ai.puffle.sdk.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.testkit.Operation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Matching a method and path to a route: specificity, 404 and 405, extra routes. */
class RouteTableTest {
  private static final String ID = "9cd21d83-0b81-4840-add2-283a4fb68066";
  private static final RouteTable.Handler NONE = call -> null;

  private final RouteTable spec = new RouteTable(SpecRoutes.all(null));

  private static List<String> path(String path) {
    return List.of(path.substring(1).split("/", -1));
  }

  @Test
  void everyOperationButUnknownHasASpecRoute() {
    Set<Operation> routed = EnumSet.noneOf(Operation.class);
    for (RouteTable.Entry entry : spec.entries()) {
      assertTrue(entry.inSpec);
      routed.add(entry.operation);
    }
    Set<Operation> expected = EnumSet.allOf(Operation.class);
    expected.removeIf(o -> o.operationId() == null);  // UNKNOWN and Trigger.dev's run endpoints
    assertEquals(expected, routed);
  }

  @Test
  void aLiteralSegmentWinsOverAParameter() {
    Route list = spec.match("GET", path("/api/campaigns/ai-chat-sessions"));
    assertEquals(Operation.LIST_SESSIONS, list.operation);
    Route campaign = spec.match("GET", path("/api/campaigns/" + ID));
    assertEquals(Operation.GET_CAMPAIGN, campaign.operation);
    assertEquals(ID, campaign.id);
    Route session = spec.match("GET", path("/api/campaigns/ai-chat-sessions/" + ID));
    assertEquals(Operation.GET_SESSION, session.operation);
    assertEquals("/api/campaigns/ai-chat-sessions/{id}", session.template);
  }

  @Test
  void pathParametersAreCapturedByName() {
    Route node = spec.match("PUT", path("/api/campaigns/" + ID + "/sequence/nodes/n1"));
    assertEquals(Operation.UPDATE_NODE, node.operation);
    assertEquals(Map.of("id", ID, "nodeId", "n1"), node.params);
    assertEquals("n1", node.nodeId);
  }

  @Test
  void aKnownPathWithAnotherMethodIs405AndAnUnknownPath404() {
    Route wrongMethod = spec.match("DELETE", path("/api/campaigns/" + ID));
    assertEquals(Operation.UNKNOWN, wrongMethod.operation);
    assertEquals(405, wrongMethod.errorStatus);
    // A literal path whose only routes are POST and GET does not fall back to the campaign id.
    assertEquals(405, spec.match("PUT", path("/api/campaigns/ai-chat-sessions")).errorStatus);
    Route unknown = spec.match("GET", path("/api/nothing/here"));
    assertEquals(404, unknown.errorStatus);
    assertNull(unknown.handler);
    assertFalse(unknown.inSpec);
  }

  @Test
  void extraRoutesSitNextToTheSpecRoutesAndAreNotInTheSpec() {
    List<RouteTable.Entry> entries = new ArrayList<>(SpecRoutes.all(null));
    entries.add(RouteTable.Entry.extra("GET", "/api/v3/runs/{runId}", Operation.UNKNOWN, NONE));
    RouteTable table = new RouteTable(entries);

    Route run = table.match("GET", path("/api/v3/runs/run_123"));
    assertFalse(run.inSpec);
    assertEquals("run_123", run.param("runId"));
    assertEquals(Operation.GET_SESSION,
        table.match("GET", path("/api/campaigns/ai-chat-sessions/" + ID)).operation);
  }
}
