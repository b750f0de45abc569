package ai.puffle.sdk.testkit.internal.trigger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One record of a run's stream, as both wire versions carry it: a data chunk (a ChatStreamEvent's
 * JSON) or an S2 command record, with its v2 sequence number and timestamp, its v1 Redis id and
 * its v2 body id. Written at {@link #due}. Immutable.
 */
final class StreamRecord {
  /** An S2 trim command's body: the trim point (0) as 8 big-endian bytes, read as UTF-8. */
  private static final String TRIM_TO_START = "\0\0\0\0\0\0\0\0";

  /** When the task writes it (emulator time). */
  final Instant due;
  /** The chunk's JSON text; null for a command record. */
  final String chunk;
  /** The S2 command ({@code fence}, {@code trim}); null for a data record. */
  final String command;
  /** Its S2 sequence number (every record has one). */
  final long seqNum;
  /** Its Redis stream id, {@code <ms>-<seq>}; null for a command record (v1 has none). */
  final String redisId;
  /** The id inside its v2 body, {@code {"data":…,"id":…}}; null for a command record. */
  final String bodyId;

  private StreamRecord(
      Instant due, String chunk, String command, long seqNum, String redisId, String bodyId) {
    this.due = due;
    this.chunk = chunk;
    this.command = command;
    this.seqNum = seqNum;
    this.redisId = redisId;
    this.bodyId = bodyId;
  }

  static StreamRecord data(Instant due, String chunk, long seqNum, String redisId, String bodyId) {
    return new StreamRecord(due, chunk, null, seqNum, redisId, bodyId);
  }

  static StreamRecord command(Instant due, String command, long seqNum) {
    return new StreamRecord(due, null, command, seqNum, null, null);
  }

  boolean isData() {
    return chunk != null;
  }

  /** The v2 record body: {@code {"data":<chunk>,"id":"<bodyId>"}}, or the command's payload. */
  String body() {
    if (isData()) {
      return "{\"data\":" + chunk + ",\"id\":\"" + bodyId + "\"}";
    }
    return "trim".equals(command) ? TRIM_TO_START : "";
  }

  /** The v2 timestamp: milliseconds since the epoch. */
  long timestamp() {
    return due.toEpochMilli();
  }

  /** S2's metered size: 8 bytes, 2 per header, the headers' names and values, and the body. */
  long meteredBytes() {
    long size = 8 + body().getBytes(StandardCharsets.UTF_8).length;
    return isData() ? size : size + 2 + command.length();
  }

  @Override
  public String toString() {
    return "StreamRecord{" + seqNum + (isData() ? " " + redisId : " " + command) + "}";
  }
}
