package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * OkHttp's own SSE client ({@code okhttp-sse}, as a Java client reads Trigger.dev's streams) reads
 * a turn's stream live on a scaled clock, in both wire versions, from the first chunk to the
 * stream's end.
 */
class StreamSseClientTest {
  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void okHttpsSseClientReadsATurnFromTheFirstChunkToTheEnd(StreamVersion version)
      throws Exception {
    try (StreamFixture f = new StreamFixture(version,
        FakePuffle.builder().timeMode(TimeMode.scaled(0.01)))) {
      String sessionId = f.createSession();
      RunFixture.Run run = new RunFixture.Run(sessionId, f.turn(sessionId, "Write an intro"));
      OkHttpClient client = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).build();
      Request request = new Request.Builder()
          .url(f.fake.triggerApiUrl() + "/realtime/v1/streams/" + run.id + "/chat")
          .header("Authorization", "Bearer " + run.token)
          .build();
      List<StreamHttp.Frame> frames = new ArrayList<>();
      CompletableFuture<String> ended = new CompletableFuture<>();
      EventSource source = EventSources.createFactory(client).newEventSource(request,
          new EventSourceListener() {
            @Override
            public void onOpen(EventSource eventSource, Response response) {
              frames.clear();
            }

            @Override
            public void onEvent(EventSource eventSource, String id, String type, String data) {
              synchronized (frames) {
                frames.add(new StreamHttp.Frame(id, "message".equals(type) ? null : type, data,
                    null));
              }
            }

            @Override
            public void onClosed(EventSource eventSource) {
              ended.complete(eventSource.request().url().encodedPath());
            }

            @Override
            public void onFailure(EventSource eventSource, Throwable t, Response response) {
              ended.completeExceptionally(t != null ? t : new AssertionError(response));
            }
          });
      try {
        ended.get(10, TimeUnit.SECONDS);
      } finally {
        source.cancel();
      }
      List<StreamFixture.Chunk> chunks;
      synchronized (frames) {
        chunks = f.chunks(frames);
      }
      assertEquals(f.replies(sessionId).get(0), StreamFixture.text(chunks));
      assertEquals("finish", chunks.get(chunks.size() - 1).type());
      assertNull(f.taskStatus(run), "the stream ended once the run was over");
      assertTrue(chunks.size() >= 2);
    }
  }
}
