package ai.puffle.sdk.testing;

import ai.puffle.sdk.internal.json.PuffleJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A small stateful Puffle for sdk-core's tests, as Puffle's docs describe it: one campaign with
 * one AI node; sessions whose {@code task_status} a turn or example run claims atomically (409
 * when already claimed) and that the task releases when it ends, on the test's virtual clock;
 * faults scripted per request (a drop or an error before or after the server acted) and a second
 * client that starts its own task at a chosen moment. A ledger counts what the server took.
 */
public final class ModelPuffle extends Dispatcher {
  /** What happens to one request. */
  public enum Fault {
    /** The server acts and answers normally. */
    NONE,
    /** The connection drops before the server acts (nothing changes). */
    DROP_BEFORE,
    /** The server acts, then the connection drops before the response. */
    DROP_AFTER,
    /** 500 without acting (Puffle releases its claim before answering 500). */
    STATUS_500,
    /** A proxy's 502 before the request reached the server. */
    STATUS_502_BEFORE,
    /** The server acted, then a proxy answered 503. */
    STATUS_503_AFTER,
    /** A gateway timeout (504) after the server acted. */
    STATUS_504_AFTER,
    /** 429 without acting. */
    STATUS_429,
    /** The server acted and answered 200 with a body that is not JSON. */
    MALFORMED_AFTER
  }

  /** A task the second client starts. */
  public enum Other {
    TURN, EXAMPLES
  }

  private static final JsonAdapter<Map<String, Object>> MAP =
      PuffleJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
  private static final JsonAdapter<Object> ANY = PuffleJson.moshi().adapter(Object.class).serializeNulls();

  private final LongSupplier clock;
  private final Map<String, SessionModel> sessions = new LinkedHashMap<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<Integer, Other> otherBefore = new LinkedHashMap<>();
  private final List<String> acceptedTurns = new ArrayList<>();
  private int acceptedExampleRuns;
  private int acceptedContentTurns;
  private int taskRequests;
  private int requests;
  private long turnNanos = 15_000_000_000L;
  private long examplesNanos = 40_000_000_000L;
  private boolean userMessageAtClaim;
  private String alwaysBusy;
  private int ids;
  private java.util.Random readFaults;
  private double readFaultRate;

  /** A model on {@code clock} (nanoseconds, the client's virtual time). */
  public ModelPuffle(LongSupplier clock) {
    this.clock = clock;
  }

  /** Serves this model on {@code server}. */
  public ModelPuffle serveOn(MockWebServer server) {
    server.setDispatcher(this);
    return this;
  }

  /** Adds an idle session of the node; returns its id. */
  public synchronized String addSession(String id, boolean withSkeleton) {
    SessionModel s = new SessionModel(id, Json.NODE_ID, ++ids);
    if (withSkeleton) {
      s.skeleton = Map.of("subject", "Hi %first_name%", "body", "Hello");
      s.frameworkVersion = 1L;
    }
    sessions.put(id, s);
    return id;
  }

  /** How long a turn's task runs. */
  public synchronized ModelPuffle turnTakes(long nanos) {
    this.turnNanos = nanos;
    return this;
  }

  /** How long an example run's task runs. */
  public synchronized ModelPuffle examplesTake(long nanos) {
    this.examplesNanos = nanos;
    return this;
  }

  /**
   * Whether the user's message is in the transcript as soon as the turn claims the session
   * (true), or only when its task ends (false, the default). Puffle's docs don't say; a client
   * must work with both.
   */
  public synchronized ModelPuffle userMessageAtClaim(boolean atClaim) {
    this.userMessageAtClaim = atClaim;
    return this;
  }

  /** Every session stays busy with {@code status} for ever (null: normal again). */
  public synchronized ModelPuffle alwaysBusy(String status) {
    this.alwaysBusy = status;
    return this;
  }

  /**
   * Each read (GET) fails with probability {@code rate}, drawn from {@code random}: a 503 or a
   * dropped connection, half each.
   */
  public synchronized ModelPuffle faultReads(java.util.Random random, double rate) {
    this.readFaults = random;
    this.readFaultRate = rate;
    return this;
  }

  /** The fault of the next task request (turn, example run, content turn, create), in order. */
  public synchronized ModelPuffle faultNextTask(Fault... next) {
    faults.addAll(List.of(next));
    return this;
  }

  /**
   * Just before the server handles its {@code n}-th request (counting from 1), a second client
   * starts {@code task} on every idle session.
   */
  public synchronized ModelPuffle otherClientBefore(int n, Other task) {
    otherBefore.put(n, task);
    return this;
  }

