package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FakePuffleMainTest {
  @Test
  void printsTheBaseUrlTheKeyAndTheSeededIds() {
    try (FakePuffle fake = FakePuffleMain.builder(new String[] {"0", "--time-scale=0.5",
        "--api-key=pk_live_cli"}).start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      FakePuffleMain.printBanner(fake, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String banner = bytes.toString(StandardCharsets.UTF_8);

      assertTrue(banner.contains("PUFFLE_API_BASE_URL=" + fake.baseUrl()), banner);
      assertTrue(banner.contains("PUFFLE_TRIGGER_API_URL=" + fake.triggerApiUrl()), banner);
      assertTrue(banner.contains("PUFFLE_API_KEY=pk_live_cli"), banner);
      assertTrue(banner.contains(fake.defaultCampaign().aiNodeId()), banner);
      assertEquals("pk_live_cli", fake.apiKey());
      assertTrue(fake.baseUrl().startsWith("http://127.0.0.1:"));
    }
  }

  @Test
  void theStreamVersionIsAnOptionAndShowsInTheBanner() {
    try (FakePuffle fake =
        FakePuffleMain.builder(new String[] {"0", "--stream-version=v1"}).start()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      FakePuffleMain.printBanner(fake, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      assertEquals(StreamVersion.V1, fake.streamVersion());
      assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("wire version v1"));
    }
    assertThrows(IllegalArgumentException.class,
        () -> FakePuffleMain.builder(new String[] {"--stream-version=v3"}));
  }

  @Test
  void rejectsUnknownOptionsAndBadNumbers() {
    assertThrows(IllegalArgumentException.class,
        () -> FakePuffleMain.builder(new String[] {"--verbose"}));
    assertThrows(IllegalArgumentException.class,
        () -> FakePuffleMain.builder(new String[] {"eighty"}));
    assertThrows(IllegalArgumentException.class,
        () -> FakePuffleMain.builder(new String[] {"--time-scale=-1"}));
    assertThrows(IllegalArgumentException.class,
        () -> FakePuffleMain.builder(new String[] {"70000"}));
  }
}
