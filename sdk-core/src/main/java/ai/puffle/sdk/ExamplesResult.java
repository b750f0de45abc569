package ai.puffle.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The examples an example run produced, with the session after it, the run and the time taken. */
public final class ExamplesResult {
  private final List<GeneratedExample> examples;
  private final Session session;
  private final RunHandle run;
  private final Duration elapsed;

  /** Built by the client only. */
  ExamplesResult(List<GeneratedExample> examples, Session session, RunHandle run, Duration elapsed) {
    this.examples = List.copyOf(examples);
    this.session = Objects.requireNonNull(session, "session");
    this.run = Objects.requireNonNull(run, "run");
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The session's generated examples after the run, one per lead. */
  public List<GeneratedExample> examples() {
    return examples;
  }

  /** The session after the run. */
  public Session session() {
    return session;
  }

  /** The run that produced them. */
  public RunHandle run() {
    return run;
  }

  /** Time from the call to the end of the wait. */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ExamplesResult)) {
      return false;
    }
    ExamplesResult other = (ExamplesResult) o;
    return examples.equals(other.examples) && session.equals(other.session)
        && run.equals(other.run) && elapsed.equals(other.elapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(examples, session, run, elapsed);
  }

  @Override
  public String toString() {
    return "ExamplesResult{examples=" + examples.size() + ", session=" + session.id()
        + ", run=" + run + ", elapsed=" + elapsed + "}";
  }
}
