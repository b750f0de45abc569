package ai.puffle.sdk.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Call;
import okhttp3.Interceptor;

/**
 * Which calls started writing their request: a network interceptor marks a call once OkHttp has
 * a connection and is about to write. A failure before that point proves Puffle never saw the
 * request. Kept by call rather than as a request tag, so that no request is copied to carry it.
 */
final class SentCalls {
  private final Set<Call> started = ConcurrentHashMap.newKeySet();

  /** The network interceptor that marks calls. */
  Interceptor marker() {
    return chain -> {
      started.add(chain.call());
      return chain.proceed(chain.request());
    };
  }

  /** Whether {@code call} started writing its request; forgets it (call once, when it is over). */
  boolean forget(Call call) {
    return started.remove(call);
  }
}
