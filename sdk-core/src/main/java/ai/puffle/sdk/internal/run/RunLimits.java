package ai.puffle.sdk.internal.run;

import java.util.ArrayDeque;

/**
 * How many Trigger.dev requests a client has in flight: at most {@code maxLiveFeeds} feeds (a
 * feed holds its slot from its first request to its end, since a live request holds a connection
 * and an HTTP thread for up to about 20 s; further watches wait for a slot in order, polling
 * retrieve meanwhile), at most {@link #RETRIEVE_CONCURRENCY} retrieves and
 * at most {@link #STREAM_CONCURRENCY} stream readers (a reader holds its slot from its first
 * connection to its end, since an open stream holds a connection and an HTTP thread). Further
 * retrieves and readers wait their turn in order, here, holding no thread. Feeds and stream
 * reads each have a dispatcher sized to their limit ({@link RunHttp}), so a feed's request never
 * waits behind thousands of polls or open streams; retrieves share the dispatcher of Puffle's
 * calls, of which they take at most {@link #RETRIEVE_CONCURRENCY} threads.
 */
public final class RunLimits {
  /** Retrieve requests in flight at once, shared by every polled watch of a client. */
  public static final int RETRIEVE_CONCURRENCY = 4;
  /** Streams read at once by a client's stream readers; the next wait for one to end. */
  public static final int STREAM_CONCURRENCY = 8;

  /** A request or reader waiting for its turn. */
  interface Ticket {
    /** Starts now; false (the turn unused) when its watch or reader has ended meanwhile. */
    boolean start();
  }

  private final int maxLiveFeeds;
  private final Turns feeds;
  private final Turns retrieves = new Turns(RETRIEVE_CONCURRENCY);
  private final Turns streams = new Turns(STREAM_CONCURRENCY);

  RunLimits(int maxLiveFeeds) {
    this.maxLiveFeeds = maxLiveFeeds;
    this.feeds = new Turns(maxLiveFeeds);
  }

  int maxLiveFeeds() {
    return maxLiveFeeds;
  }

  /**
   * Starts {@code ticket} (a watch's feed) now if a feed slot is free, else when one frees: the
   * watches waiting for a slot get it in the order they asked, so the runs that started first,
   * and so end first, are followed first. Never called with a cap of 0.
   */
  void feed(Ticket ticket) {
    feeds.take(ticket);
  }

  /** A feed ended: its slot goes to the next waiting watch still wanting it. */
  void releaseFeed() {
    feeds.done();
  }

  int liveFeeds() {
    return feeds.inUse();
  }

  /** Starts {@code ticket} now if a retrieve turn is free, else when one frees. */
  void retrieve(Ticket ticket) {
    retrieves.take(ticket);
  }

  /** A retrieve ended: its turn goes to the next waiting ticket still wanting it. */
  void retrieveDone() {
    retrieves.done();
  }

  /** Starts a stream reader now if a stream slot is free, else when one frees. */
  void stream(Ticket ticket) {
    streams.take(ticket);
  }

  /** A stream reader ended: its slot goes to the next waiting reader still wanting it. */
  void streamDone() {
    streams.done();
  }

  /** Stream slots in use now. */
  int openStreams() {
    return streams.inUse();
  }

  /** Forgets the waiting tickets (the client is closing; their watches have ended). */
  void clear() {
    feeds.clear();
    retrieves.clear();
    streams.clear();
  }

  @Override
  public String toString() {
    return "feeds " + feeds + ", retrieves " + retrieves + ", streams " + streams;
  }

  /** At most {@code max} holders at once; the others wait in order, holding no thread. */
  private static final class Turns {
    private final int max;
    private final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
    private int inUse;

    Turns(int max) {
      this.max = max;
    }

    void take(Ticket ticket) {
      synchronized (waiting) {
        if (inUse >= max) {
          waiting.add(ticket);
          return;
        }
        inUse++;
      }
      if (!ticket.start()) {
        done();
      }
    }

    void done() {
      while (true) {
        Ticket next;
        synchronized (waiting) {
          next = waiting.poll();
          if (next == null) {
            inUse--;
            return;
          }
        }
        if (next.start()) {
          return;
        }
      }
    }

    int inUse() {
      synchronized (waiting) {
        return inUse;
      }
    }

    void clear() {
      synchronized (waiting) {
        waiting.clear();
      }
    }

    @Override
    public String toString() {
      synchronized (waiting) {
        return inUse + "/" + max + " (" + waiting.size() + " waiting)";
      }
    }
  }
}
