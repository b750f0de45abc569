package ai.puffle.sdk.internal.http;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * A request body OkHttp must not replay: once sending started, OkHttp's own connection-failure
 * retry leaves the request alone, so only the client's reconcile logic decides whether a turn is
 * sent again.
 */
public final class OneShotBody extends RequestBody {
  private final RequestBody delegate;

  /** Wraps {@code delegate}. */
  public OneShotBody(RequestBody delegate) {
    this.delegate = delegate;
  }

  @Override
  public MediaType contentType() {
    return delegate.contentType();
  }

  @Override
  public long contentLength() throws IOException {
    return delegate.contentLength();
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    delegate.writeTo(sink);
  }

  @Override
  public boolean isOneShot() {
    return true;
  }
}
