package ai.puffle.sdk.internal.live;

import ai.puffle.sdk.internal.SdkAccess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleTimeoutException;
import ai.puffle.sdk.TurnEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The views of a live turn's events: order, replay, demand, bounds, the end. */
class TurnEventHubTest {
  static final Executor HERE = Runnable::run;
  static final Duration T = Duration.ZERO;

  static TurnEvent text(String s) {
    return SdkAccess.get().chunkEvent(T, "chat", Map.of("type", "text-delta", "delta", s), s);
  }

  static PuffleTimeoutException timeout() {
    return new PuffleTimeoutException("the wait's timeout passed", null, null, null, 1);
  }

  /** A subscriber that records events and asks for {@code initial} at first. */
  static final class Recorder implements Flow.Subscriber<TurnEvent> {
    final List<TurnEvent> events = new CopyOnWriteArrayList<>();
    final long initial;
    Flow.Subscription subscription;
    int completions;

    Recorder(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (initial > 0) {
        s.request(initial);
      }
    }

    @Override
    public void onNext(TurnEvent e) {
      events.add(e);
    }

    @Override
    public void onError(Throwable t) {
      throw new AssertionError(t);
    }

    @Override
    public void onComplete() {
      completions++;
    }

    String texts() {
      return events.stream().map(e -> e.textDelta().orElse("")).collect(Collectors.joining());
    }
  }

  @Test
  void aLateSubscriberGetsEveryEventFromTheStartThenTheEndOnce() {
    TurnEventHub hub = new TurnEventHub(HERE);
    hub.emit(SdkAccess.get().statusEvent(T, "QUEUED"));
    hub.emit(text("Hel"));
    Recorder late = new Recorder(Long.MAX_VALUE);
    hub.publisher().subscribe(late);
    hub.emit(text("lo"));
    hub.emit(SdkAccess.get().statusEvent(T, "COMPLETED"));
    hub.end(Duration.ofSeconds(1), null, timeout());
    hub.emit(text("ignored after the end"));
    assertEquals(List.of(TurnEvent.Kind.STATUS, TurnEvent.Kind.CHUNK, TurnEvent.Kind.CHUNK,
        TurnEvent.Kind.STATUS, TurnEvent.Kind.END),
        late.events.stream().map(TurnEvent::kind).collect(Collectors.toList()));
    assertEquals("Hello", late.texts());
    assertEquals(1, late.completions);
    assertTrue(late.events.get(4).failure().orElseThrow() instanceof PuffleTimeoutException);

    Recorder afterTheEnd = new Recorder(Long.MAX_VALUE);
    hub.publisher().subscribe(afterTheEnd);
    assertEquals(5, afterTheEnd.events.size(), "a subscriber after the end still gets it all");
    assertEquals(1, afterTheEnd.completions);
  }

  @Test
  void eventsGoAsTheSubscriberAsks() {
    TurnEventHub hub = new TurnEventHub(HERE);
    Recorder r = new Recorder(0);
    hub.publisher().subscribe(r);
    hub.emit(text("a"));
    hub.emit(text("b"));
    assertEquals(0, r.events.size());
    r.subscription.request(1);
    assertEquals("a", r.texts());
    r.subscription.request(5);
    assertEquals("ab", r.texts());
    r.subscription.cancel();
    hub.emit(text("c"));
    hub.end(T, null, timeout());
    assertEquals(2, r.events.size(), "nothing after a cancel");
    assertEquals(0, r.completions);
  }

  @Test
  void aSlowSubscriberIsBoundedTextIsMergedNotLostAndTheEndCountsIt() {
    TurnEventHub hub = new TurnEventHub(HERE);
    Recorder slow = new Recorder(0);
    hub.publisher().subscribe(slow);
    StringBuilder sent = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      String s = "w" + i + " ";
      sent.append(s);
      hub.emit(text(s));
    }
    hub.emit(SdkAccess.get().chunkEvent(T, "chat", Map.of("type", "tool-call", "tool", "updateSkeleton"), null));
    hub.end(T, null, timeout());
    slow.subscription.request(Long.MAX_VALUE);
    assertTrue(slow.events.size() <= TurnEventHub.MAX_EVENTS + 2, "bounded: " + slow.events.size());
    TurnEvent end = slow.events.get(slow.events.size() - 1);
    assertEquals(TurnEvent.Kind.END, end.kind());
    assertEquals(10_000 - TurnEventHub.MAX_EVENTS, end.coalescedChunks());
    assertEquals(1, end.droppedChunks(), "the tool call did not fit and carries no text");
    assertEquals(sent.toString(), slow.texts(), "merged text keeps every character, in order");
  }

  @Test
  void aListenerGetsEverythingAndOneThatThrowsStopsNothing() {
    TurnEventHub hub = new TurnEventHub(HERE);
    List<TurnEvent> seen = new ArrayList<>();
    hub.listen(e -> {
      seen.add(e);
      throw new IllegalStateException("a listener's bug");
    });
    hub.emit(text("a"));
    hub.emit(text("b"));
    hub.end(T, null, timeout());
    assertEquals(3, seen.size());
  }

  @Test
  void theIteratorWaitsEndsAfterTheEndAndCanBeClosed() {
    TurnEventHub hub = new TurnEventHub(HERE);
    hub.emit(text("a"));
    LiveTurn.Events it = hub.iterator();
    assertTrue(it.hasNext());
    assertEquals("a", it.next().textDelta().orElseThrow());
    hub.emit(text("b"));
    hub.end(T, null, timeout());
    assertEquals("b", it.next().textDelta().orElseThrow());
    assertEquals(TurnEvent.Kind.END, it.next().kind());
    assertFalse(it.hasNext());
    assertThrows(NoSuchElementException.class, it::next);

    LiveTurn.Events closed = new TurnEventHub(HERE).iterator();
    closed.close();
    assertFalse(closed.hasNext(), "a closed iterator does not wait");
  }

  @Test
  void aWaitingIteratorIsWokenByTheNextEvent() throws Exception {
    TurnEventHub hub = new TurnEventHub(HERE);
    LiveTurn.Events it = hub.iterator();
    Thread producer = new Thread(() -> {
      hub.emit(text("late"));
      hub.end(T, null, timeout());
    });
    producer.start();
    assertEquals("late", it.next().textDelta().orElseThrow());
    assertEquals(TurnEvent.Kind.END, it.next().kind());
    producer.join();
  }
}
