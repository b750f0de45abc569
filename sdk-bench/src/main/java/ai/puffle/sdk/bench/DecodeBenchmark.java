package ai.puffle.sdk.bench;

import ai.puffle.sdk.Session;
import ai.puffle.sdk.generated.api.AiChatSessionsApi;
import ai.puffle.sdk.generated.model.SessionEnvelope;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.RequestFactory;
import ai.puffle.sdk.internal.json.PuffleJson;
import ai.puffle.sdk.internal.mapping.WireMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A large session (200 messages, a 10-block skeleton, 50 generated examples; about 90 KB) from
 * bytes to the public {@link Session} through the SDK's own decoder (the generated request's
 * Moshi adapter, then {@code WireMapper.toSession}, exactly what {@code sessions().get} runs on
 * a response body), versus the same Moshi decode to the generated model alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {
  private byte[] body;
  private ApiRequest<Session> toSession;
  private ApiRequest<SessionEnvelope> toModel;

  /** Builds the body and the two decoders. */
  @Setup
  public void setUp() throws IOException {
    body = SessionBodies.bytes(SessionBodies.large());
    AiChatSessionsApi api = new AiChatSessionsApi(
        new RequestFactory(HttpUrl.get("https://app.puffle.ai/"), PuffleJson.moshi()));
    toModel = api.getAiChatSession(SessionBodies.SESSION_ID);
    toSession = api.getAiChatSession(SessionBodies.SESSION_ID).map(WireMapper::toSession);
    if (toSession.decode(new Buffer().write(body)).messages().size() != 200) {
      throw new IllegalStateException("the large body did not decode to 200 messages");
    }
  }

  /** Body size in bytes (for the report). */
  public int bodySize() {
    return body.length;
  }

  /** The SDK's decode: bytes to the public Session. */
  @Benchmark
  public Session sdkToSession() throws IOException {
    return toSession.decode(new Buffer().write(body));
  }

  /** Moshi alone: bytes to the generated model. */
  @Benchmark
  public SessionEnvelope moshiToModel() throws IOException {
    return toModel.decode(new Buffer().write(body));
  }
}
