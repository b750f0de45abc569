package ai.puffle.sdk.testkit;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Plain OkHttp against the emulator's run streams, reading the server-sent events frame by frame
 * as they arrive (comments included), with no SDK code: the tests check the wire on its own.
 */
final class StreamHttp {
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final FakePuffle fake;
  private final OkHttpClient client;

  StreamHttp(FakePuffle fake) {
    this(fake, Duration.ofSeconds(10));
  }

  StreamHttp(FakePuffle fake, Duration readTimeout) {
    this.fake = fake;
    this.client = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .readTimeout(readTimeout)
        .build();
  }

  /** Opens {@code GET /realtime/v1/streams/{runId}/{key}} with the token and extra headers. */
  Connection open(String runId, String key, String token, String... headers) {
    Request.Builder request = new Request.Builder()
        .url(fake.triggerApiUrl() + "/realtime/v1/streams/" + runId + "/" + key)
        .header("Accept", "text/event-stream");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return new Connection(client.newCall(request.build()).execute());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One server-sent event, or a comment (a line starting with a colon). */
  static final class Frame {
    final String id;
    final String event;
    final String data;
    final String comment;

    Frame(String id, String event, String data, String comment) {
      this.id = id;
      this.event = event;
      this.data = data;
      this.comment = comment;
    }

    boolean isPing() {
      return "ping".equals(event) || " ping".equals(comment);
    }

    /** The data as JSON. */
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      try {
        return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(data);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A v2 batch's records. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> records() {
      return (List<Map<String, Object>>) json().get("records");
    }

    @Override
    public String toString() {
      return comment != null ? ":" + comment : "{id=" + id + ", event=" + event + ", data=" + data
          + "}";
    }
  }

  /** An open stream response. */
  static final class Connection implements AutoCloseable {
    final int status;
    final Headers headers;
    private final Response response;
    private final BufferedSource source;

    Connection(Response response) {
      this.response = response;
      this.status = response.code();
      this.headers = response.headers();
      this.source = response.body().source();
    }

    /** The body of a response that is not a stream. */
    String body() {
      try {
        return response.body().string();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The next frame, blocking until it arrives; null when the body ended cleanly. */
    Frame next() throws IOException {
      String id = null;
      String event = null;
      StringBuilder data = null;
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (line.isEmpty()) {
          if (id != null || event != null || data != null) {
            return new Frame(id, event, data == null ? null : data.toString(), null);
          }
          continue;
        }
        if (line.startsWith(":")) {
          source.readUtf8Line(); // the blank line after a comment
          return new Frame(null, null, null, line.substring(1));
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        value = value.startsWith(" ") ? value.substring(1) : value;
        if (field.equals("id")) {
          id = value;
        } else if (field.equals("event")) {
          event = value;
        } else if (field.equals("data")) {
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        }
      }
      return null;
    }

    /** The next frame that is not a ping. */
    Frame nextData() throws IOException {
      Frame frame;
      do {
        frame = next();
      } while (frame != null && frame.isPing());
      return frame;
    }

    /** Every frame until the body ends. */
    List<Frame> rest() throws IOException {
      List<Frame> frames = new ArrayList<>();
      Frame frame;
      while ((frame = next()) != null) {
        frames.add(frame);
      }
      return frames;
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
