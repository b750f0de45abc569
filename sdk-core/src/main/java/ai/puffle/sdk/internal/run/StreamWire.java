package ai.puffle.sdk.internal.run;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Turns a stream's server-sent events into chunks, for both of Trigger.dev's wire versions, and
 * keeps the resume cursor across connections (as {@code runStream.ts}'s {@code
 * SSEStreamSubscription} reads them).
 *
 * <ul>
 *   <li><b>v1</b> (Redis; {@code X-Stream-Version} absent or {@code v1}): each event's data is
 *       one chunk; the cursor is the last event id. The server writes every line of one Redis
 *       entry under that entry's id, so a connection lost inside an entry resumes after it, as
 *       with Trigger.dev's own client.
 *   <li><b>v2</b> (S2; any other version): {@code event: batch} events hold {@code
 *       {"records":[{"seq_num","timestamp","body","headers"}]}}. Command records (first header
 *       name empty) are skipped, records are de-duplicated by their body's {@code id}, and the
 *       chunk is the body's {@code data}; records without one (control records) are skipped, and
 *       a body that is no envelope is delivered as it is. The cursor is the last record's {@code
 *       seq_num} (skipped ones included); the server resumes after it. {@code event: ping} is a
 *       ping, {@code event: error} a failed read, {@code data: [DONE]} the end.
 * </ul>
 *
 * <p>A new connection never repeats a chunk: events at or before the cursor it was opened with
 * are skipped, should a server replay them. Not thread-safe: one connection at a time feeds it.
 */
final class StreamWire {
  /** Body ids remembered for de-duplication (as the TypeScript client). */
  static final int SEEN_IDS = 5000;
  /** Longest id kept as a cursor; one that is longer or not plain ASCII is not resumed from. */
  static final int MAX_ID_CHARS = 200;

  /** What one event was. */
  enum Kind {
    DATA,
    PING,
    ERROR,
    DONE,
    IGNORED
  }

  /** Receives the chunks an event holds, with the size of the text each came from. */
  interface Sink {
    void chunk(Object json, int size);
  }

  private boolean v2;
  private String cursor;
  private String floor;
  private final LinkedHashSet<String> seen = new LinkedHashSet<>();

  /** A connection answered; {@code versionHeader} is its {@code X-Stream-Version} (or null). */
  void connected(String versionHeader) {
    v2 = versionHeader != null && !"v1".equals(versionHeader.trim());
    floor = cursor;
  }

  /** The {@code Last-Event-ID} to send, or null before anything was read. */
  String cursor() {
    return cursor;
  }

  /** One event of the current connection; its chunks go to {@code sink}. */
  Kind onEvent(String id, String type, String data, Sink sink) {
    return v2 ? v2Event(type, data, sink) : v1Event(id, data, sink);
  }

  private Kind v1Event(String id, String data, Sink sink) {
    if (id != null && floor != null && compareRedisIds(id, floor) <= 0) {
      return Kind.IGNORED; // replayed from before where this connection was asked to start
    }
    if (id != null && plain(id)) {
      cursor = id;
    }
    sink.chunk(decode(data), data.length());
    return Kind.DATA;
  }

  private Kind v2Event(String type, String data, Sink sink) {
    if ("ping".equals(type)) {
      return Kind.PING;
    }
    if ("error".equals(type)) {
      return Kind.ERROR;
    }
    if (type == null || "message".equals(type)) {
      return "[DONE]".equals(data.trim()) ? Kind.DONE : Kind.IGNORED;
    }
    if (!"batch".equals(type)) {
      return Kind.IGNORED;
    }
    Object batch = decode(data);
    Object records = batch instanceof Map ? ((Map<?, ?>) batch).get("records") : null;
    if (!(records instanceof List)) {
      return Kind.IGNORED;
    }
    long floorSeq = seq(floor);
    for (Object r : (List<?>) records) {
      if (r instanceof Map) {
        record((Map<?, ?>) r, floorSeq, sink);
      }
    }
    return Kind.DATA;
  }

  private void record(Map<?, ?> record, long floorSeq, Sink sink) {
    Object n = record.get("seq_num");
    if (!(n instanceof Number)) {
      return;
    }
    long seq = ((Number) n).longValue();
    if (floorSeq >= 0 && seq <= floorSeq) {
      return; // replayed
    }
    if (seq > seq(cursor)) {
      cursor = Long.toString(seq);
    }
    if (isCommand(record.get("headers"))) {
      return;
    }
    Object body = record.get("body");
    if (!(body instanceof String) || ((String) body).isEmpty()) {
      return; // a control record
    }
    String text = (String) body;
    Object envelope = decode(text);
    if (envelope instanceof Map) {
      Map<?, ?> e = (Map<?, ?>) envelope;
      Object id = e.get("id");
      if (id instanceof String && !remember((String) id)) {
        return; // written twice
      }
      if (e.containsKey("data")) {
        sink.chunk(e.get("data"), text.length());
      }
      return;
    }
    sink.chunk(envelope, text.length());
  }

  /** S2 command records (trim, fence) have a first header with an empty name. */
  private static boolean isCommand(Object headers) {
    if (!(headers instanceof List) || ((List<?>) headers).isEmpty()) {
      return false;
    }
    Object first = ((List<?>) headers).get(0);
    return first instanceof List && !((List<?>) first).isEmpty() && "".equals(((List<?>) first).get(0));
  }

  private boolean remember(String id) {
    if (!seen.add(id)) {
      return false;
    }
    if (seen.size() > SEEN_IDS) {
      Iterator<String> oldest = seen.iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  /** The chunk {@code text} holds: its JSON value, or the text itself when it is not JSON. */
  static Object decode(String text) {
    try {
      return RunFields.json(text);
    } catch (IllegalArgumentException notJson) {
      return text;
    }
  }

  private static long seq(String cursor) {
    if (cursor == null) {
      return -1;
    }
    try {
      return Long.parseLong(cursor);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Orders Redis stream ids ({@code <ms>-<seq>}); 1 (no skipping) when either is not one. */
  static int compareRedisIds(String a, String b) {
    long[] x = redisId(a);
    long[] y = redisId(b);
    if (x == null || y == null) {
      return 1;
    }
    int c = Long.compare(x[0], y[0]);
    return c != 0 ? c : Long.compare(x[1], y[1]);
  }

  private static long[] redisId(String id) {
    int dash = id.indexOf('-');
    try {
      return dash < 0 ? new long[] {Long.parseLong(id), 0}
          : new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Whether {@code id} can be sent back as a header: visible ASCII, not too long. */
  private static boolean plain(String id) {
    if (id.isEmpty() || id.length() > MAX_ID_CHARS) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }
}
