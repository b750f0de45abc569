package ai.puffle.sdk.internal.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * A client's side of one Electric shape (the protocol of Electric's TypeScript client, which the
 * realtime run feed speaks): the handle, offset and cursor sent back with each request, the
 * schema, and the rows. No I/O: {@link ShapeFeed} sends the requests and hands the responses
 * here.
 *
 * <ul>
 *   <li>The first request is {@code offset=-1}; then catch-up requests ({@code handle}, {@code
 *       offset}) until an {@code up-to-date} control message; after that every request is live
 *       ({@code live=true}, {@code cursor}).
 *   <li>Handle, offset and cursor are taken from every response that carries them ({@code
 *       electric-handle}/{@code electric-offset}, or the legacy {@code electric-shape-id}/{@code
 *       electric-chunk-last-offset}); the schema is the first one seen since the last reset.
 *   <li>Changes are applied as they come (an update merges into the row) and reported at the next
 *       {@code up-to-date}.
 *   <li>A 409 or a {@code must-refetch} message resets the shape: offset {@code -1}, the new
 *       handle, no schema, no rows.
 * </ul>
 */
final class ShapeLog {
  static final String INITIAL_OFFSET = "-1";

  private String handle;
  private String offset = INITIAL_OFFSET;
  private String cursor = "";
  private ShapeValues schema;
  private boolean upToDate;
  private boolean dirty;
  private int resets;
  private final Map<String, Map<String, Object>> rows = new LinkedHashMap<>();

  /** What one response changed. */
  enum Outcome {
    /** Nothing to report (a catch-up chunk, a bare up-to-date, a 204). */
    NOTHING_NEW,
    /** The rows changed and the shape is up to date: report the row. */
    CHANGED,
    /** A must-refetch: the shape was reset. */
    RESET
  }

  /** Whether the next request is live (an up-to-date was seen since the last reset). */
  boolean isLive() {
    return upToDate;
  }

  /** Resets since the shape was last up to date (a loop of them is a problem). */
  int resetsInARow() {
    return resets;
  }

  /** The next request's URL: {@code feed} with the protocol's parameters, sorted as Electric's client sorts them. */
  HttpUrl nextUrl(HttpUrl feed) {
    HttpUrl.Builder url = feed.newBuilder();
    if (upToDate) {
      url.addQueryParameter("cursor", cursor);
    }
    if (handle != null) {
      url.addQueryParameter("handle", handle);
    }
    if (upToDate) {
      url.addQueryParameter("live", "true");
    }
    url.addQueryParameter("log", "full");
    url.addQueryParameter("offset", offset);
    return url.build();
  }

  /**
   * Reads a 200's body. {@code live} says whether the request was live.
   *
   * @throws UnreadableResponse when a required header is missing or the schema or body cannot be
   *     read
   */
  Outcome onOk(Headers headers, String body, boolean live) throws UnreadableResponse {
    String h = header(headers, "electric-handle", "electric-shape-id");
    String o = header(headers, "electric-offset", "electric-chunk-last-offset");
    if (h == null || o == null) {
      throw new UnreadableResponse("the feed's response has no electric-handle or electric-offset header");
    }
    String schemaHeader = headers.get("electric-schema");
    if (!live && schemaHeader == null) {
      throw new UnreadableResponse("the feed's response has no electric-schema header");
    }
    takeHeaders(headers);
    if (schema == null && schemaHeader != null) {
      try {
        schema = ShapeValues.parse(schemaHeader);
      } catch (IllegalArgumentException e) {
        throw new UnreadableResponse("the feed's electric-schema cannot be read: " + e.getMessage());
      }
    }
    return apply(ShapeMessages.parse(body));
  }

  /** A 204 (deprecated): no changes, the shape is up to date. */
  void onNoContent(Headers headers) {
    takeHeaders(headers);
    upToDate = true;
    resets = 0;
  }

  /** A 409: start again from offset -1 with the handle it names (or, as Electric did, {@code <handle>-next}). */
  void onMustRefetch(Headers headers) {
    String next = header(headers, "electric-handle", "electric-shape-id");
    reset(next != null ? next : handle == null ? null : handle + "-next");
  }

  /** The run's row: the one whose {@code friendlyId} is {@code runId}, else the first; null if none. */
  Map<String, Object> row(String runId) {
    Map<String, Object> first = null;
    for (Map<String, Object> r : rows.values()) {
      if (runId.equals(r.get("friendlyId"))) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(r));
      }
      first = first == null ? r : first;
    }
    return first == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(first));
  }

  private void takeHeaders(Headers headers) {
    String h = header(headers, "electric-handle", "electric-shape-id");
    String o = header(headers, "electric-offset", "electric-chunk-last-offset");
    String c = headers.get("electric-cursor");
    handle = h != null ? h : handle;
    offset = o != null ? o : offset;
    cursor = c != null ? c : cursor;
  }

  private Outcome apply(List<ShapeMessages.Message> messages) throws UnreadableResponse {
    for (ShapeMessages.Message m : messages) {
      if (m.control != null) {
        if (m.control.equals("must-refetch")) {
          reset(handle);
          return Outcome.RESET;
        }
        if (m.control.equals("up-to-date")) {
          upToDate = true;
          resets = 0;
        }
        continue;
      }
      change(m);
    }
    if (upToDate && dirty) {
      dirty = false;
      return Outcome.CHANGED;
    }
    return Outcome.NOTHING_NEW;
  }

  private void change(ShapeMessages.Message m) throws UnreadableResponse {
    if ("delete".equals(m.operation)) {
      dirty |= rows.remove(m.key) != null;
      return;
    }
    if (!"insert".equals(m.operation) && !"update".equals(m.operation)) {
      return; // an operation this client does not know: ignored, as Electric's client does
    }
    Map<String, Object> row = "update".equals(m.operation) ? rows.get(m.key) : null;
    row = row == null ? new LinkedHashMap<>() : row;
    for (Map.Entry<String, Object> e : m.value.entrySet()) {
      try {
        row.put(e.getKey(), schema == null ? e.getValue() : schema.decode(e.getKey(), e.getValue()));
      } catch (IllegalArgumentException bad) {
        throw new UnreadableResponse("the feed sent a row where " + bad.getMessage());
      }
    }
    rows.put(m.key, row);
    dirty = true;
  }

  private void reset(String newHandle) {
    handle = newHandle;
    offset = INITIAL_OFFSET;
    cursor = "";
    schema = null;
    upToDate = false;
    dirty = false;
    rows.clear();
    resets++;
  }

  private static String header(Headers headers, String name, String legacy) {
    String v = headers.get(name);
    return v != null ? v : headers.get(legacy);
  }
}