  /** Starts {@code task} on the session as a second client would (409 ignored). */
  public synchronized void otherClientStarts(String sessionId, Other task) {
    SessionModel s = settled(sessionId);
    if (s.taskStatus == null) {
      if (task == Other.TURN) {
        s.claimTurn("another client's message", clock.getAsLong() + turnNanos, userMessageAtClaim);
      } else {
        s.claimExamples(2, clock.getAsLong() + examplesNanos);
      }
    }
  }

  /** Messages of turns the server accepted, in order (the second client's included). */
  public synchronized List<String> acceptedTurns() {
    return List.copyOf(acceptedTurns);
  }

  /** How many times the server accepted {@code message}. */
  public synchronized long accepted(String message) {
    return acceptedTurns.stream().filter(message::equals).count();
  }

  /** Example runs the client started that the server accepted. */
  public synchronized int acceptedExampleRuns() {
    return acceptedExampleRuns;
  }

  /** Content turns the server took. */
  public synchronized int acceptedContentTurns() {
    return acceptedContentTurns;
  }

  /** Task requests (turn, examples, content, create) that reached the server. */
  public synchronized int taskRequests() {
    return taskRequests;
  }

  /** Requests received. */
  public synchronized int requests() {
    return requests;
  }

  /** The session's status now ({@code null}: idle). */
  public synchronized String taskStatus(String sessionId) {
    return settled(sessionId).taskStatus;
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest request) {
    requests++;
    Other other = otherBefore.remove(requests);
    if (other != null) {
      for (String id : new ArrayList<>(sessions.keySet())) {
        otherClientStarts(id, other);
      }
    }
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    String prefix = "/api/campaigns/ai-chat-sessions";
    if (method.equals("GET") && readFaults != null && readFaults.nextDouble() < readFaultRate) {
      return readFaults.nextBoolean() ? error(503, "Service unavailable") : drop();
    }
    if (method.equals("GET") && path.startsWith(prefix + "/")) {
      return ok("{\"session\":" + settled(path.substring(prefix.length() + 1)).json(alwaysBusy) + "}");
    }
    if (method.equals("GET") && path.equals(prefix)) {
      StringBuilder list = new StringBuilder("{\"sessions\":[");
      for (String id : sessions.keySet()) {
        list.append(list.length() > 13 ? "," : "").append(settled(id).json(alwaysBusy));
      }
      return ok(list.append("]}").toString());
    }
    if (method.equals("POST") && path.endsWith("/turn")) {
      String id = path.substring(prefix.length() + 1, path.length() - "/turn".length());
      String message = (String) body(request).get("message");
      return task(() -> {
        SessionModel s = claimable(id);
        if (s == null) {
          return busy(id);
        }
        s.claimTurn(message, clock.getAsLong() + turnNanos, userMessageAtClaim);
        acceptedTurns.add(message);
        return ok("{\"runId\":\"run_" + acceptedTurns.size() + "\",\"publicAccessToken\":\"tr_pat_x\"}");
      });
    }
    if (method.equals("POST") && path.endsWith("/generate-examples")) {
      String id = path.substring(prefix.length() + 1, path.length() - "/generate-examples".length());
      List<?> leads = (List<?>) body(request).get("leads");
      return task(() -> {
        SessionModel s = claimable(id);
        if (s == null) {
          return busy(id);
        }
        s.claimExamples(leads.size(), clock.getAsLong() + examplesNanos);
        acceptedExampleRuns++;
        return ok("{\"runId\":\"run_e" + acceptedExampleRuns + "\",\"publicAccessToken\":\"tr_pat_x\"}");
      });
    }
    if (method.equals("POST") && path.endsWith("/generate-content")) {
      Map<String, Object> body = body(request);
      String message = (String) body.get("message");
      return task(() -> {
        SessionModel s = sessions.values().iterator().next();
        settle(s);
        if (s.taskStatus != null || alwaysBusy != null) {
          return busy(s.id);
        }
        s.messages.add(Map.of("role", "user", "content", message));
        s.messages.add(Map.of("role", "assistant", "content", "reply to " + message));
        acceptedContentTurns++;
        acceptedTurns.add(message);
        return ok("{\"session_id\":\"" + s.id + "\",\"assistant_message\":\"reply to " + message
            + "\",\"skeleton\":null,\"skeleton_updated\":false}");
      });
    }
    return new MockResponse.Builder().code(404).body("{\"error\":\"Not found\"}").build();
  }

