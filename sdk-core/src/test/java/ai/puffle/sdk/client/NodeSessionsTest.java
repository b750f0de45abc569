package ai.puffle.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.Session;
import ai.puffle.sdk.internal.ops.NodeSessions;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one rule for which session is a node's, when a node has several. */
class NodeSessionsTest {
  static final String NODE = "bbbb1111-1111-4111-8111-111111111111";
  static final String OTHER_NODE = "cccc1111-1111-4111-8111-111111111111";

  static Session session(String id, String node, String created, String updated) {
    return Session.builder()
        .id(id).userId("11111111-1111-4111-8111-111111111111")
        .campaignId("8c2b2d4e-e29b-41d4-a716-446655440000").nodeId(node)
        .createdAt(OffsetDateTime.parse(created)).updatedAt(OffsetDateTime.parse(updated))
        .build();
  }

  @Test
  void theMostRecentlyUpdatedSessionOfTheNodeWins() {
    List<Session> listed = List.of(
        session("a", NODE, "2026-01-01T10:00:00Z", "2026-01-03T10:00:00Z"),
        session("b", NODE, "2026-01-02T10:00:00Z", "2026-01-02T10:00:00Z"),
        session("c", OTHER_NODE, "2026-01-04T10:00:00Z", "2026-01-05T10:00:00Z"));
    assertEquals("a", NodeSessions.pick(listed, NODE).orElseThrow().id());
  }

  @Test
  void thenTheMostRecentlyCreatedThenTheLastListed() {
    assertEquals("b", NodeSessions.pick(List.of(
        session("a", NODE, "2026-01-01T10:00:00Z", "2026-01-03T10:00:00Z"),
        session("b", NODE, "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z")), NODE).orElseThrow().id());
    assertEquals("d", NodeSessions.pick(List.of(
        session("c", NODE, "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z"),
        session("d", NODE, "2026-01-02T10:00:00Z", "2026-01-03T10:00:00Z")), NODE).orElseThrow().id());
  }

  @Test
  void aNodeWithoutASessionHasNone() {
    assertTrue(NodeSessions.pick(List.of(
        session("c", OTHER_NODE, "2026-01-04T10:00:00Z", "2026-01-05T10:00:00Z")), NODE).isEmpty());
  }
}
