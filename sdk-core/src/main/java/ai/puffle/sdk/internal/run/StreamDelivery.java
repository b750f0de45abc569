package ai.puffle.sdk.internal.run;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * The bounded queue between one stream's HTTP thread and its listener. The HTTP thread only
 * offers chunks and never waits; chunks are handed to the listener in order by one task at a time
 * on the delivery executor, then {@code ended} once.
 *
 * <p>At most {@code maxChunks} chunks and about {@code maxChars} characters of chunk text wait
 * (one chunk always fits in an empty queue). Beyond that, a chunk with text whose predecessor in
 * the queue also has text is merged into it (the texts joined, the JSON the newer one's) and
 * counted as coalesced; any other chunk is dropped and counted. Ending by stopping drops what
 * still waits.
 */
final class StreamDelivery {
  /** A chunk waiting for the listener. */
  private static final class Item {
    Object json;
    String text;
    int size;
    int merged;

    Item(Object json, String text, int size) {
      this.json = json;
      this.text = text;
      this.size = size;
    }
  }

  private final String key;
  private final StreamListener listener;
  private final Executor executor;
  private final int maxChunks;
  private final long maxChars;
  private final Consumer<StreamOutcome> onEnded;
  private final ArrayDeque<Item> queue = new ArrayDeque<>();
  private long queuedChars;
  private boolean running;
  private StreamOutcome.Reason endReason;
  private String endDetail;
  private long delivered;
  private long coalesced;
  private long dropped;

  /** {@code onEnded} is told the outcome right after the listener's {@code ended}. */
  StreamDelivery(String key, StreamListener listener, Executor executor, StreamOptions options,
      Consumer<StreamOutcome> onEnded) {
    this.key = key;
    this.listener = listener;
    this.executor = executor;
    this.maxChunks = options.maxQueuedChunks();
    this.maxChars = options.maxQueuedChars();
    this.onEnded = onEnded;
  }

  /** A chunk read from the stream; {@code size} is the length of the text it came from. */
  void offer(Object json, String text, int size) {
    synchronized (this) {
      if (endReason != null) {
        return;
      }
      Item last = queue.peekLast();
      if (queue.isEmpty() || (queue.size() < maxChunks && queuedChars + size <= maxChars)) {
        queue.add(new Item(json, text, size));
        queuedChars += size;
      } else if (text != null && last.text != null && mergedSize(last, text, size) - last.size + queuedChars <= maxChars) {
        int before = last.size;
        last.text = last.text + text;
        last.json = json;
        last.size = mergedSize(last, "", size);
        last.merged++;
        queuedChars += last.size - before;
        coalesced++;
        return;
      } else {
        dropped++;
        return;
      }
      if (running) {
        return;
      }
      running = true;
    }
    submit();
  }

  private static int mergedSize(Item last, String text, int size) {
    return last.text.length() + text.length() + size;
  }

  /**
   * Ends the stream: the listener gets {@code ended} after the chunks still waiting, or at once
   * (those dropped) when {@code dropQueued}. Only the first call counts.
   */
  void end(StreamOutcome.Reason reason, String detail, boolean dropQueued) {
    synchronized (this) {
      if (endReason != null) {
        return;
      }
      endReason = reason;
      endDetail = detail;
      if (dropQueued) {
        for (Item i : queue) {
          dropped += 1 + i.merged;
          coalesced -= i.merged;
        }
        queue.clear();
        queuedChars = 0;
      }
      if (running) {
        return;
      }
      running = true;
    }
    submit();
  }

  synchronized long delivered() {
    return delivered;
  }

  synchronized long coalesced() {
    return coalesced;
  }

  synchronized long dropped() {
    return dropped;
  }

  /** Chunks waiting now. */
  synchronized int queued() {
    return queue.size();
  }

  private void submit() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException closed) {
      drain(); // the client is closing: hand over what is left here
    }
  }

  private void drain() {
    while (true) {
      Item item;
      StreamOutcome outcome = null;
      synchronized (this) {
        item = queue.poll();
        if (item != null) {
          queuedChars -= item.size;
          delivered++;
        } else if (endReason != null && endDetail != null) {
          outcome = new StreamOutcome(endReason, endDetail, delivered, coalesced, dropped);
          endDetail = null; // delivered once
        } else {
          running = false;
          return;
        }
      }
      if (item != null) {
        try {
          listener.chunk(key, item.json, item.text);
        } catch (RuntimeException ignored) {
          // A listener's failure must not change the stream.
        }
      } else {
        try {
          listener.ended(key, outcome);
        } catch (RuntimeException ignored) {
          // As above.
        }
        onEnded.accept(outcome);
      }
    }
  }
}
