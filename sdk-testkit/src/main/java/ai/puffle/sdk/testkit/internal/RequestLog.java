package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Operation;
import ai.puffle.sdk.testkit.RecordedCall;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every request in arrival order, and the number of requests per operation. Thread-safe. */
final class RequestLog {
  private final List<RecordedCall> calls = new ArrayList<>();
  private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
  private long sequence;

  /** Counts a request on arrival and returns its sequence number, from 1. */
  synchronized long arrived(Operation operation) {
    counts.merge(operation, 1, Integer::sum);
    return ++sequence;
  }

  synchronized void add(RecordedCall call) {
    calls.add(call);
  }

  synchronized List<RecordedCall> calls() {
    List<RecordedCall> sorted = new ArrayList<>(calls);
    sorted.sort(Comparator.comparingLong(RecordedCall::sequence));
    return List.copyOf(sorted);
  }

  synchronized int count(Operation operation) {
    return counts.getOrDefault(operation, 0);
  }

  synchronized int total() {
    return (int) sequence;
  }
}
