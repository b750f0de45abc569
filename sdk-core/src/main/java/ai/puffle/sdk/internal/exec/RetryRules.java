package ai.puffle.sdk.internal.exec;

import ai.puffle.sdk.PuffleConnectionException;
import ai.puffle.sdk.RateLimitException;
import ai.puffle.sdk.ServerException;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.SessionBusyException;
import ai.puffle.sdk.UnexpectedResponseException;
import ai.puffle.sdk.internal.http.ApiRequest;
import ai.puffle.sdk.internal.http.Safety;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Every rule of what the client does after a failure, in one place: how each failure is
 * classified for each {@link Safety}, backoff, jitter, the Retry-After cap, how a wait polls, and
 * what each poll result means. The Failsafe policies that retry calls are built here once per
 * client (and per retry budget) and shared by every call; a call's own state (its deadline, its
 * listeners) travels with its failures ({@link AttemptFailure}), never in a policy. Waits apply
 * {@link #afterPoll} and {@link #delay} to each poll, as an AWS waiter applies its acceptors.
 *
 * <table>
 *   <caption>How a failure is classified</caption>
 *   <tr><th>failure</th><th>{@code IDEMPOTENT}</th><th>{@code SEND_ONCE}</th></tr>
 *   <tr><td>connection failed before the request was written, 429</td><td>NOT_TAKEN</td><td>NOT_TAKEN</td></tr>
 *   <tr><td>500 (Puffle releases its claim before answering it)</td><td>TRANSIENT</td><td>NOT_TAKEN</td></tr>
 *   <tr><td>connection failed after sending, 502, 503, 504, an undecodable 2xx body</td><td>TRANSIENT</td><td>UNKNOWN_OUTCOME</td></tr>
 *   <tr><td>409</td><td>BUSY</td><td>BUSY</td></tr>
 *   <tr><td>anything else (400-404, a deadline, the client closed)</td><td>FINAL</td><td>FINAL</td></tr>
 * </table>
 *
 * <p>NOT_TAKEN and TRANSIENT are retried with backoff. BUSY is waited out by the task senders
 * (a turn, an example run, a content turn), which know the session; elsewhere it is final.
 * UNKNOWN_OUTCOME is reconciled from the server's state by the task senders; elsewhere it is
 * final.
 */
public final class RetryRules {
  /** What a failure means for sending the request again. */
  public enum FailureClass {
    /** The request provably did not take effect: send it again. */
    NOT_TAKEN,
    /** A passing failure of a request that is safe to repeat: send it again. */
    TRANSIENT,
    /** A send-once request may or may not have taken effect: read the server's state first. */
    UNKNOWN_OUTCOME,
    /** Another task holds the session (409): wait until it is idle. */
    BUSY,
    /** Nothing to try again. */
    FINAL;

    /** Whether the runner sends the request again after this failure. */
    public boolean retried() {
      return this == NOT_TAKEN || this == TRANSIENT;
    }
  }

  /** What a wait does after one poll. */
  public enum PollDecision {
    /** The session is idle: the wait is over. */
    DONE,
    /** Still busy, or a passing failure: poll again after the next interval. */
    POLL_AGAIN,
    /** A failure that ends the wait. */
    STOP
  }

  /** First retry delay; doubles up to {@link #MAX_BACKOFF}. */
  public static final Duration BASE_BACKOFF = Duration.ofMillis(500);
  /** Longest computed retry delay. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(8);
  /**
   * Jitter: every delay (backoff, Retry-After, poll interval) is lengthened by up to 20 %, never
   * shortened, so a poll never comes sooner than Puffle advises and a retry never sooner than the
   * server asked.
   */
  public static final double JITTER = 0.2;
  /** The longest Retry-After honoured. */
  public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);
  /** How fast poll intervals grow. */
  public static final double POLL_GROWTH = 1.5;
  /** First interval of a wait for a busy session (Puffle advises polling every 2-5 s). */
  public static final Duration BUSY_INITIAL_INTERVAL = Duration.ofSeconds(2);
  /** Longest interval of a wait for a busy session. */
  public static final Duration BUSY_MAX_INTERVAL = Duration.ofSeconds(5);
  /**
   * First interval of a wait's session polls while the task's run is followed: a safety net
   * for a watch that stalls without noticing, not the way the wait normally ends.
   */
  public static final Duration WATCHED_INITIAL_INTERVAL = Duration.ofSeconds(15);
  /** Longest interval of a wait's session polls while the task's run is followed. */
  public static final Duration WATCHED_MAX_INTERVAL = Duration.ofSeconds(30);
  /**
   * First interval once the followed run is over: the session is read at once, and should it
   * still show the task (it is written just before the run ends), soon again.
   */
  public static final Duration RUN_OVER_INITIAL_INTERVAL = Duration.ofMillis(200);
  /**
   * How long after a task was accepted its run is first looked at: a run goes through its queue
   * states (queued, dequeued, executing) within about a second, and looking after them saves a
   * feed request per state. Turns take 10-30 s, so the end is seen as soon as without it.
   */
  public static final Duration WATCH_START_DELAY = Duration.ofMillis(1500);
  /** How many times an unknown outcome may lead to sending the request again. */
  public static final int MAX_RESENDS = 3;
  /** The most retries a call may ask for. */
  public static final int MAX_RETRIES = 20;

  private final Timing timing;
  private final int maxRetries;
  private final RetryRules[] siblings;
  private final Map<Safety, RetryPolicy<Object>> policies = new EnumMap<>(Safety.class);


  private RetryRules(Timing timing, int maxRetries, RetryRules[] siblings) {
    this.timing = timing;
    this.maxRetries = maxRetries;
    this.siblings = siblings;
  }

  /**
   * The rules of a client on {@code timing}, for calls allowed {@code maxRetries} retries. Built
   * once per client; {@link #withMaxRetries} gives the rules of another retry budget, also built
   * once.
   */
  public static RetryRules forClient(Timing timing, int maxRetries) {
    RetryRules[] siblings = new RetryRules[MAX_RETRIES + 1];
    RetryRules rules = new RetryRules(timing, checked(maxRetries), siblings);
    siblings[maxRetries] = rules;
    return rules;
  }

  /** These rules with another retry budget (built on first use, then shared). */
  public RetryRules withMaxRetries(int maxRetries) {
    synchronized (siblings) {
      RetryRules rules = siblings[checked(maxRetries)];
      if (rules == null) {
        rules = new RetryRules(timing, maxRetries, siblings);
        siblings[maxRetries] = rules;
      }
      return rules;
    }
  }

  private static int checked(int maxRetries) {
    if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
      throw new IllegalArgumentException("maxRetries out of range: " + maxRetries);
    }
    return maxRetries;
  }

  /** How many retries a call gets. */
  public int maxRetries() {
    return maxRetries;
  }

  /** What {@code failure} of a request of {@code safety} means. */
  public static FailureClass classify(Safety safety, Throwable failure) {
    Throwable e = AttemptFailure.unwrap(failure);
    if (e instanceof SessionBusyException) {
      return FailureClass.BUSY;
    }
    if (e instanceof RateLimitException) {
      return FailureClass.NOT_TAKEN;
    }
    if (e instanceof PuffleConnectionException) {
      if (!((PuffleConnectionException) e).requestSent()) {
        return FailureClass.NOT_TAKEN;
      }
      return safety == Safety.SEND_ONCE ? FailureClass.UNKNOWN_OUTCOME : FailureClass.TRANSIENT;
    }
    if (e instanceof ServerException) {
      int status = ((ServerException) e).statusCode();
      if (status == 500) {
        return safety == Safety.SEND_ONCE ? FailureClass.NOT_TAKEN : FailureClass.TRANSIENT;
      }
      if (status == 502 || status == 503 || status == 504) {
        return safety == Safety.SEND_ONCE ? FailureClass.UNKNOWN_OUTCOME : FailureClass.TRANSIENT;
      }
      return FailureClass.FINAL;
    }
    if (e instanceof UnexpectedResponseException) {
      return safety == Safety.SEND_ONCE ? FailureClass.UNKNOWN_OUTCOME : FailureClass.TRANSIENT;
    }
    return FailureClass.FINAL;
  }

  /**
   * Whether OkHttp may repeat {@code request} by itself on a fresh connection after a pooled one
   * failed: only an idempotent request, and not a DELETE (its repeat would turn "deleted" into a
   * 404 that looks like a first answer).
   */
  public static boolean okHttpMayRepeat(ApiRequest<?> request) {
    return request.safety() == Safety.IDEMPOTENT && !"DELETE".equals(request.method());
  }

  /** What a wait does after a poll that read {@code session} (null: not read, known busy) or failed. */
  public static PollDecision afterPoll(Session session, Throwable failure) {
    if (failure != null) {
      return classify(Safety.IDEMPOTENT, failure).retried() ? PollDecision.POLL_AGAIN : PollDecision.STOP;
    }
    return session == null || session.isBusy() ? PollDecision.POLL_AGAIN : PollDecision.DONE;
  }

  /** The Retry-After a failure carries, capped at {@link #MAX_RETRY_AFTER}, or null. */
  public static Duration retryAfter(Throwable failure) {
    Throwable e = AttemptFailure.unwrap(failure);
    if (!(e instanceof RateLimitException)) {
      return null;
    }
    Duration asked = ((RateLimitException) e).retryAfter().orElse(null);
    if (asked == null) {
      return null;
    }
    return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
  }

  /**
   * The shared policy retrying requests of {@code safety}; every attempt's failure must be an
   * {@link AttemptFailure}. Built on first use (a client whose calls never fail never loads it),
   * then shared.
   */
  @SuppressWarnings("unchecked")
  public <T> RetryPolicy<T> policy(Safety safety) {
    synchronized (policies) {
      return (RetryPolicy<T>) (RetryPolicy<?>) policies.computeIfAbsent(safety, s -> callPolicy(s, maxRetries));
    }
  }

  private RetryPolicy<Object> callPolicy(Safety safety, int maxRetries) {
    return RetryPolicy.builder()
        .handleIf((r, e) -> e != null && classify(safety, e).retried())
        .abortIf((r, e) -> e instanceof AttemptFailure && !((AttemptFailure) e).retryFits())
        .withDelayFn(ctx -> delay(BASE_BACKOFF, MAX_BACKOFF, 2.0, ctx.getAttemptCount(), ctx.getLastException()))
        .withMaxRetries(maxRetries)
        .onRetryScheduled(e -> ((AttemptFailure) e.getLastException()).retryScheduled(e.getDelay()))
        .build();
  }

  /**
   * The wait before attempt {@code attempts + 1}: the Retry-After of {@code failure} (capped),
   * else {@code initial} growing by {@code growth} per attempt up to {@code max}; then lengthened
   * by up to {@link #JITTER}. The jitter draws from the client's {@link Timing#random()}, so that
   * a test on virtual time replays exactly (Failsafe's own jitter draws from Math.random).
   */
  public Duration delay(Duration initial, Duration max, double growth, int attempts, Throwable failure) {
    Duration ra = retryAfter(failure);
    double base;
    if (ra != null) {
      base = ra.toNanos();
    } else {
      base = Math.min(initial.toNanos() * Math.pow(growth, Math.max(0, attempts - 1)), max.toNanos());
    }
    return Duration.ofNanos((long) (base * (1 + JITTER * timing.random())));
  }
}
