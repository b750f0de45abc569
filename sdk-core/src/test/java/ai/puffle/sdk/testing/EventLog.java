package ai.puffle.sdk.testing;

import ai.puffle.sdk.PuffleEventListener;
import ai.puffle.sdk.TaskStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * A listener factory for tests: every event of every call, as one line each ({@link #lines()}),
 * and the retries with the failure of the attempt they follow ({@link #retries()}).
 */
public final class EventLog implements PuffleEventListener.Factory {
  /** One retry: the failed attempt, why, its failure and the delay. */
  public static final class Retry {
    public final PuffleEventListener.Attempt attempt;
    public final PuffleEventListener.RetryReason reason;
    public final Throwable failure;
    public final Duration delay;

    Retry(PuffleEventListener.Attempt attempt, PuffleEventListener.RetryReason reason, Throwable failure,
        Duration delay) {
      this.attempt = attempt;
      this.reason = reason;
      this.failure = failure;
      this.delay = delay;
    }

    @Override
    public String toString() {
      return "Retry{" + attempt + " " + reason + " in " + delay + "}";
    }
  }

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Retry> retries = new CopyOnWriteArrayList<>();
  private final List<Object> values = new CopyOnWriteArrayList<>();

  /** Every event so far, one line each, e.g. {@code attemptEnd getAiChatSession #1 200}. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines that start with {@code event}. */
  public List<String> lines(String event) {
    return lines.stream().filter(l -> l.equals(event) || l.startsWith(event + " "))
        .collect(Collectors.toList());
  }

  /** The retries so far. */
  public List<Retry> retries() {
    return List.copyOf(retries);
  }

  /** The reasons of the retries so far. */
  public List<PuffleEventListener.RetryReason> retryReasons() {
    return retries.stream().map(r -> r.reason).collect(Collectors.toList());
  }

  /** Every value a listener was handed (operations, attempts, waits, failures, durations, ...). */
  public List<Object> values() {
    return List.copyOf(values);
  }

  /** Forgets everything so far. */
  public void clear() {
    lines.clear();
    retries.clear();
    values.clear();
  }

  @Override
  public PuffleEventListener create(PuffleEventListener.Operation operation) {
    return new PuffleEventListener() {
      private final Map<Attempt, Throwable> failures = new IdentityHashMap<>();

      private void log(String line, Object... seen) {
        lines.add(line);
        for (Object o : seen) {
          if (o != null) {
            values.add(o);
          }
        }
      }

      @Override
      public void operationStart(Operation op) {
        log("operationStart " + op.id() + " " + op.method() + " " + op.pathTemplate(), op);
      }

      @Override
      public void operationEnd(Operation op, int attempts, Duration duration, Throwable failure) {
        log("operationEnd " + op.id() + " attempts=" + attempts
            + (failure == null ? " ok" : " " + failure.getClass().getSimpleName()), op, duration, failure);
      }

      @Override
      public void attemptStart(Attempt attempt, BiConsumer<String, String> headers) {
        log("attemptStart " + attempt.operationId() + " #" + attempt.number(), attempt);
      }

      @Override
      public void attemptEnd(Attempt attempt, int statusCode, String requestId, Duration duration,
          Throwable failure) {
        synchronized (failures) {
          failures.put(attempt, failure);
        }
        log("attemptEnd " + attempt.operationId() + " #" + attempt.number() + " " + statusCode
            + (failure == null ? "" : " " + failure.getClass().getSimpleName()), attempt, requestId,
            duration, failure);
      }

      @Override
      public void retryScheduled(Attempt failed, RetryReason reason, Duration delay) {
        Throwable failure;
        synchronized (failures) {
          failure = failures.get(failed);
        }
        retries.add(new Retry(failed, reason, failure, delay));
        log("retryScheduled " + failed.operationId() + " #" + failed.number() + " " + reason, failed, delay);
      }

      @Override
      public void reconciled(Attempt failed, Verdict verdict) {
        log("reconciled " + failed.operationId() + " #" + failed.number() + " " + verdict, failed);
      }

      @Override
      public void waitStart(Wait wait) {
        log("waitStart " + wait.kind() + wait.task().map(t -> " " + t).orElse(""), wait);
      }

      @Override
      public void poll(Wait wait, int polls, TaskStatus status, Duration elapsed) {
        log("poll " + wait.kind() + " " + polls + " " + status, wait, elapsed);
      }

      @Override
      public void waitEnd(Wait wait, int polls, Duration elapsed, Throwable failure) {
        log("waitEnd " + wait.kind() + " polls=" + polls
            + (failure == null ? " ok" : " " + failure.getClass().getSimpleName()), wait, elapsed, failure);
      }

      @Override
      public void runWatchStart(String runId) {
        log("runWatchStart", runId);
      }

      @Override
      public void runStatus(String runId, String status) {
        log("runStatus " + status, runId);
      }

      @Override
      public void runFallback(String runId, String reason) {
        log("runFallback " + reason, runId);
      }

      @Override
      public void runWatchEnd(String runId, String reason) {
        log("runWatchEnd " + reason, runId);
      }
    };
  }

  @Override
  public String toString() {
    return String.join("\n", new ArrayList<>(lines));
  }
}
