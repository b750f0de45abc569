package ai.puffle.sdk.testkit;

import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Plain OkHttp against the emulator's Trigger.dev run endpoints, sending what Trigger.dev's SDK
 * sends ({@code x-trigger-api-version: 2025-07-16}, {@code x-trigger-electric-version}) unless a
 * test asks for other headers. No SDK code, no retries.
 */
final class RunHttp {
  static final String API_VERSION = "2025-07-16";
  static final String ELECTRIC_VERSION = "1.0.0-beta.1";
  private static final Moshi MOSHI = new Moshi.Builder().build();

  private final FakePuffle fake;
  private final OkHttpClient client;

  RunHttp(FakePuffle fake) {
    this(fake, Duration.ofSeconds(30));
  }

  RunHttp(FakePuffle fake, Duration readTimeout) {
    this.fake = fake;
    this.client = new OkHttpClient.Builder()
        .retryOnConnectionFailure(false)
        .readTimeout(readTimeout)
        .build();
  }

  /** {@code GET /api/v3/runs/{runId}} with the current API version. */
  Http.Res retrieve(String runId, String token) {
    return send(request("/api/v3/runs/" + runId, token, true, true));
  }

  /** {@code GET /realtime/v1/runs/{runId}?query} with both version headers. */
  Http.Res feed(String runId, String token, String query) {
    return send(feedRequest(runId, token, query, true, true));
  }

  /** The feed request, choosing which version headers to send. */
  Http.Res feed(String runId, String token, String query, boolean apiVersion, boolean electric) {
    return send(feedRequest(runId, token, query, apiVersion, electric));
  }

  /** The retrieve request, choosing whether to send the API version. */
  Http.Res retrieve(String runId, String token, boolean apiVersion) {
    return send(request("/api/v3/runs/" + runId, token, apiVersion, false));
  }

  /** Sends the feed request in the background (for live requests the emulator holds). */
  CompletableFuture<Http.Res> feedAsync(String runId, String token, String query) {
    CompletableFuture<Http.Res> result = new CompletableFuture<>();
    client.newCall(feedRequest(runId, token, query, true, true)).enqueue(new Callback() {
      @Override
      public void onResponse(Call call, Response response) {
        try (response) {
          result.complete(new Http.Res(response.code(), response.headers(),
              response.body().string()));
        } catch (IOException e) {
          result.completeExceptionally(e);
        }
      }

      @Override
      public void onFailure(Call call, IOException e) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** Sends and reads the whole response; transport failures propagate as IOException. */
  Http.Res feedOrThrow(String runId, String token, String query) throws IOException {
    try (Response response = client.newCall(feedRequest(runId, token, query, true, true))
        .execute()) {
      return new Http.Res(response.code(), response.headers(), response.body().string());
    }
  }

  private Request feedRequest(
      String runId, String token, String query, boolean apiVersion, boolean electric) {
    return request("/realtime/v1/runs/" + runId + (query.isEmpty() ? "" : "?" + query), token,
        apiVersion, electric);
  }

  private Request request(String path, String token, boolean apiVersion, boolean electric) {
    Request.Builder request = new Request.Builder().url(fake.triggerApiUrl() + path);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (apiVersion) {
      request.header("x-trigger-api-version", API_VERSION);
    }
    if (electric) {
      request.header("x-trigger-electric-version", ELECTRIC_VERSION);
    }
    return request.build();
  }

  private Http.Res send(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Http.Res(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A feed body: the JSON array of messages. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> messages(Http.Res res) {
    try {
      return (List<Map<String, Object>>) MOSHI.adapter(Object.class).fromJson(res.body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code value} of the message at {@code index}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> value(Http.Res res, int index) {
    return (Map<String, Object>) messages(res).get(index).get("value");
  }

  /** Whether the body's last message is the up-to-date control message. */
  static boolean endsUpToDate(Http.Res res) {
    List<Map<String, Object>> messages = messages(res);
    return Map.of("control", "up-to-date").equals(messages.get(messages.size() - 1).get("headers"));
  }

  /** The query of a catch-up or live request following {@code res}. */
  static String next(Http.Res res, boolean live) {
    String query = "handle=" + res.headers.get("electric-handle")
        + "&offset=" + res.headers.get("electric-offset");
    return live ? query + "&live=true&cursor=" + cursorOf(res) : query;
  }

  private static String cursorOf(Http.Res res) {
    String cursor = res.headers.get("electric-cursor");
    return cursor == null ? "" : cursor;
  }
}
