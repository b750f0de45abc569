package ai.puffle.sdk.testkit.internal.trigger;

import java.io.IOException;
import okio.BufferedSink;

/**
 * A response body written while the request stays open (server-sent events): each {@link
 * BufferedSink#flush()} must reach the client at once. Throwing an {@link IOException} drops the
 * connection without ending the response.
 */
public interface StreamingBody {
  /** Writes the body; returns when it ends. */
  void writeTo(BufferedSink sink) throws IOException;
}
