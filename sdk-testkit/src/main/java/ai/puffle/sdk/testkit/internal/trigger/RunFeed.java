package ai.puffle.sdk.testkit.internal.trigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * {@code GET /realtime/v1/runs/{runId}} on Electric's shape protocol, for one run's row.
 *
 * <ul>
 *   <li>{@code offset=-1}: the snapshot, an {@code insert} of the whole row then {@code
 *       up-to-date}, with {@code electric-handle}, {@code electric-offset} and {@code
 *       electric-schema}.
 *   <li>{@code handle} and {@code offset}: the change-log entries after that offset as partial
 *       {@code update}s (the changed columns and {@code id}), then {@code up-to-date}.
 *   <li>{@code live=true}: the same, but held while there is nothing new, until the run changes or
 *       the hold ends ({@link #HOLD}), answered then with a bare {@code up-to-date}; live answers
 *       carry {@code electric-cursor}.
 *   <li>A handle other than the run's current one: {@code 409} with the current handle and a
 *       {@code must-refetch} control message. A malformed or unknown offset: {@code 400}.
 * </ul>
 *
 * <p>Values are strings typed by {@code electric-schema}. No {@code electric-up-to-date} header
 * is sent (Trigger.dev's native backend never sends it): clients read the control message.
 * Without {@code x-trigger-electric-version} the headers take the legacy names {@code
 * electric-shape-id} and {@code electric-chunk-last-offset}.
 */
final class RunFeed {
  /** How long a live request is held with nothing new, in service time (Electric: ~20 s). */
  static final Duration HOLD = Duration.ofSeconds(20);
  /** The shortest wall-clock hold on a scaled clock, so an idle client does not spin. */
  static final Duration MIN_WALL_HOLD = Duration.ofMillis(50);
  /** The longest wall-clock hold, on any clock: the real server's 20 s. */
  static final Duration MAX_WALL_HOLD = Duration.ofSeconds(20);

  private static final Pattern OFFSET = Pattern.compile("(\\d{1,9})_(\\d+|inf)");
  private static final Map<String, Object> UP_TO_DATE =
      Map.of("headers", Map.of("control", "up-to-date"));
  private static final Map<String, Object> MUST_REFETCH =
      Map.of("headers", Map.of("control", "must-refetch"));

  private final RunRegistry runs;
  private final RunClock clock;
  private final TriggerJson json;

  RunFeed(RunRegistry runs) {
    this.runs = runs;
    this.clock = runs.clock();
    this.json = runs.json();
  }

  /** What one request asks for. */
  private static final class Ask {
    final String offset;
    final String handle;
    final boolean live;
    final Set<String> skip;
    final String apiVersion;
    final boolean legacyHeaders;

    Ask(HttpUrl url, Headers headers) {
      String o = url.queryParameter("offset");
      this.offset = o == null ? "-1" : o;
      String h = url.queryParameter("handle");
      this.handle = h != null ? h : url.queryParameter("shape_id");
      this.live = "true".equals(url.queryParameter("live"));
      this.skip = FeedColumns.skipped(url.queryParameter("skipColumns"));
      this.apiVersion = headers.get("x-trigger-api-version");
      this.legacyHeaders = headers.get("x-trigger-electric-version") == null;
    }
  }

  /**
   * Answers one feed request for {@code run}; with {@code rotate} the run's shape is dropped first
   * (the must-refetch fault). May hold the calling thread for up to {@link #MAX_WALL_HOLD}.
   */
  TriggerAnswer answer(RunRecord run, HttpUrl url, Headers headers, boolean rotate)
      throws InterruptedException {
    Ask ask = new Ask(url, headers);
    synchronized (run) {
      run.catchUp(clock.now());
      if (rotate) {
        run.rotateHandle();
        run.notifyAll();
        return mustRefetch(run, ask);
      }
      if (ask.offset.equals("-1")) {
        return snapshot(run, ask);
      }
      if (ask.handle == null) {
        return badRequest("handle", "can't be blank when offset != -1");
      }
      if (!ask.handle.equals(run.handle())) {
        return mustRefetch(run, ask);
      }
      Matcher offset = OFFSET.matcher(ask.offset);
      if (!offset.matches()) {
        return badRequest("offset", "has invalid format");
      }
      int index = Integer.parseInt(offset.group(1));
      if (index > run.lastIndex()) {
        return badRequest("offset", "is out of bounds for this shape");
      }
      if (ask.live && index == run.lastIndex()) {
        hold(run, index, ask.handle);
        if (!ask.handle.equals(run.handle())) {
          return mustRefetch(run, ask);
        }
      }
      return changes(run, index, ask);
    }
  }

  /**
   * Waits on the run's monitor until it has entries after {@code index}, its handle changes, the
   * hold ends or the emulator closes. A virtual clock ends the hold when it has moved {@link
   * #HOLD} past the request (and after {@link #MAX_WALL_HOLD} of real time at the latest); a
   * scaled one after {@code HOLD} times the scale, between {@link #MIN_WALL_HOLD} and {@link
   * #MAX_WALL_HOLD} of real time.
   */
  private void hold(RunRecord run, int index, String handle) throws InterruptedException {
    boolean virtual = clock.isVirtual();
    Instant virtualEnd = virtual ? clock.now().plus(HOLD) : null;
    Duration wall = virtual ? MAX_WALL_HOLD : clamp(clock.wallTime(HOLD));
    long wallEnd = System.nanoTime() + wall.toNanos();
    RunRegistry.Hold held = runs.hold();
    try {
      holdUntil(run, index, handle, virtualEnd, wallEnd, held);
    } finally {
      held.release();
    }
  }

  private void holdUntil(RunRecord run, int index, String handle, Instant virtualEnd, long wallEnd,
      RunRegistry.Hold held) throws InterruptedException {
    boolean virtual = virtualEnd != null;
    while (true) {
      long move = held.moves();
      Instant now = clock.now();
      run.catchUp(now);
      if (run.lastIndex() > index || !handle.equals(run.handle()) || runs.closed()) {
        return;
      }
      if (virtual && !now.isBefore(virtualEnd)) {
        return;
      }
      long waitNanos = wallEnd - System.nanoTime();
      if (waitNanos <= 0) {
        return;
      }
      Instant next = virtual ? null : run.nextStepAt();
      if (next != null) {
        long untilStep = Math.max(Duration.between(now, next).toNanos(), 1_000_000L);
        waitNanos = Math.min(waitNanos, untilStep);
      }
      held.looked(move);
      TimeUnit.NANOSECONDS.timedWait(run, waitNanos);
    }
  }

  private static Duration clamp(Duration wall) {
    if (wall.compareTo(MIN_WALL_HOLD) < 0) {
      return MIN_WALL_HOLD;
    }
    return wall.compareTo(MAX_WALL_HOLD) > 0 ? MAX_WALL_HOLD : wall;
  }

  private TriggerAnswer snapshot(RunRecord run, Ask ask) {
    List<Object> messages = new ArrayList<>();
    messages.add(change(run, run.row(json), "insert", ask));
    messages.add(UP_TO_DATE);
    return ok(run, run.lastIndex(), ask, messages);
  }

  private TriggerAnswer changes(RunRecord run, int index, Ask ask) {
    List<Object> messages = new ArrayList<>();
    for (Map<String, Object> entry : run.changesAfter(index, json)) {
      messages.add(change(run, entry, "update", ask));
    }
    messages.add(UP_TO_DATE);
    return ok(run, run.lastIndex(), ask, messages);
  }

  private Map<String, Object> change(
      RunRecord run, Map<String, Object> typed, String operation, Ask ask) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("key", "\"public\".\"TaskRun\"/\"" + run.internalId() + "\"");
    message.put("value", FeedColumns.encode(typed, ask.skip, ask.apiVersion, json));
    message.put("headers", Map.of("operation", operation));
    return message;
  }

  private TriggerAnswer ok(RunRecord run, int lastIndex, Ask ask, List<Object> messages) {
    Headers.Builder headers = new Headers.Builder()
        .add("Content-Type", "application/json; charset=utf-8")
        .add("Cache-Control", "no-store")
        .add(ask.legacyHeaders ? "electric-shape-id" : "electric-handle", run.handle())
        .add(ask.legacyHeaders ? "electric-chunk-last-offset" : "electric-offset",
            lastIndex + "_0");
    if (ask.live) {
      headers.add("electric-cursor", runs.nextCursor());
    } else {
      headers.add("electric-schema", json.write(FeedColumns.schema(ask.skip)));
    }
    return new TriggerAnswer(200, headers.build(), json.write(messages));
  }

  private TriggerAnswer mustRefetch(RunRecord run, Ask ask) {
    Headers headers = new Headers.Builder()
        .add("Content-Type", "application/json; charset=utf-8")
        .add("Cache-Control", "no-store")
        .add(ask.legacyHeaders ? "electric-shape-id" : "electric-handle", run.handle())
        .build();
    return new TriggerAnswer(409, headers, json.write(List.of(MUST_REFETCH)));
  }

  private TriggerAnswer badRequest(String parameter, String problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "Invalid request");
    body.put("errors", Map.of(parameter, List.of(problem)));
    return TriggerAnswer.json(400, json.write(body));
  }
}
