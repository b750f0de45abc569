package ai.puffle.sdk.testkit.internal.trigger;

import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import okhttp3.Headers;
import okhttp3.HttpUrl;

/**
 * Answers requests to the run endpoints as Trigger.dev checks them: the bearer token first (401
 * when missing, unknown or expired), then the run (404 with {@code x-should-retry}), then the
 * token's scope (403 for another run's token), then retrieve, the feed or a stream.
 */
public final class TriggerEndpoints {
  static final String MISSING = "Invalid or Missing API Key";
  static final String INVALID = "Public Access Token is invalid.";
  static final String EXPIRED = "Public Access Token has expired.";

  private final RunRegistry runs;
  private final RunFeed feed;
  private final RunStreams streams;

  /** Serves the runs of {@code runs}. */
  public TriggerEndpoints(RunRegistry runs) {
    this.runs = runs;
    this.feed = new RunFeed(runs);
    this.streams = new RunStreams(runs);
  }

  /**
   * The answer to a GET of a run endpoint. {@code runFault} is a {@link Fault#mustRefetch()} or
   * {@link Fault#tokenExpired()} picked for this request, or for a stream a fault the stream
   * carries out ({@link StreamMode#shapesStream}), or null. A live feed request may hold the
   * calling thread (see {@link RunFeed}); a stream answer is written later, by its body.
   */
  public TriggerAnswer answer(TriggerRoute route, HttpUrl url, Headers headers, Fault runFault)
      throws InterruptedException {
    String token = bearer(headers.get("Authorization"));
    if (token == null) {
      return TriggerAnswer.error(401, MISSING);
    }
    Optional<RunRecord> owner = runs.byToken(token);
    if (owner.isEmpty()) {
      return TriggerAnswer.error(401, INVALID);
    }
    synchronized (owner.get()) {
      if (runFault != null && runFault.kind() == Fault.Kind.TOKEN_EXPIRED) {
        owner.get().revokeToken();
      }
      if (owner.get().tokenExpired(runs.clock().now())) {
        return TriggerAnswer.error(401, EXPIRED);
      }
    }
    Optional<RunRecord> run = runs.byFriendlyId(route.runId);
    if (run.isEmpty()) {
      boolean retry = route.operation == Operation.RETRIEVE_RUN;
      return new TriggerAnswer(404,
          Headers.of("Content-Type", "application/json; charset=utf-8",
              "x-should-retry", Boolean.toString(retry)),
          runs.json().error("Not found"));
    }
    if (run.get() != owner.get()) {
      return forbidden();
    }
    if (route.operation == Operation.RETRIEVE_RUN) {
      synchronized (run.get()) {
        run.get().catchUp(runs.clock().now());
        return RunRetrieve.answer(run.get(), headers.get("x-trigger-api-version"), runs.json());
      }
    }
    if (route.operation == Operation.READ_STREAM) {
      return streams.answer(run.get(), route.key, headers,
          StreamMode.shapesStream(runFault) ? runFault : null);
    }
    boolean rotate = runFault != null && runFault.kind() == Fault.Kind.MUST_REFETCH;
    return feed.answer(run.get(), url, headers, rotate);
  }

  private TriggerAnswer forbidden() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "Unauthorized");
    body.put("code", "unauthorized");
    body.put("param", "access_token");
    body.put("type", "authorization");
    return TriggerAnswer.json(403, runs.json().write(body));
  }

  /** The token of {@code Bearer <token>} (scheme case-insensitive), or null. */
  private static String bearer(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.trim();
    int space = value.indexOf(' ');
    if (space <= 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
      return null;
    }
    String token = value.substring(space + 1).trim();
    return token.isEmpty() ? null : token;
  }
}
