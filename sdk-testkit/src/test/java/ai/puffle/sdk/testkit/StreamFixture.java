package ai.puffle.sdk.testkit;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A virtual-clock emulator serving streams in one wire version, with a raw SSE reader and the
 * chunks a reader gets out of the frames (v1: events with an id; v2: batch records that are not
 * S2 command records, by their body's {@code data}).
 */
class StreamFixture extends RunFixture {
  static final String CHAT = "chat";
  private static final Moshi MOSHI = new Moshi.Builder().build();

  final StreamVersion version;
  final StreamHttp streams;

  StreamFixture(StreamVersion version) {
    this(version, FakePuffle.builder().timeMode(TimeMode.virtual()));
  }

  StreamFixture(StreamVersion version, FakePuffle.Builder builder) {
    super(builder.streamVersion(version));
    this.version = version;
    this.streams = new StreamHttp(fake);
  }

  /** One chunk as a reader sees it: its resume id (v1 Redis id, v2 seq_num) and its event. */
  static final class Chunk {
    final String id;
    final String bodyId;
    final Map<String, Object> event;

    Chunk(String id, String bodyId, Map<String, Object> event) {
      this.id = id;
      this.bodyId = bodyId;
      this.event = event;
    }

    String type() {
      return (String) event.get("type");
    }

    @Override
    public String toString() {
      return id + ":" + event;
    }
  }

  /** Opens the run's {@code chat} stream with its token. */
  StreamHttp.Connection open(Run run, String... headers) {
    return streams.open(run.id, CHAT, run.token, headers);
  }

  /** Opens the stream and waits until the emulator serves it, so the clock can move. */
  StreamHttp.Connection connect(Run run, String... headers) {
    int open = fake.openRunStreams();
    StreamHttp.Connection connection = open(run, headers);
    fake.awaitOpenRunStreams(open + 1, Duration.ofSeconds(5));
    return connection;
  }

  /** A turn whose reply writes a skeleton (the second turn of a session). */
  Run skeletonTurn() {
    String sessionId = createSession();
    completeTurn(sessionId, "Write an intro email for VPs of Sales");
    return startTurn(sessionId, "Enterprise teams; the outcome is a 15-minute call");
  }

  /** Lets the run's task finish and reads the whole stream from the start. */
  List<Chunk> readAll(Run run) throws IOException {
    fake.clock().advance(TURN);
    try (StreamHttp.Connection connection = open(run)) {
      return chunks(connection.rest());
    }
  }

  /** The chunks in {@code frames}, in order. */
  List<Chunk> chunks(List<StreamHttp.Frame> frames) {
    List<Chunk> chunks = new ArrayList<>();
    for (StreamHttp.Frame frame : frames) {
      chunks.addAll(chunks(frame));
    }
    return chunks;
  }

  /** The chunks in one frame: none for a ping, the end or a command record. */
  @SuppressWarnings("unchecked")
  List<Chunk> chunks(StreamHttp.Frame frame) {
    List<Chunk> chunks = new ArrayList<>();
    if (version == StreamVersion.V1) {
      if (frame.id != null) {
        chunks.add(new Chunk(frame.id, null, frame.json()));
      }
      return chunks;
    }
    if (!"batch".equals(frame.event)) {
      return chunks;
    }
    for (Map<String, Object> record : frame.records()) {
      if (isCommand(record)) {
        continue;
      }
      Map<String, Object> body = parse((String) record.get("body"));
      chunks.add(new Chunk(seq(record), (String) body.get("id"),
          (Map<String, Object>) body.get("data")));
    }
    return chunks;
  }

  /** Whether an S2 record is a command record: its first header's name is empty. */
  @SuppressWarnings("unchecked")
  static boolean isCommand(Map<String, Object> record) {
    List<List<String>> headers = (List<List<String>>) record.get("headers");
    return headers != null && !headers.isEmpty() && headers.get(0).get(0).isEmpty();
  }

  /** An S2 record's seq_num, as text. */
  static String seq(Map<String, Object> record) {
    return Long.toString(((Number) record.get("seq_num")).longValue());
  }

  /** The text deltas joined. */
  static String text(List<Chunk> chunks) {
    return chunks.stream().filter(c -> c.type().equals("text-delta"))
        .map(c -> (String) c.event.get("delta")).collect(Collectors.joining());
  }

  static List<String> types(List<Chunk> chunks) {
    return chunks.stream().map(Chunk::type).collect(Collectors.toList());
  }

  /** The assistant messages of the session. */
  List<Object> replies(String sessionId) {
    return messages(sessionId).stream().filter(m -> "assistant".equals(m.get("role")))
        .map(m -> m.get("content")).collect(Collectors.toList());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try {
      return (Map<String, Object>) MOSHI.adapter(Object.class).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
