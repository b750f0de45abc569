package ai.puffle.sdk.client;

import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.testing.FakeTiming;
import ai.puffle.sdk.testing.TestClients;
import org.junit.jupiter.api.AfterEach;

/**
 * The fixture of tests that script the server's answers: a {@link ScriptedServer}, virtual time
 * and a client on both, all closed after each test.
 */
abstract class ScriptedClientTest {
  final ScriptedServer server = new ScriptedServer();
  final FakeTiming timing = new FakeTiming();
  final PuffleClient client = TestClients.builder(server.server, timing).build();

  @AfterEach
  void stop() {
    client.close();
    timing.close();
    server.close();
  }
}
