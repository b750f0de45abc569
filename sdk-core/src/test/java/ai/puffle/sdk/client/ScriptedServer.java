package ai.puffle.sdk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.puffle.sdk.generated.Fixtures;
import ai.puffle.sdk.testing.NoDelayServerSockets;
import ai.puffle.sdk.testing.TestClients;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer with TCP_NODELAY plus the helpers the client tests share. */
final class ScriptedServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();

  ScriptedServer() {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Queues a 200 response with a fixture body. */
  ScriptedServer fixture(String name) {
    return fixture(200, name);
  }

  /** Queues a response with this status and fixture body. */
  ScriptedServer fixture(int code, String name) {
    server.enqueue(
        new MockResponse.Builder()
            .code(code)
            .setHeader("Content-Type", "application/json; charset=utf-8")
            .body(Fixtures.read(name))
            .build());
    return this;
  }

  /** Queues a response. */
  ScriptedServer enqueue(MockResponse response) {
    server.enqueue(response);
    return this;
  }

  /** The next recorded request, which must have this method and path and carry the bearer key. */
  RecordedRequest take(String method, String path) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertNotNull(r, "expected " + method + " " + path);
    assertEquals(method + " " + path, r.getMethod() + " " + r.getUrl().encodedPath());
    assertEquals("Bearer " + TestClients.API_KEY, r.getHeaders().get("Authorization"));
    return r;
  }

  /** Every request received so far, in order (consumes them). */
  List<RecordedRequest> drain() throws InterruptedException {
    List<RecordedRequest> all = new ArrayList<>();
    RecordedRequest r;
    while ((r = server.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
      all.add(r);
    }
    return all;
  }

  int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
