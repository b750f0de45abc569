package ai.puffle.sdk.internal.live;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.RunHandle;
import ai.puffle.sdk.internal.json.PuffleJson;
import ai.puffle.sdk.internal.mapping.Validate;
import ai.puffle.sdk.internal.ops.TurnBaseline;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A live turn as a string another process can resume: {@code puffle-turn:1:<payload>.<check>},
 * the payload base64url JSON (session id, run id, the baseline's transcript length, framework
 * version and digests, and the run's token only when asked for), the check a digest of the rest.
 * Reading one checks everything before any request: a malformed, truncated or altered string is
 * refused with {@link InvalidInputException} on the field {@code savedTurn}.
 */
public final class SavedTurn {
  private static final String PREFIX = "puffle-turn:1:";
  private static final String FIELD = "savedTurn";
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{24}");
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final JsonAdapter<Map<String, Object>> JSON =
      PuffleJson.moshi().adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  private final String sessionId;
  private final RunHandle run;
  private final TurnBaseline baseline;

  private SavedTurn(String sessionId, RunHandle run, TurnBaseline baseline) {
    this.sessionId = sessionId;
    this.run = run;
    this.baseline = baseline;
  }

  /** The session. */
  public String sessionId() {
    return sessionId;
  }

  /** The run: its id, and its token when the string carried one (else an empty token). */
  public RunHandle run() {
    return run;
  }

  /** What the result is measured against. */
  public TurnBaseline baseline() {
    return baseline;
  }

  /** Writes a turn; the token only when {@code withToken}. */
  public static String write(String sessionId, RunHandle run, TurnBaseline b, boolean withToken) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("s", sessionId);
    p.put("r", run.runId());
    if (withToken && run.isKnown()) {
      p.put("t", run.publicAccessToken());
    }
    p.put("m", b.messages());
    p.put("f", b.frameworkVersion() == Long.MIN_VALUE ? null : b.frameworkVersion());
    p.put("k", b.skeletonDigest());
    p.put("d", b.draftDigest());
    p.put("h", b.messageDigest());
    String payload = Base64.getUrlEncoder().withoutPadding()
        .encodeToString(JSON.serializeNulls().toJson(p).getBytes(StandardCharsets.UTF_8));
    return PREFIX + payload + "." + check(payload);
  }

  /**
   * Reads a saved turn.
   *
   * @throws InvalidInputException when it is not one this SDK wrote, or was altered
   */
  public static SavedTurn read(String saved) {
    if (saved == null || saved.isBlank()) {
      throw invalid("must not be blank");
    }
    String s = saved.trim();
    if (!s.startsWith(PREFIX)) {
      throw invalid("must start with '" + PREFIX + "' (a string from LiveTurn.save())");
    }
    int dot = s.lastIndexOf('.');
    if (dot <= PREFIX.length()) {
      throw invalid("is truncated: its check is missing");
    }
    String payload = s.substring(PREFIX.length(), dot);
    if (!check(payload).equals(s.substring(dot + 1))) {
      throw invalid("does not match its check: it was altered or cut");
    }
    Map<String, Object> p;
    try {
      p = JSON.fromJson(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException | com.squareup.moshi.JsonDataException e) {
      throw invalid("has a payload that is not readable");
    }
    if (p == null) {
      throw invalid("has an empty payload");
    }
    String sessionId = text(p, "s");
    try {
      Validate.uuid("sessionId", sessionId);
    } catch (InvalidInputException e) {
      throw invalid("names no valid session id");
    }
    String runId = text(p, "r");
    if (!runId.isEmpty() && !RUN_ID.matcher(runId).matches()) {
      throw invalid("names no valid run id");
    }
    Object t = p.get("t");
    String token = t == null ? "" : String.valueOf(t);
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c > '~') {
        throw invalid("carries a token with characters an HTTP header cannot carry");
      }
    }
    long messages = number(p, "m");
    if (messages < 0 || messages > Integer.MAX_VALUE) {
      throw invalid("has a transcript length out of range");
    }
    Object f = p.get("f");
    long version = f == null ? Long.MIN_VALUE : number(p, "f");
    TurnBaseline baseline = new TurnBaseline((int) messages, version,
        digest(p, "k"), digest(p, "d"), digest(p, "h"));
    RunHandle run = runId.isEmpty() ? RunHandle.unknown()
        : RunHandle.of(runId, token);
    return new SavedTurn(sessionId, run, baseline);
  }

  private static String text(Map<String, Object> p, String key) {
    Object v = p.get(key);
    if (!(v instanceof String)) {
      throw invalid("lacks its '" + key + "' field");
    }
    return (String) v;
  }

  private static long number(Map<String, Object> p, String key) {
    Object v = p.get(key);
    if (!(v instanceof Number) || ((Number) v).doubleValue() != Math.rint(((Number) v).doubleValue())) {
      throw invalid("lacks its whole-number '" + key + "' field");
    }
    return ((Number) v).longValue();
  }

  private static String digest(Map<String, Object> p, String key) {
    String d = text(p, key);
    if (!DIGEST.matcher(d).matches()) {
      throw invalid("has a malformed '" + key + "' digest");
    }
    return d;
  }

  private static String check(String payload) {
    return TurnBaseline.digest(PREFIX + payload);
  }

  private static InvalidInputException invalid(String rule) {
    return new InvalidInputException(FIELD, rule);
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "SavedTurn{session=" + sessionId + ", " + run + "}";
  }
}
