package ai.puffle.sdk.internal.live;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.PuffleInterruptedException;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The events of one live turn and its views. Every view gets the events from the start (a
 * bounded backlog is kept for views that come late), then each new one, each through its own
 * bounded {@link EventQueue}, and ends with its own end event counting what it merged or lost.
 * Publisher and listener views are delivered on the client's event threads, one event at a time
 * per view; iterator views are read on the caller's thread.
 */
public final class TurnEventHub {
  /** Events a view may be behind before chunks are merged or dropped. */
  public static final int MAX_EVENTS = 1024;
  /** Characters of text a view may be behind. */
  public static final int MAX_CHARS = 1 << 20;

  private final Executor delivery;
  private final EventQueue backlog = new EventQueue(MAX_EVENTS, MAX_CHARS);
  private final List<View> views = new ArrayList<>();
  private TurnResult result;
  private PuffleException failure;
  private Duration endedAt;

  /** A hub delivering on {@code delivery}. */
  public TurnEventHub(Executor delivery) {
    this.delivery = delivery;
  }

  /** Passes {@code e} to every view (after the end: ignored). */
  public void emit(TurnEvent e) {
    List<View> now;
    synchronized (this) {
      if (endedAt != null) {
        return;
      }
      backlog.offer(e);
      now = new ArrayList<>(views);
    }
    for (View v : now) {
      v.offer(e);
    }
  }

  /** Ends every view with {@code result} or {@code failure}; later calls do nothing. */
  public void end(Duration elapsed, TurnResult result, PuffleException failure) {
    List<View> now;
    synchronized (this) {
      if (endedAt != null) {
        return;
      }
      this.result = result;
      this.failure = failure;
      this.endedAt = elapsed;
      now = new ArrayList<>(views);
    }
    for (View v : now) {
      v.end(elapsed, result, failure);
    }
  }

  /** The events as a publisher. */
  public Flow.Publisher<TurnEvent> publisher() {
    return subscriber -> {
      if (subscriber == null) {
        throw new NullPointerException("subscriber");
      }
      attach(new SubscriberView(subscriber));
    };
  }

  /** Calls {@code listener} with every event, on the delivery threads. */
  public void listen(Consumer<? super TurnEvent> listener) {
    attach(new SubscriberView(new Flow.Subscriber<TurnEvent>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(TurnEvent e) {
        try {
          listener.accept(e);
        } catch (RuntimeException ignored) {
          // A listener's failure must not stop the events.
        }
      }

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onComplete() {}
    }));
  }

  /** The events as a blocking iterator. */
  public LiveTurn.Events iterator() {
    IteratorView v = new IteratorView();
    attach(v);
    return v;
  }

  private void attach(View v) {
    synchronized (this) {
      v.load(backlog);
      if (endedAt == null) {
        views.add(v);
      }
    }
    v.started();
    synchronized (this) {
      if (endedAt != null && !views.contains(v)) {
        v.end(endedAt, result, failure);
      }
    }
  }

  private synchronized void detach(View v) {
    views.remove(v);
  }

  /** One view's queue and end. */
  private abstract class View {
    final EventQueue queue = new EventQueue(MAX_EVENTS, MAX_CHARS);
    long missedBefore;
    long mergedBefore;
    boolean ended;

    /** Takes the backlog: the events so far, and what the backlog itself merged or lost. */
    void load(EventQueue from) {
      for (TurnEvent e : from.contents()) {
        queue.offer(e);
      }
      missedBefore = from.dropped();
      mergedBefore = from.coalesced();
    }

    void offer(TurnEvent e) {
      synchronized (this) {
        if (ended) {
          return;
        }
        queue.offer(e);
      }
      ready();
    }

    void end(Duration elapsed, TurnResult result, PuffleException failure) {
      synchronized (this) {
        if (ended) {
          return;
        }
        ended = true;
        queue.offer(SdkAccess.get().endEvent(elapsed, result, failure,
            mergedBefore + queue.coalesced(), missedBefore + queue.dropped()));
      }
      ready();
    }

    synchronized TurnEvent poll() {
      return queue.poll();
    }

    /** Called once attached. */
    abstract void started();

    /** Called when an event was queued. */
    abstract void ready();
  }

  /** A {@link Flow.Subscriber}'s view: delivers as it asks, one event at a time. */
  private final class SubscriberView extends View implements Flow.Subscription {
    private final Flow.Subscriber<? super TurnEvent> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger work = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile boolean subscribed;

    SubscriberView(Flow.Subscriber<? super TurnEvent> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    void started() {
      try {
        subscriber.onSubscribe(this);
      } catch (RuntimeException e) {
        cancel();
        return;
      }
      subscribed = true;
      ready();
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(new IllegalArgumentException("request must be positive (was " + n + ")"));
        return;
      }
      demand.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      ready();
    }

    @Override
    public void cancel() {
      cancelled = true;
      detach(this);
    }

    @Override
    void ready() {
      if (!subscribed || work.getAndIncrement() != 0) {
        return;
      }
      try {
        delivery.execute(this::drain);
      } catch (RejectedExecutionException closed) {
        cancel();
      }
    }

    private void drain() {
      int missed = 1;
      do {
        while (!cancelled && demand.get() > 0) {
          TurnEvent e = poll();
          if (e == null) {
            break;
          }
          demand.decrementAndGet();
          try {
            subscriber.onNext(e);
            if (e.kind() == TurnEvent.Kind.END) {
              cancel();
              subscriber.onComplete();
            }
          } catch (RuntimeException thrown) {
            cancel();
          }
        }
        missed = work.addAndGet(-missed);
      } while (missed != 0);
    }
  }

  /** An iterator's view: read on the caller's thread. */
  private final class IteratorView extends View implements LiveTurn.Events {
    private TurnEvent peeked;
    private boolean done;
    private boolean closed;

    @Override
    void started() {}

    @Override
    synchronized void ready() {
      notifyAll();
    }

    @Override
    public synchronized boolean hasNext() {
      if (peeked != null) {
        return true;
      }
      while (!done && !closed) {
        peeked = poll();
        if (peeked != null) {
          return true;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          close();
          throw new PuffleInterruptedException("interrupted while waiting for the turn's next event", e);
        }
      }
      return false;
    }

    @Override
    public synchronized TurnEvent next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the turn's events have ended");
      }
      TurnEvent e = peeked;
      peeked = null;
      if (e.kind() == TurnEvent.Kind.END) {
        done = true;
        detach(this);
      }
      return e;
    }

    @Override
    public synchronized void close() {
      closed = true;
      detach(this);
      notifyAll();
    }
  }
}
