package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.Version;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Trigger.dev's run endpoints (retrieve, the realtime feed, a run's streams) and the headers its
 * TypeScript SDK sends to them. Every request
 * carries the run's own token and nothing of Puffle's.
 */
final class TriggerApi {
  /** The API version whose status names and feed values this client reads. */
  static final String API_VERSION = "2025-07-16";
  /** Makes the feed answer with Electric 1.x headers ({@code electric-handle}, not {@code electric-shape-id}). */
  static final String ELECTRIC_VERSION = "1.0.0-beta.1";

  private final HttpUrl base;
  private final String userAgent = Version.userAgent();

  TriggerApi(HttpUrl base) {
    this.base = base;
  }

  /** {@code GET /api/v3/runs/{runId}}. */
  HttpUrl retrieveUrl(String runId) {
    return base.newBuilder().addPathSegments("api/v3/runs").addPathSegment(runId).build();
  }

  /** {@code GET /realtime/v1/runs/{runId}}, before the shape's parameters. */
  HttpUrl feedUrl(String runId) {
    return base.newBuilder().addPathSegments("realtime/v1/runs").addPathSegment(runId).build();
  }

  /** {@code GET /realtime/v1/streams/{runId}/{key}}. */
  HttpUrl streamUrl(String runId, String key) {
    return base.newBuilder().addPathSegments("realtime/v1/streams").addPathSegment(runId).addPathSegment(key).build();
  }

  /**
   * A read of a run's stream, with the headers Trigger.dev's {@code streams.read} sends: the run's
   * token, {@code Accept: text/event-stream}, the API version, {@code Timeout-Seconds} and, when
   * resuming, {@code Last-Event-ID}.
   */
  Request stream(HttpUrl url, String token, String lastEventId, int timeoutSeconds) {
    Request.Builder r = new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "text/event-stream")
        .header("User-Agent", userAgent)
        .header("x-trigger-api-version", API_VERSION)
        .header("Timeout-Seconds", Integer.toString(timeoutSeconds));
    if (lastEventId != null) {
      r.header("Last-Event-ID", lastEventId);
    }
    return r.build();
  }

  /** A GET of {@code url} with the run's token; {@code feed} adds the Electric version header. */
  Request get(HttpUrl url, String token, boolean feed) {
    Request.Builder r = new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .header("x-trigger-api-version", API_VERSION);
    if (feed) {
      r.header("x-trigger-electric-version", ELECTRIC_VERSION);
    }
    return r.build();
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
