package ai.puffle.sdk.internal.run;

import java.io.IOException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One read of a stream: what its HTTP answer means, and its events parsed by okhttp-sse, handed
 * to its {@link StreamReader} tagged with the connection's generation (the reader ignores what
 * comes from a connection it has replaced). Runs on an OkHttp thread, which it holds while the
 * stream is open.
 *
 * <ul>
 *   <li>200 with an event stream: opened, then each event, then closed or failed.
 *   <li>401, 403, 404: final ({@code TOKEN_REJECTED}, {@code FORBIDDEN}, {@code NOT_FOUND}).
 *   <li>408, 429, 5xx, a connection failure, a read cut short: a failure, read again after the
 *       back-off ({@code Retry-After} honoured).
 *   <li>Any other status, or a 200 that is not an event stream: {@code UNREADABLE}.
 * </ul>
 */
final class StreamConnection extends EventSourceListener implements Callback {
  private final StreamReader reader;
  private final long gen;

  StreamConnection(StreamReader reader, long gen) {
    this.reader = reader;
    this.gen = gen;
  }

  @Override
  public void onFailure(Call c, IOException e) {
    reader.retry(gen, e.getClass().getSimpleName(), true, null);
  }

  @Override
  public void onResponse(Call c, Response response) {
    try {
      if (response.code() != 200) {
        try (Response r = response) {
          status(r);
        }
        return;
      }
      if (!reader.opened(gen, response.header("X-Stream-Version"))) {
        response.close();
        return;
      }
      EventSources.processResponse(
          response.newBuilder().body(new ActivityBody(response.body(), reader::touch)).build(), this);
    } catch (RuntimeException e) {
      response.close();
      reader.finish(gen, StreamOutcome.Reason.INTERNAL_ERROR, "unexpected " + e.getClass().getSimpleName(), false);
    }
  }

  private void status(Response r) {
    int code = r.code();
    if (code == 401) {
      reader.finish(gen, StreamOutcome.Reason.TOKEN_REJECTED, "the stream answered 401 (token expired or not valid)", false);
    } else if (code == 403) {
      reader.finish(gen, StreamOutcome.Reason.FORBIDDEN, "the stream answered 403 (the token does not cover the run)", false);
    } else if (code == 404) {
      reader.finish(gen, StreamOutcome.Reason.NOT_FOUND, "the stream answered 404", false);
    } else if (code == 408 || code == 429 || (code >= 500 && code <= 599)) {
      reader.retry(gen, "" + code, true, Backoff.requested(r.headers()));
    } else {
      reader.finish(gen, StreamOutcome.Reason.UNREADABLE, "the stream answered " + code, false);
    }
  }

  @Override
  public void onEvent(EventSource source, String id, String type, String data) {
    reader.event(gen, id, type, data);
  }

  @Override
  public void onClosed(EventSource source) {
    reader.closed(gen);
  }

  @Override
  public void onFailure(EventSource source, Throwable t, Response response) {
    if (t instanceof IllegalStateException && response != null) {
      reader.finish(gen, StreamOutcome.Reason.UNREADABLE, "the stream's answer is not an event stream", false);
    } else {
      reader.retry(gen, t == null ? "no body" : t.getClass().getSimpleName(), true, null);
    }
  }
}
