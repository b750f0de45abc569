package ai.puffle.sdk.testkit;

/**
 * The wire version of Trigger.dev's realtime streams ({@code GET
 * /realtime/v1/streams/{runId}/{key}}) that {@link FakePuffle} serves a run's stream in. Trigger.dev chooses it per run, from the
 * version the run was triggered with ({@code realtimeStreamsVersion}); the emulator gives each run
 * the version set when the run started ({@link FakePuffle.Builder#streamVersion}, {@link
 * FakePuffle#streamVersion(StreamVersion)}).
 */
public enum StreamVersion {
  /**
   * Redis streams: {@code id: <ms>-<seq>} and {@code data: <chunk>} per chunk, {@code : ping}
   * comments, no {@code X-Stream-Version} header; closes after 15 s without a chunk (or {@code
   * Timeout-Seconds}); {@code Last-Event-ID} resumes after that id.
   */
  V1,
  /**
   * S2 streams, Trigger.dev's default since SDK 4.1: {@code event: batch} with {@code
   * {"records":[{"seq_num", "timestamp", "body"}]}} (each body {@code {"data": <chunk>, "id":
   * ...}}), S2 command records, {@code event: ping} and a closing {@code data: [DONE]}; {@code
   * X-Stream-Version: v2}; waits up to 60 s (or {@code Timeout-Seconds}) for a new record; {@code
   * Last-Event-ID} resumes from that seq_num + 1.
   */
  V2;

  /** The header value Trigger.dev uses for this version: {@code v1} or {@code v2}. */
  public String wireName() {
    return this == V1 ? "v1" : "v2";
  }
}
