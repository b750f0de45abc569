package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.StreamVersion;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;

/**
 * {@code GET /realtime/v1/streams/{runId}/{key}} once the token and the run are checked: checks
 * {@code Timeout-Seconds} as Trigger.dev's route does, and answers with the run's stream in the
 * run's wire version. A key the run's task does not write is an empty stream (Redis and S2 have
 * nothing under it), which ends like the others: when the run is over, or after the idle time.
 */
final class RunStreams {
  private static final Headers V1_HEADERS = Headers.of(
      "Content-Type", "text/event-stream",
      "Cache-Control", "no-cache");
  private static final Headers V2_HEADERS = Headers.of(
      "Content-Type", "text/event-stream",
      "Cache-Control", "no-cache",
      "X-Stream-Version", "v2",
      "Access-Control-Expose-Headers", "*");
  private static final Headers TEXT = Headers.of("Content-Type", "text/plain;charset=UTF-8");
  /** JavaScript's parseInt: leading blanks, a sign, then digits (the rest ignored). */
  private static final Pattern PARSE_INT = Pattern.compile("\\s*([+-]?\\d{1,9}).*", Pattern.DOTALL);

  private final RunRegistry runs;

  RunStreams(RunRegistry runs) {
    this.runs = runs;
  }

  /** The answer for {@code run}'s stream {@code key}; {@code fault} shapes the stream, or null. */
  TriggerAnswer answer(RunRecord run, String key, Headers headers, Fault fault) {
    String rawTimeout = headers.get("Timeout-Seconds");
    Integer timeout = null;
    if (rawTimeout != null && !rawTimeout.isEmpty()) {
      Matcher number = PARSE_INT.matcher(rawTimeout);
      if (!number.matches()) {
        return text(400, "Invalid timeout seconds");
      }
      timeout = Integer.parseInt(number.group(1));
      if (timeout < 0) { // 0 passes Trigger.dev's checks (it is falsy there)
        return text(400, "Timeout seconds must be greater than 0");
      }
      if (timeout > 600) {
        return text(400, "Timeout seconds must be less than 600");
      }
    }
    StreamVersion version = run.streamVersion();
    String lastEventId = headers.get("Last-Event-ID");
    Duration idle;
    StreamCursor cursor;
    if (version == StreamVersion.V1) {
      idle = timeout != null && timeout > 0 ? Duration.ofSeconds(timeout) : StreamWriter.V1_IDLE;
      cursor = StreamCursor.v1(lastEventId);
    } else {
      idle = timeout != null ? Duration.ofSeconds(timeout) : StreamWriter.V2_WAIT;
      cursor = StreamCursor.v2(lastEventId);
    }
    RunStream stream = run.stream() != null && run.stream().key.equals(key) ? run.stream() : null;
    StreamWriter writer =
        new StreamWriter(runs, run, stream, cursor, idle, StreamMode.of(fault));
    return TriggerAnswer.stream(version == StreamVersion.V1 ? V1_HEADERS : V2_HEADERS, writer);
  }

  private static TriggerAnswer text(int status, String message) {
    return new TriggerAnswer(status, TEXT, message, null);
  }
}
