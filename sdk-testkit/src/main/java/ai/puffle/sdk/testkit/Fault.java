package ai.puffle.sdk.testkit;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One injected failure, as an immutable value. Hand it to {@link Faults} to aim it at requests.
 *
 * <p>Every fault says whether the emulator still <em>processes</em> the request ({@link
 * #processed()}): a fault before processing changes nothing on the server (a {@code 500} on
 * {@code /turn} releases the claim, records no turn and leaves {@code task_status} null, as
 * Puffle documents), while a fault after processing happens once the work is done (the turn is
 * accepted, only the response is lost or damaged). Each factory documents its default; {@link
 * #afterProcessing()} and {@link #beforeProcessing()} change it where that makes sense.
 */
public final class Fault {
  /** The kinds of fault. */
  public enum Kind {
    /** An HTTP error status with a JSON body {@code {"error": "..."}}. */
    STATUS,
    /** An HTTP error status with an HTML page, as a proxy or load balancer sends. */
    HTML_PAGE,
    /** A {@code 200} whose body is not JSON at all. */
    MALFORMED_JSON,
    /** The body cut in half, with a matching Content-Length (ends cleanly, invalid JSON). */
    TRUNCATED_JSON,
    /** The connection is closed before any byte of the response. */
    DISCONNECT,
    /** The connection is closed halfway through the response body. */
    DISCONNECT_MID_BODY,
    /** The response never completes: the client's read timeout has to fire. */
    STALL,
    /** The whole response is held back for a wall-clock delay, then sent. */
    DELAY,
    /** The task is accepted but ends without a reply: task_status cleared, nothing produced. */
    TASK_WITHOUT_REPLY,
    /** The task is accepted and never ends: task_status stays set until cleared by PATCH. */
    TASK_NEVER_FINISHES,
    /** The run's realtime feed is rotated: a new shape handle, and {@code 409} must-refetch. */
    MUST_REFETCH,
    /** The run's public access token expires: this and every later request with it get 401. */
    TOKEN_EXPIRED,
    /** A run's stream connection drops after a number of chunks. */
    STREAM_DROPPED,
    /** A run's stream sends every chunk twice (the same id, the same record). */
    STREAM_DUPLICATES,
    /** A run's stream stops writing after a number of chunks, pings included, and stays open. */
    STREAM_STALLED,
    /** The turn's judge rejects the skeleton: the session keeps its previous skeleton. */
    JUDGE_REJECTS
  }

  private final Kind kind;
  private final int status;
  private final String message;
  private final Map<String, String> headers;
  private final Duration delay;
  private final boolean processed;
  private final int events;

  private Fault(
      Kind kind,
      int status,
      String message,
      Map<String, String> headers,
      Duration delay,
      boolean processed,
      int events) {
    this.kind = kind;
    this.status = status;
    this.message = message;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.delay = delay;
    this.processed = processed;
    this.events = events;
  }

  private static Fault of(Kind kind, int status, String message, boolean processed) {
    return new Fault(kind, status, message, Map.of(), null, processed, 0);
  }

  private static Fault stream(Kind kind, int events) {
    if (events < 0) {
      throw new IllegalArgumentException("events must be >= 0: " + events);
    }
    return new Fault(kind, 0, null, Map.of(), null, true, events);
  }

  /**
   * An error status with {@code {"error": "<standard text>"}} ({@code 500} "Internal server
   * error", {@code 502} "Bad gateway", ...). Before processing.
   *
   * @throws IllegalArgumentException if the code is not between 400 and 599
   */
  public static Fault status(int code) {
    return status(code, defaultMessage(code));
  }

  /** An error status with {@code {"error": message}}. Before processing. */
  public static Fault status(int code, String message) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("an error status is 400..599: " + code);
    }
    return of(Kind.STATUS, code, Objects.requireNonNull(message, "message"), false);
  }

  /** {@code 429} without a Retry-After header. Before processing. */
  public static Fault rateLimited() {
    return status(429);
  }

  /** {@code 429} with {@code Retry-After: <whole seconds>}. Before processing. */
  public static Fault rateLimited(Duration retryAfter) {
    long seconds = Math.max(0, (retryAfter.toMillis() + 999) / 1000);
    return status(429).withHeader("Retry-After", Long.toString(seconds));
  }

  /** An HTML error page with the given status (for example 502 from a proxy). Before processing. */
  public static Fault htmlPage(int code) {
    if (code < 400 || code > 599) {
      throw new IllegalArgumentException("an error status is 400..599: " + code);
    }
    return of(Kind.HTML_PAGE, code, defaultMessage(code), false);
  }

  /**
   * A {@code 200} with a body that is not JSON. After processing. On {@link Operation#READ_STREAM}:
   * the stream starts with one event whose data is not JSON (v1 without an id, v2 an {@code
   * event: batch} whose data is not JSON), then goes on as usual; no chunk is lost.
   */
  public static Fault malformedJson() {
    return of(Kind.MALFORMED_JSON, 200, null, true);
  }

  /**
   * The real response with its JSON body cut in half. After processing. A stream has no single
   * JSON body: {@link Faults#next} refuses it for {@link Operation#READ_STREAM}, and when {@link
   * Faults#nextRequest} lands it on a stream it acts like {@link #malformedJson()}.
   */
  public static Fault truncatedJson() {
    return of(Kind.TRUNCATED_JSON, 200, null, true);
  }

  /**
   * The connection is dropped before any response byte; the request is not processed (nothing
   * changes on the server).
   */
  public static Fault disconnect() {
    return of(Kind.DISCONNECT, 0, null, false);
  }

  /**
   * The request is processed (for {@code /turn}: the turn is accepted and runs), then the
   * connection is dropped before the response: the client cannot know the outcome.
   */
  public static Fault disconnectAfterProcessing() {
    return of(Kind.DISCONNECT, 0, null, true);
  }

  /**
   * The real response's connection is dropped halfway through its body. After processing. On
   * {@link Operation#READ_STREAM}: {@code dropStreamAfter(1)}.
   */
  public static Fault disconnectMidBody() {
    return of(Kind.DISCONNECT_MID_BODY, 0, null, true);
  }

  /**
   * The response never arrives, so the client's read timeout fires. Before processing: nothing
   * is sent. {@code stall().afterProcessing()} processes the request, sends the status line and
   * headers, and holds the body back (on {@link Operation#READ_STREAM}: {@code
   * stallStreamAfter(0)}).
   */
  public static Fault stall() {
    return of(Kind.STALL, 0, null, false);
  }

  /** The real response, sent after a wall-clock delay (not scaled, not virtual). Processed. */
  public static Fault delay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("negative delay: " + delay);
    }
    return new Fault(Kind.DELAY, 0, null, Map.of(), delay, true, 0);
  }

  /**
   * For {@link Operation#RUN_TURN} and {@link Operation#GENERATE_EXAMPLES}: the task is accepted
   * and ends when due without producing anything (a turn keeps the user message but gets no
   * assistant message; examples are not written); task_status returns to null.
   */
  public static Fault taskWithoutReply() {
    return of(Kind.TASK_WITHOUT_REPLY, 0, null, true);
  }

  /**
   * For {@link Operation#RUN_TURN} and {@link Operation#GENERATE_EXAMPLES}: the task is accepted
   * and never ends; task_status stays set until a PATCH sets it to null.
   */
  public static Fault taskNeverFinishes() {
    return of(Kind.TASK_NEVER_FINISHES, 0, null, true);
  }

  /**
   * For {@link Operation#SUBSCRIBE_TO_RUN}: the run's feed is rotated, as when Electric drops a
   * shape. The run gets a new shape handle; this request is answered {@code 409} with the new
   * handle in {@code electric-handle} and the body
   * {@code [{"headers":{"control":"must-refetch"}}]}, and so is every later request that still
   * sends the old handle, until the client starts again from {@code offset=-1}.
   */
  public static Fault mustRefetch() {
    return of(Kind.MUST_REFETCH, 409, null, true);
  }

  /**
   * For {@link Operation#SUBSCRIBE_TO_RUN}, {@link Operation#RETRIEVE_RUN} and {@link
   * Operation#READ_STREAM}: the public access token this request carries expires now. The request
   * and every later one with that token, on any of these endpoints, get {@code 401} {@code
   * {"error": "Public Access Token has expired."}}; tokens of other runs are not affected, and a
   * stream already open goes on (tokens are checked when a request arrives). (Tokens also expire
   * by themselves an hour after their run was created, in emulator time.)
   */
  public static Fault tokenExpired() {
    return of(Kind.TOKEN_EXPIRED, 401, null, false);
  }

  /**
   * For {@link Operation#READ_STREAM}: the stream's connection is dropped (closed without ending
   * the response) right after {@code events} chunks were written; {@code 0} drops it after the
   * status line and headers. Chunks are what a reader sees: v1 events with an id, v2 data records
   * (command records and pings are not counted). The request is processed: reconnecting with
   * {@code Last-Event-ID} loses nothing.
   *
   * @throws IllegalArgumentException if {@code events} is negative
   */
  public static Fault dropStreamAfter(int events) {
    return stream(Kind.STREAM_DROPPED, events);
  }

  /**
   * For {@link Operation#READ_STREAM}: every chunk of the stream's connection is sent twice, as
   * a replaying server would: in v1 the event again with the same {@code id}, in v2 the record
   * again (same {@code seq_num}, same body id) in the same batch. A reader has to drop the copies
   * (v1: by id; v2: by the body's {@code id}, as Trigger.dev's SDK does).
   */
  public static Fault duplicateStreamEvents() {
    return stream(Kind.STREAM_DUPLICATES, 0);
  }

  /**
   * For {@link Operation#READ_STREAM}: the stream's connection writes {@code events} chunks and
   * then nothing at all, not even pings, while it stays open (until the client gives up or the
   * emulator closes), so only the client's idle timeout ends it.
   *
   * @throws IllegalArgumentException if {@code events} is negative
   */
  public static Fault stallStreamAfter(int events) {
    return stream(Kind.STREAM_STALLED, events);
  }

  /**
   * For {@link Operation#RUN_TURN}: the turn's judge rejects the skeleton the model wrote. The
   * turn still completes with the model's reply, but the session keeps its previous skeleton and
   * draft ({@code skeleton_updated} stays false, as Puffle documents: the skeleton is the last one
   * that passed), and the turn's stream shows {@code updateSkeleton} failing the judge. A turn
   * whose reply has no skeleton is not affected.
   */
  public static Fault judgeRejects() {
    return of(Kind.JUDGE_REJECTS, 0, null, true);
  }

  /** A copy that also sends this response header (for example an HTTP-date Retry-After). */
  public Fault withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Fault(kind, status, message, copy, delay, processed, events);
  }

  /**
   * A copy that processes the request first (the server's state changes), then fails.
   *
   * @throws IllegalStateException for kinds whose timing is fixed (delays, task and run faults)
   */
  public Fault afterProcessing() {
    requireResponseFault();
    return new Fault(kind, status, message, headers, delay, true, events);
  }

  /**
   * A copy that fails without processing the request (nothing changes on the server).
   *
   * @throws IllegalStateException for kinds whose timing is fixed (delays, task and run faults)
   */
  public Fault beforeProcessing() {
    requireResponseFault();
    return new Fault(kind, status, message, headers, delay, false, events);
  }

  private void requireResponseFault() {
    if (kind == Kind.DELAY || isTaskFault() || isRunFault() || isStreamFault()) {
      throw new IllegalStateException(kind + " has a fixed timing: "
          + (processed ? "after processing" : "before processing"));
    }
  }

  /** The kind of fault. */
  public Kind kind() {
    return kind;
  }

  /** The HTTP status sent, or {@code 0} when the kind sends the real status or none. */
  public int status() {
    return status;
  }

  /** The error text of a {@link Kind#STATUS} or {@link Kind#HTML_PAGE} fault. */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(message);
  }

  /** Extra response headers, such as Retry-After. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The wall-clock delay of a {@link Kind#DELAY} fault. */
  public Optional<Duration> delay() {
    return Optional.ofNullable(delay);
  }

  /**
   * The number of chunks a {@link Kind#STREAM_DROPPED} or {@link Kind#STREAM_STALLED} fault lets
   * through first; {@code 0} for other kinds.
   */
  public int events() {
    return events;
  }

  /** Whether the emulator processes the request (changes its state) despite the fault. */
  public boolean processed() {
    return processed;
  }

  /** Whether this fault acts on the asynchronous task rather than on the HTTP response. */
  public boolean isTaskFault() {
    return kind == Kind.TASK_WITHOUT_REPLY || kind == Kind.TASK_NEVER_FINISHES
        || kind == Kind.JUDGE_REJECTS;
  }

  /**
   * Whether this fault acts on a Trigger.dev run (its feed or its token) rather than on the HTTP
   * response: {@link #mustRefetch()} and {@link #tokenExpired()}.
   */
  public boolean isRunFault() {
    return kind == Kind.MUST_REFETCH || kind == Kind.TOKEN_EXPIRED;
  }

  /**
   * Whether this fault acts on a run's stream connection ({@link Operation#READ_STREAM}) rather
   * than on an HTTP response: {@link #dropStreamAfter}, {@link #duplicateStreamEvents()}, {@link
   * #stallStreamAfter}.
   */
  public boolean isStreamFault() {
    return kind == Kind.STREAM_DROPPED || kind == Kind.STREAM_DUPLICATES
        || kind == Kind.STREAM_STALLED;
  }

  private static String defaultMessage(int code) {
    switch (code) {
      case 400:
        return "Bad request";
      case 401:
        return "Unauthorized";
      case 402:
        return "Insufficient credits";
      case 403:
        return "Forbidden";
      case 404:
        return "Not found";
      case 409:
        return "Session is busy (chat_processing)";
      case 429:
        return "Too many requests";
      case 500:
        return "Internal server error";
      case 502:
        return "Bad gateway";
      case 503:
        return "Service unavailable";
      case 504:
        return "Gateway timeout";
      default:
        return "Injected error " + code;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Fault)) {
      return false;
    }
    Fault other = (Fault) o;
    return kind == other.kind
        && status == other.status
        && processed == other.processed
        && events == other.events
        && Objects.equals(message, other.message)
        && headers.equals(other.headers)
        && Objects.equals(delay, other.delay);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, status, message, headers, delay, processed, events);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Fault{").append(kind);
    if (status != 0) {
      text.append(' ').append(status);
    }
    if (!headers.isEmpty()) {
      text.append(' ').append(headers);
    }
    if (delay != null) {
      text.append(' ').append(delay);
    }
    if (kind == Kind.STREAM_DROPPED || kind == Kind.STREAM_STALLED) {
      text.append(" after ").append(events).append(" chunk(s)");
    }
    return text.append(processed ? ", after processing}" : ", before processing}").toString();
  }
}
