package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.StreamVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.BufferedSink;

/**
 * The server-sent events of one stream connection, in its wire version, as Trigger.dev's servers
 * write them.
 *
 * <ul>
 *   <li>v1 (Redis): {@code id: <ms>-<seq>\ndata: <chunk>\n\n} per data record (command records do
 *       not exist there), {@code : ping\n\n} comments, and the body simply ends.
 *   <li>v2 (S2, passed through by Trigger.dev): {@code event: batch\nid: <seq>,<count>,<bytes>\n
 *       data: {"records":[…]}\n\n} where each record is {@code {"seq_num", "timestamp",
 *       "headers"?, "body"}} (headers only on command records: {@code [["", "fence"]]}), {@code
 *       event: ping\ndata: {"timestamp": ms}\n\n}, and {@code data: [DONE]\n\n} last.
 * </ul>
 *
 * <p>Keeps the v2 session's running count and metered bytes for the batch ids. Not thread-safe:
 * one per connection.
 */
final class SseFrames {
  private static final String GARBAGE = "{\"type\": <oops> this is not JSON";

  private final StreamVersion version;
  private final TriggerJson json;
  private long count;
  private long bytes;

  SseFrames(StreamVersion version, TriggerJson json) {
    this.version = version;
    this.json = json;
  }

  /**
   * Writes {@code records} (v1: only the data records; v2: one batch, none if empty), each twice
   * when {@code twice}. Does not flush.
   */
  void records(BufferedSink sink, List<StreamRecord> records, boolean twice) throws IOException {
    if (version == StreamVersion.V1) {
      for (StreamRecord record : records) {
        if (record.isData()) {
          for (int copy = twice ? 2 : 1; copy > 0; copy--) {
            sink.writeUtf8("id: ").writeUtf8(record.redisId)
                .writeUtf8("\ndata: ").writeUtf8(record.chunk).writeUtf8("\n\n");
          }
        }
      }
      return;
    }
    if (records.isEmpty()) {
      return;
    }
    List<Object> batch = new ArrayList<>();
    for (StreamRecord record : records) {
      for (int copy = twice && record.isData() ? 2 : 1; copy > 0; copy--) {
        batch.add(s2Record(record));
        count++;
        bytes += record.meteredBytes();
      }
    }
    long last = records.get(records.size() - 1).seqNum;
    sink.writeUtf8("event: batch\nid: ").writeUtf8(last + "," + count + "," + bytes)
        .writeUtf8("\ndata: ").writeUtf8(json.write(Map.of("records", batch)))
        .writeUtf8("\n\n");
  }

  /** A keep-alive: v1 a {@code : ping} comment, v2 S2's {@code event: ping}. */
  void ping(BufferedSink sink, long epochMillis) throws IOException {
    if (version == StreamVersion.V1) {
      sink.writeUtf8(": ping\n\n");
    } else {
      sink.writeUtf8("event: ping\ndata: {\"timestamp\":").writeUtf8(Long.toString(epochMillis))
          .writeUtf8("}\n\n");
    }
  }

  /** The end of the session: nothing in v1, S2's {@code data: [DONE]} in v2. */
  void end(BufferedSink sink) throws IOException {
    if (version == StreamVersion.V2) {
      sink.writeUtf8("data: [DONE]\n\n");
    }
  }

  /** An event whose data is not JSON (v1 without an id, v2 as a batch). */
  void garbage(BufferedSink sink) throws IOException {
    if (version == StreamVersion.V2) {
      sink.writeUtf8("event: batch\ndata: {\"records\": <oops> this is not JSON\n\n");
    } else {
      sink.writeUtf8("data: ").writeUtf8(GARBAGE).writeUtf8("\n\n");
    }
  }

  private static Map<String, Object> s2Record(StreamRecord record) {
    Map<String, Object> s2 = new LinkedHashMap<>();
    s2.put("seq_num", record.seqNum);
    s2.put("timestamp", record.timestamp());
    if (!record.isData()) {
      s2.put("headers", List.of(List.of("", record.command)));
    }
    String body = record.body();
    if (!body.isEmpty()) {
      s2.put("body", body);
    }
    return s2;
  }
}
