package ai.puffle.sdk.testkit.internal.trigger;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a stream request starts, from its {@code Last-Event-ID}, read the way each of Trigger.dev's
 * backends reads it.
 *
 * <ul>
 *   <li>v1 (Redis {@code XREAD}): none or {@code 0} from the beginning; an id {@code <ms>-<seq>}
 *       (or {@code <ms>}, meaning {@code <ms>-0}) resumes with the first record after it; {@code
 *       $} with the records written from now on; anything else is not a stream id (Redis refuses
 *       it and Trigger.dev breaks the response off).
 *   <li>v2 ({@code parseLastEventId}): the digits before the first {@code -} are a seq_num, and
 *       the read starts at seq_num + 1 (clamped to the stream's tail); none, an empty value or one
 *       that is not a number starts at 0. S2's own SSE ids ({@code <seq>,<count>,<bytes>}) are not
 *       numbers there: a client that sends one back reads the stream again from the start.
 * </ul>
 */
final class StreamCursor {
  private static final Pattern REDIS_ID = Pattern.compile("(\\d{1,19})(?:-(\\d{1,19}))?");
  private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

  /** v1: the id to resume after, as {ms, seq}; null from the beginning. */
  private final long[] after;
  /** v1: only records written from now on ({@code $}). */
  final boolean fromTail;
  /** v1: the id was not a stream id. */
  final boolean invalid;
  /** v2: the first seq_num asked for (before clamping to the tail). */
  final long fromSeq;

  private StreamCursor(long[] after, boolean fromTail, boolean invalid, long fromSeq) {
    this.after = after;
    this.fromTail = fromTail;
    this.invalid = invalid;
    this.fromSeq = fromSeq;
  }

  /** A v1 request's cursor. */
  static StreamCursor v1(String lastEventId) {
    if (lastEventId == null || lastEventId.isEmpty() || lastEventId.equals("0")) {
      return new StreamCursor(null, false, false, 0);
    }
    if (lastEventId.equals("$")) {
      return new StreamCursor(null, true, false, 0);
    }
    Matcher id = REDIS_ID.matcher(lastEventId);
    if (!id.matches()) {
      return new StreamCursor(null, false, true, 0);
    }
    long seq = id.group(2) == null ? 0 : Long.parseLong(id.group(2));
    return new StreamCursor(new long[] {Long.parseLong(id.group(1)), seq}, false, false, 0);
  }

  /** A v2 request's cursor. */
  static StreamCursor v2(String lastEventId) {
    long from = 0;
    if (lastEventId != null && !lastEventId.isEmpty()) {
      String digits = lastEventId.split("-", -1)[0].trim();
      if (digits.isEmpty()) {
        from = 1; // Number("") is 0 in JavaScript
      } else if (DIGITS.matcher(digits).matches()) {
        from = Long.parseLong(digits) + 1;
      }
    }
    return new StreamCursor(null, false, false, from);
  }

  /** v1: whether the record with Redis id {@code redisId} comes after the cursor. */
  boolean admits(String redisId) {
    if (after == null) {
      return true;
    }
    int dash = redisId.indexOf('-');
    long ms = Long.parseLong(redisId.substring(0, dash));
    long seq = Long.parseLong(redisId.substring(dash + 1));
    return ms > after[0] || (ms == after[0] && seq > after[1]);
  }
}
