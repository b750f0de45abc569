package ai.puffle.sdk.internal.run;

import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * A stream's response body that tells {@code touch} of every read bringing bytes, SSE comments
 * (v1's {@code : ping}) included, which okhttp-sse parses away: the idle timeout counts them.
 */
final class ActivityBody extends ResponseBody {
  private final ResponseBody body;
  private final BufferedSource source;

  ActivityBody(ResponseBody body, Runnable touch) {
    this.body = body;
    this.source = Okio.buffer(new ForwardingSource(body.source()) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n > 0) {
          touch.run();
        }
        return n;
      }
    });
  }

  @Override
  public MediaType contentType() {
    return body.contentType();
  }

  @Override
  public long contentLength() {
    return body.contentLength();
  }

  @Override
  public BufferedSource source() {
    return source;
  }
}
