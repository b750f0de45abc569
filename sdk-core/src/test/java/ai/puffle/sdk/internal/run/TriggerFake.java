package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.testing.NoDelayServerSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * Trigger.dev's two run endpoints, scripted per run: answers 401 to any request without the run
 * token, plays each run's queued responses in order, then {@link #otherwise}. Records every
 * request. TCP_NODELAY on accepted sockets.
 */
final class TriggerFake implements AutoCloseable {
  /** The run's public access token (a JWT, as Trigger.dev issues them). */
  static final String TOKEN =
      "eyJhbGciOiJIUzI1NiJ9.eyJwdWIiOnRydWUsInNjb3BlcyI6WyJyZWFkOnJ1bnM6cnVuXzEiXX0.c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ";

  final MockWebServer server = new MockWebServer();
  private final Map<String, Deque<MockResponse>> scripts = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, MockResponse> otherwise =
      r -> new MockResponse.Builder().code(418).body("unscripted").build();

  TriggerFake() {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        if (!("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
          return RunBodies.json(401, "{\"error\":\"Invalid Public Access Token\"}");
        }
        Deque<MockResponse> q = scripts.get(key(r.getUrl()));
        MockResponse next;
        synchronized (this) {
          next = q == null ? null : q.poll();
        }
        return next != null ? next : otherwise.apply(r);
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(HttpUrl url) {
    String path = url.encodedPath();
    String run = url.pathSegments().get(url.pathSegments().size() - 1);
    return (path.startsWith("/realtime/") ? "feed:" : "retrieve:") + run;
  }

  HttpUrl url() {
    return server.url("/");
  }

  /** Queues retrieve responses for {@code runId}. */
  TriggerFake retrieve(String runId, MockResponse... responses) {
    scripts.computeIfAbsent("retrieve:" + runId, k -> new ArrayDeque<>()).addAll(Arrays.asList(responses));
    return this;
  }

  /** Queues feed responses for {@code runId}. */
  TriggerFake feed(String runId, MockResponse... responses) {
    scripts.computeIfAbsent("feed:" + runId, k -> new ArrayDeque<>()).addAll(Arrays.asList(responses));
    return this;
  }

  /** The answer when a run's script is used up. */
  TriggerFake otherwise(Function<RecordedRequest, MockResponse> answer) {
    this.otherwise = answer;
    return this;
  }

  List<RecordedRequest> requests() {
    return requests;
  }

  /** The requests to the feed ({@code feed}) or retrieve, in order. */
  List<RecordedRequest> requests(boolean feed) {
    return requests.stream()
        .filter(r -> r.getUrl().encodedPath().startsWith("/realtime/") == feed)
        .collect(Collectors.toList());
  }

  /** The query of a recorded request, e.g. {@code handle=h1&live=true&offset=0_0}. */
  static String query(RecordedRequest r) {
    return r.getUrl().encodedQuery();
  }

  @Override
  public void close() {
    server.close();
  }
}
