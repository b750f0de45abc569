package ai.puffle.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one turn did: the assistant's reply, whether the skeleton and the draft changed, the session
 * after the turn, the run, how many times the turn was sent (1 unless a busy session or an unknown
 * outcome made the client send it again) and how long it took.
 */
public final class TurnResult {
  private final Session session;
  private final List<ChatMessage> replies;
  private final boolean skeletonChanged;
  private final boolean draftChanged;
  private final RunHandle run;
  private final int attempts;
  private final Duration elapsed;

  /** Built by the client only. */
  TurnResult(
      Session session,
      List<ChatMessage> replies,
      boolean skeletonChanged,
      boolean draftChanged,
      RunHandle run,
      int attempts,
      Duration elapsed) {
    this.session = Objects.requireNonNull(session, "session");
    this.replies = List.copyOf(replies);
    this.skeletonChanged = skeletonChanged;
    this.draftChanged = draftChanged;
    this.run = Objects.requireNonNull(run, "run");
    this.attempts = attempts;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The assistant's reply: its messages after ours, joined by a blank line. */
  public String reply() {
    return replies.stream().map(ChatMessage::content).collect(Collectors.joining("\n\n"));
  }

  /** The assistant messages appended after our user message (at least one). */
  public List<ChatMessage> replies() {
    return replies;
  }

  /** Whether the turn produced a new skeleton (version went up or content differs). */
  public boolean skeletonChanged() {
    return skeletonChanged;
  }

  /** Whether the draft subject or body changed. */
  public boolean draftChanged() {
    return draftChanged;
  }

  /** The session after the turn. */
  public Session session() {
    return session;
  }

  /** The skeleton after the turn, if there is one. */
  public Optional<Skeleton> skeleton() {
    return session.skeleton();
  }

  /**
   * The run the turn started. {@link RunHandle#isKnown()} is false when the response was lost and
   * the client learned from the session that the turn had been taken.
   */
  public RunHandle run() {
    return run;
  }

  /** How many times the turn was sent (it was taken exactly once). */
  public int attempts() {
    return attempts;
  }

  /** Time from the call to the end of the wait. */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof TurnResult)) {
      return false;
    }
    TurnResult other = (TurnResult) o;
    return session.equals(other.session) && replies.equals(other.replies)
        && skeletonChanged == other.skeletonChanged && draftChanged == other.draftChanged
        && run.equals(other.run) && attempts == other.attempts && elapsed.equals(other.elapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(session, replies, skeletonChanged, draftChanged, run, attempts, elapsed);
  }

  @Override
  public String toString() {
    return "TurnResult{session=" + session.id() + ", replies=" + replies.size()
        + ", skeletonChanged=" + skeletonChanged + ", draftChanged=" + draftChanged
        + ", run=" + run + ", attempts=" + attempts + ", elapsed=" + elapsed + "}";
  }
}
