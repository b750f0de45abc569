package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Objects;

/**
 * The background run a turn or example request started. Poll the session until it is idle, or
 * subscribe to the run with Trigger.dev's realtime client using {@link #publicAccessToken()}.
 *
 * <p>{@link #toString()} never shows the token.
 */
public final class RunHandle {
  private final String runId;
  private final String publicAccessToken;

  private RunHandle(String runId, String publicAccessToken) {
    this.runId = runId;
    this.publicAccessToken = publicAccessToken;
  }

  /**
   * A handle with these values.
   *
   * @throws InvalidInputException when either is {@code null}
   */
  public static RunHandle of(String runId, String publicAccessToken) {
    return new RunHandle(
        Validate.notNull("runHandle.runId", runId),
        Validate.notNull("runHandle.publicAccessToken", publicAccessToken));
  }

  /**
   * A handle for a task the client knows was taken although its response was lost (the
   * connection dropped after sending, and the session showed the task). Its run id and token are
   * empty; {@link #isKnown()} is false.
   */
  public static RunHandle unknown() {
    return UNKNOWN;
  }

  private static final RunHandle UNKNOWN = new RunHandle("", "");

  /** False for {@link #unknown()}: the run id was not received. */
  public boolean isKnown() {
    return !runId.isEmpty();
  }

  /** The Trigger.dev run id, e.g. {@code run_abc123}; empty when not {@link #isKnown()}. Safe to log. */
  public String runId() {
    return runId;
  }

  /**
   * A short-lived secret scoped to this run, for Trigger.dev's realtime client. Do not log it.
   */
  public String publicAccessToken() {
    return publicAccessToken;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof RunHandle)) {
      return false;
    }
    RunHandle other = (RunHandle) o;
    return runId.equals(other.runId) && publicAccessToken.equals(other.publicAccessToken);
  }

  @Override
  public int hashCode() {
    return Objects.hash(runId, publicAccessToken);
  }

  /** Shows the run id only; the access token is never printed. */
  @Override
  public String toString() {
    return isKnown() ? "RunHandle{runId=" + runId + ", publicAccessToken=***}" : "RunHandle{unknown}";
  }
}
