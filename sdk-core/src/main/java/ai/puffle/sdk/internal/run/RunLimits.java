package ai.puffle.sdk.internal.run;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many Trigger.dev requests a client has in flight: at most {@code maxLiveFeeds} feeds (a
 * feed holds its slot from its first request to its end, since a live request holds a connection
 * and an HTTP thread for up to about 20 s) and at most {@link #RETRIEVE_CONCURRENCY} retrieves
 * (further retrieves wait their turn in order, here, holding no thread). The run client's
 * dispatcher is sized by {@link #requests(int)}, so it does not queue calls (at most one for the
 * moment a finishing call's callback hands its turn on): a feed's request never waits behind
 * thousands of polls.
 */
public final class RunLimits {
  /** Retrieve requests in flight at once, shared by every polled watch of a client. */
  public static final int RETRIEVE_CONCURRENCY = 4;

  /** A retrieve waiting for its turn. */
  interface Ticket {
    /** Sends the request now; false (the turn unused) when the watch has ended meanwhile. */
    boolean start();
  }

  private final int maxLiveFeeds;
  private final AtomicInteger feeds = new AtomicInteger();
  private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
  private int retrieving;

  RunLimits(int maxLiveFeeds) {
    this.maxLiveFeeds = maxLiveFeeds;
  }

  /** The requests in flight at once for a feed cap of {@code maxLiveFeeds}: the run dispatcher's size. */
  public static int requests(int maxLiveFeeds) {
    return maxLiveFeeds + RETRIEVE_CONCURRENCY;
  }

  int maxLiveFeeds() {
    return maxLiveFeeds;
  }

  /** Takes a feed slot when one is free. */
  boolean tryTakeFeed() {
    while (true) {
      int n = feeds.get();
      if (n >= maxLiveFeeds) {
        return false;
      }
      if (feeds.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void releaseFeed() {
    feeds.decrementAndGet();
  }

  int liveFeeds() {
    return feeds.get();
  }

  /** Starts {@code ticket} now if a retrieve turn is free, else when one frees. */
  void retrieve(Ticket ticket) {
    synchronized (waiting) {
      if (retrieving >= RETRIEVE_CONCURRENCY) {
        waiting.add(ticket);
        return;
      }
      retrieving++;
    }
    if (!ticket.start()) {
      retrieveDone();
    }
  }

  /** A retrieve ended: its turn goes to the next waiting ticket still wanting it. */
  void retrieveDone() {
    while (true) {
      Ticket next;
      synchronized (waiting) {
        next = waiting.poll();
        if (next == null) {
          retrieving--;
          return;
        }
      }
      if (next.start()) {
        return;
      }
    }
  }

  /** Forgets the waiting tickets (the client is closing; their watches have ended). */
  void clear() {
    synchronized (waiting) {
      waiting.clear();
    }
  }

  @Override
  public String toString() {
    synchronized (waiting) {
      return "feeds " + feeds.get() + "/" + maxLiveFeeds + ", retrieves " + retrieving + "/"
          + RETRIEVE_CONCURRENCY + " (" + waiting.size() + " waiting)";
    }
  }
}
