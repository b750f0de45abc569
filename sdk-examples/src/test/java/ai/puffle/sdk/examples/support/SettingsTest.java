package ai.puffle.sdk.examples.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final String CAMPAIGN = "0f8fad5b-d9cb-469f-a165-70867728950e";
  private static final String NODE = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
  private static final String NODE2 = "16fd2706-8baf-433b-82eb-8c7fada847da";

  @Test
  void withoutAKeyNothingIsRequired() {
    Settings s = Settings.parse(new String[0], Map.of(), false);
    assertEquals(Optional.empty(), s.apiKey());
    assertEquals(List.of(), s.nodeIds());
    assertEquals(Optional.empty(), s.timeout());
    assertEquals(Settings.DEFAULT_NODE_COUNT, s.nodeCount());
    assertFalse(s.idsGiven());
  }

  @Test
  void flagsWinOverTheEnvironment() {
    Settings s = Settings.parse(new String[] {"--campaign", CAMPAIGN, "--node=" + NODE, "--timeout", "1.5"},
        Map.of("PUFFLE_API_KEY", "pk_live_x", "PUFFLE_CAMPAIGN_ID", "other", "PUFFLE_NODE_ID", "other",
            "PUFFLE_API_BASE_URL", "http://127.0.0.1:1"), false);
    assertEquals(Optional.of("pk_live_x"), s.apiKey());
    assertEquals(Optional.of("http://127.0.0.1:1"), s.baseUrl());
    assertEquals(Optional.of(CAMPAIGN), s.campaignId());
    assertEquals(List.of(NODE), s.nodeIds());
    assertEquals(Optional.of(Duration.ofMillis(1500)), s.timeout());
  }

  @Test
  void theEnvironmentGivesIdsAndSeveralNodes() {
    Settings s = Settings.parse(new String[] {"--nodes", "7"},
        Map.of("PUFFLE_API_KEY", "pk_live_x", "PUFFLE_CAMPAIGN_ID", CAMPAIGN,
            "PUFFLE_NODE_ID", NODE + ", " + NODE2), true);
    assertEquals(List.of(NODE, NODE2), s.nodeIds());
    assertEquals(7, s.nodeCount());
  }

  @Test
  void aBlankKeyCountsAsNone() {
    assertEquals(Optional.empty(), Settings.parse(new String[0], Map.of("PUFFLE_API_KEY", " "), false).apiKey());
  }

  @Test
  void rejectsWhatItCannotUse() {
    Map<String, String> key = Map.of("PUFFLE_API_KEY", "pk_live_x");
    assertTrue(assertThrows(UsageException.class, () -> Settings.parse(new String[0], key, false))
        .getMessage().contains("needs the campaign and node ids"));
    assertTrue(assertThrows(UsageException.class,
        () -> Settings.parse(new String[] {"--node", NODE}, key, false))
        .getMessage().contains("needs the campaign id"));
    assertTrue(assertThrows(UsageException.class,
        () -> Settings.parse(new String[] {"--campaign", CAMPAIGN, "--node", NODE + "," + NODE2}, key, false))
        .getMessage().contains("pass one --node, not 2"));
    assertThrows(UsageException.class, () -> Settings.parse(new String[] {"--campaign"}, Map.of(), false));
    assertThrows(UsageException.class, () -> Settings.parse(new String[] {"--timeout", "0"}, Map.of(), false));
    assertThrows(UsageException.class, () -> Settings.parse(new String[] {"--timeout", "soon"}, Map.of(), false));
    assertThrows(UsageException.class, () -> Settings.parse(new String[] {"--nodes", "0"}, Map.of(), true));
    assertThrows(UsageException.class, () -> Settings.parse(new String[] {"--nodes", "2"}, Map.of(), false));
    assertThrows(UsageException.class, () -> Settings.parse(new String[] {"extra"}, Map.of(), false));
  }

  @Test
  void helpSkipsTheChecks() {
    assertTrue(Settings.parse(new String[] {"-h"}, Map.of("PUFFLE_API_KEY", "pk_live_x"), false).help());
  }

  @Test
  void toStringHidesTheKey() {
    String text = Settings.parse(new String[] {"--campaign", CAMPAIGN, "--node", NODE},
        Map.of("PUFFLE_API_KEY", " pk_live_secret"), false).toString();
    assertFalse(text.contains("secret"), text);
  }
}
