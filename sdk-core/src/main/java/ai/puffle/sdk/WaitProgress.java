package ai.puffle.sdk;

import java.time.Duration;
import java.util.Objects;

/** The state of a wait after one poll: elapsed time, polls so far and the session's task status. */
public final class WaitProgress {
  private final String sessionId;
  private final Duration elapsed;
  private final int polls;
  private final TaskStatus taskStatus;

  /** A progress report. */
  public WaitProgress(String sessionId, Duration elapsed, int polls, TaskStatus taskStatus) {
    this.sessionId = Objects.requireNonNull(sessionId, "sessionId");
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
    this.polls = polls;
    this.taskStatus = Objects.requireNonNull(taskStatus, "taskStatus");
  }

  /** The session being waited on. */
  public String sessionId() {
    return sessionId;
  }

  /** Time since the wait began. */
  public Duration elapsed() {
    return elapsed;
  }

  /** Polls made so far, this one included. */
  public int polls() {
    return polls;
  }

  /** The task status this poll saw ({@link TaskStatus#IDLE} ends the wait). */
  public TaskStatus taskStatus() {
    return taskStatus;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WaitProgress)) {
      return false;
    }
    WaitProgress other = (WaitProgress) o;
    return sessionId.equals(other.sessionId) && elapsed.equals(other.elapsed)
        && polls == other.polls && taskStatus == other.taskStatus;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sessionId, elapsed, polls, taskStatus);
  }

  @Override
  public String toString() {
    return "WaitProgress{session=" + sessionId + ", elapsed=" + elapsed + ", polls=" + polls
        + ", taskStatus=" + taskStatus + "}";
  }
}
