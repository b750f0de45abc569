package ai.puffle.sdk.internal.live;

import ai.puffle.sdk.internal.SdkAccess;
import ai.puffle.sdk.TurnEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one view has not taken yet, bounded: beyond {@code maxEvents} queued, or {@code
 * maxChars} of text, a text chunk is merged into the queued chunk before it (same stream, also
 * text) and anything else chunk-like is dropped; both are counted. Statuses and the end always
 * fit. Not thread-safe: its view guards it.
 */
final class EventQueue {
  private final int maxEvents;
  private final int maxChars;
  private final ArrayDeque<TurnEvent> queue = new ArrayDeque<>();
  private long chars;
  private long coalesced;
  private long dropped;

  EventQueue(int maxEvents, int maxChars) {
    this.maxEvents = maxEvents;
    this.maxChars = maxChars;
  }

  /** Queues {@code e}, or merges or drops it when the view is behind. */
  void offer(TurnEvent e) {
    int text = e.textDelta().map(String::length).orElse(0);
    boolean full = queue.size() >= maxEvents || chars + text > maxChars;
    if (e.kind() != TurnEvent.Kind.CHUNK || !full || queue.isEmpty()) {
      add(e, text);
      return;
    }
    TurnEvent last = queue.peekLast();
    if (text > 0 && chars + text <= maxChars
        && last.kind() == TurnEvent.Kind.CHUNK
        && last.streamKey().equals(e.streamKey())
        && last.textDelta().isPresent()) {
      queue.pollLast();
      queue.add(SdkAccess.get().chunkEvent(last.elapsed(), e.streamKey().get(), e.chunk().orElse(null),
          last.textDelta().get() + e.textDelta().get()));
      chars += text;
      coalesced++;
      return;
    }
    dropped++;
  }

  private void add(TurnEvent e, int text) {
    queue.add(e);
    chars += text;
  }

  /** The next event, or null. */
  TurnEvent poll() {
    TurnEvent e = queue.poll();
    if (e != null) {
      chars -= e.textDelta().map(String::length).orElse(0);
    }
    return e;
  }

  /** What is queued, in order (the queue keeps it). */
  List<TurnEvent> contents() {
    return new ArrayList<>(queue);
  }

  long coalesced() {
    return coalesced;
  }

  long dropped() {
    return dropped;
  }
}
