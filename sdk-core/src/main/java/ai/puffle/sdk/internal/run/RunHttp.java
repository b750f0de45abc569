package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP clients of a client's Trigger.dev requests, one per kind, so each kind holds only the
 * threads it needs: live feeds, which hold a connection and a thread for about 20 s, on a
 * dispatcher of their own sized to the feed cap (a feed never waits behind a poll or a stream);
 * retrieves, short calls of which at most {@link RunLimits#RETRIEVE_CONCURRENCY} are in flight,
 * on the dispatcher of Puffle's own calls; stream reads, long-lived, on a dispatcher of their own
 * sized to {@link RunLimits#STREAM_CONCURRENCY}. All three carry none of Puffle's interceptors.
 */
public final class RunHttp {
  private final OkHttpClient feeds;
  private final OkHttpClient retrieves;
  private final OkHttpClient streams;

  /** The three clients (which may be one and the same). */
  public RunHttp(OkHttpClient feeds, OkHttpClient retrieves, OkHttpClient streams) {
    this.feeds = Validate.notNull("feeds", feeds);
    this.retrieves = Validate.notNull("retrieves", retrieves);
    this.streams = Validate.notNull("streams", streams);
  }

  /** The client of live feed requests. */
  public OkHttpClient feeds() {
    return feeds;
  }

  /** The client of retrieve requests. */
  public OkHttpClient retrieves() {
    return retrieves;
  }

  /** The client of stream reads. */
  public OkHttpClient streams() {
    return streams;
  }

  /** The same clients, each passed through {@code change} (tests add interceptors this way). */
  public RunHttp map(UnaryOperator<OkHttpClient> change) {
    return new RunHttp(change.apply(feeds), change.apply(retrieves), change.apply(streams));
  }

  /** The distinct dispatchers the three clients run on. */
  public List<Dispatcher> dispatchers() {
    List<Dispatcher> out = new ArrayList<>(3);
    for (OkHttpClient c : new OkHttpClient[] {feeds, retrieves, streams}) {
      if (!out.contains(c.dispatcher())) {
        out.add(c.dispatcher());
      }
    }
    return out;
  }

  /** Calls running now on those dispatchers (retrieves share theirs with Puffle's calls). */
  public int runningCalls() {
    int n = 0;
    for (Dispatcher d : dispatchers()) {
      n += d.runningCallsCount();
    }
    return n;
  }
}