  private interface Action {
    MockResponse run();
  }

  private MockResponse task(Action action) {
    taskRequests++;
    Fault fault = faults.isEmpty() ? Fault.NONE : faults.poll();
    switch (fault) {
      case DROP_BEFORE:
        return drop();
      case STATUS_500:
        return error(500, "Internal server error");
      case STATUS_502_BEFORE:
        return error(502, "Bad gateway");
      case STATUS_429:
        return new MockResponse.Builder().code(429).setHeader("Retry-After", "1")
            .body("{\"error\":\"Too many requests\"}").build();
      default:
        break;
    }
    MockResponse acted = action.run();
    if (acted.getCode() != 200) {
      return acted;
    }
    switch (fault) {
      case DROP_AFTER:
        return drop();
      case STATUS_503_AFTER:
        return error(503, "Service unavailable");
      case STATUS_504_AFTER:
        return error(504, "Gateway timeout");
      case MALFORMED_AFTER:
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{\"runId\": ").build();
      default:
        return acted;
    }
  }

  private SessionModel claimable(String id) {
    SessionModel s = settled(id);
    return s.taskStatus != null || alwaysBusy != null ? null : s;
  }

  private MockResponse busy(String id) {
    String status = alwaysBusy != null ? alwaysBusy : settled(id).taskStatus;
    return error(409, "Session is busy (" + status + ")");
  }

  private SessionModel settled(String id) {
    SessionModel s = sessions.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no session " + id);
    }
    settle(s);
    return s;
  }

  private void settle(SessionModel s) {
    if (s.taskStatus != null && clock.getAsLong() >= s.taskEnds) {
      s.finish();
    }
  }

  private static MockResponse drop() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static MockResponse ok(String json) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(json).build();
  }

  private static MockResponse error(int code, String message) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json")
        .body("{\"error\":\"" + message + "\"}").build();
  }

  private static Map<String, Object> body(RecordedRequest request) {
    try {
      return MAP.fromJson(request.getBody().utf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One session's state. */
  private static final class SessionModel {
    final String id;
    final String nodeId;
    final int order;
    final List<Map<String, Object>> messages = new ArrayList<>();
    Map<String, Object> skeleton;
    Long frameworkVersion;
    List<Map<String, Object>> examples;
    String taskStatus;
    long taskEnds;
    String pendingMessage;
    boolean messageShown;
    int pendingLeads;

    SessionModel(String id, String nodeId, int order) {
      this.id = id;
      this.nodeId = nodeId;
      this.order = order;
    }

    void claimTurn(String message, long ends, boolean showNow) {
      taskStatus = "chat_processing";
      taskEnds = ends;
      pendingMessage = message;
      messageShown = showNow;
      if (showNow) {
        messages.add(Map.of("role", "user", "content", message));
      }
    }

    void claimExamples(int leads, long ends) {
      taskStatus = "generating_examples";
      taskEnds = ends;
      pendingLeads = leads;
    }

    void finish() {
      if (taskStatus.equals("chat_processing")) {
        if (!messageShown) {
          messages.add(Map.of("role", "user", "content", pendingMessage));
        }
        messages.add(Map.of("role", "assistant", "content", "reply to " + pendingMessage));
        if (skeleton == null) {
          skeleton = Map.of("subject", "Hi %first_name%", "body", "Hello");
          frameworkVersion = 1L;
        }
      } else {
        List<Map<String, Object>> written = new ArrayList<>();
        for (int i = 0; i < pendingLeads; i++) {
          written.add(Map.of("lead_id", "lead-" + taskEnds + "-" + i, "subject", "s", "body", "b"));
        }
        examples = written;
      }
      taskStatus = null;
    }

    String json(String forcedStatus) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", id);
      s.put("user_id", "11111111-1111-4111-8111-111111111111");
      s.put("campaign_id", Json.CAMPAIGN_ID);
      s.put("node_id", nodeId);
      s.put("title", null);
      s.put("messages", messages);
      s.put("draft_subject", null);
      s.put("draft_body", null);
      s.put("skeleton", skeleton);
      s.put("framework_version", frameworkVersion);
      s.put("generated_examples", examples);
      s.put("task_status", forcedStatus != null ? forcedStatus : taskStatus);
      s.put("created_at", String.format("2026-04-22T10:00:%02dZ", order % 60));
      s.put("updated_at", String.format("2026-04-22T10:00:%02dZ", order % 60));
      return ANY.toJson(s);
    }
  }
}
