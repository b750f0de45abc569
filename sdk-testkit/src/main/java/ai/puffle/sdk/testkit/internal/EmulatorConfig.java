package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.ReplyModel;
import ai.puffle.sdk.testkit.StreamVersion;
import ai.puffle.sdk.testkit.TimeMode;
import java.time.Duration;

/** The settings FakePuffle's builder collects. Mutable; internal. */
public final class EmulatorConfig {
  /** Fixed key, or null for one derived from the seed. */
  public String apiKey;
  /** Port on the loopback interface; 0 for any free port. */
  public int port;
  /** How tasks' time passes. */
  public TimeMode timeMode = TimeMode.scaled(0.01);
  /** A turn's duration in service time. */
  public Duration turn = Duration.ofSeconds(15);
  /** Example generation's fixed part. */
  public Duration examplesBase = Duration.ofSeconds(10);
  /** Example generation's part per lead. */
  public Duration examplesPerLead = Duration.ofSeconds(3);
  /** The fake LLM. */
  public ReplyModel replyModel = ReplyModel.standard();
  /** The account's credits. */
  public long credits = 1000;
  /** Seed of ids, keys and tokens. */
  public long seed;
  /** Whether to plant the default campaign. */
  public boolean seedDefaultCampaign = true;
  /** Whether to check requests and responses against openapi.yaml. */
  public boolean validateContract;
  /** The wire version of runs' streams. */
  public StreamVersion streamVersion = StreamVersion.V2;
}
