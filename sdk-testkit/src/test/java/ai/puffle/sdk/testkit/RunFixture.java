package ai.puffle.sdk.testkit;

/** A virtual-clock emulator with the calls the run tests need: a turn's run and its reader. */
class RunFixture extends Fixture {
  final RunHttp runs;

  RunFixture() {
    this(FakePuffle.builder().timeMode(TimeMode.virtual()));
  }

  RunFixture(FakePuffle.Builder builder) {
    super(builder);
    this.runs = new RunHttp(fake);
  }

  /** A run id and its public access token, from a RunHandle. */
  static final class Run {
    final String sessionId;
    final String id;
    final String token;

    Run(String sessionId, Http.Res handle) {
      if (handle.status != 200) {
        throw new AssertionError("the task was not accepted: " + handle);
      }
      this.sessionId = sessionId;
      this.id = (String) handle.json().get("runId");
      this.token = (String) handle.json().get("publicAccessToken");
    }
  }

  /** Creates a session and sends a turn: the turn's run, queued now. */
  Run startTurn() {
    String sessionId = createSession();
    return new Run(sessionId, turn(sessionId, "Write an intro email"));
  }

  /** Sends a turn on an existing session. */
  Run startTurn(String sessionId, String message) {
    return new Run(sessionId, turn(sessionId, message));
  }

  /** Retrieves the run with its own token. */
  Http.Res retrieve(Run run) {
    return runs.retrieve(run.id, run.token);
  }

  /** The run's feed snapshot ({@code offset=-1}). */
  Http.Res snapshot(Run run) {
    return runs.feed(run.id, run.token, "offset=-1");
  }

  /** The session's task_status. */
  Object taskStatus(Run run) {
    return session(run.sessionId).get("task_status");
  }
}
