package ai.puffle.sdk.testkit;

/**
 * Scripts the failures a {@link FakePuffle} injects. Scripted faults are used first, in the
 * order they were added; when none matches a request, the random rate (if set) may pick one.
 * Every injected fault is recorded in {@link FakePuffle#injectedFaults()}.
 *
 * <pre>{@code
 * fake.faults().next(Operation.RUN_TURN, Fault.status(500));        // the next /turn fails
 * fake.faults().next(Operation.GET_SESSION, 3, Fault.rateLimited()); // the next three GETs
 * fake.faults().rate(0.1, 42L);                                      // 10% transient faults
 * }</pre>
 */
public interface Faults {
  /**
   * The next request of {@code operation} gets {@code fault}.
   *
   * @throws IllegalArgumentException if a task fault is aimed at an operation without a task, a
   *     run fault ({@link Fault#mustRefetch()}, {@link Fault#tokenExpired()}) or a stream fault
   *     ({@link Fault#dropStreamAfter}, ...) at an operation it does not apply to, or {@link
   *     Fault#truncatedJson()} at {@link Operation#READ_STREAM}
   */
  Faults next(Operation operation, Fault fault);

  /**
   * The next {@code count} requests of {@code operation} get {@code fault}.
   *
   * @throws IllegalArgumentException if the count is not positive, or the fault is aimed at an
   *     operation it does not apply to (as for {@link #next(Operation, Fault)})
   */
  Faults next(Operation operation, int count, Fault fault);

  /**
   * The next request, whatever its operation, gets {@code fault} (task, run and stream faults not
   * allowed).
   *
   * @throws IllegalArgumentException for a task, run or stream fault
   */
  Faults nextRequest(Fault fault);

  /**
   * Injects a transient fault (500, 502, 503, 504, 429 with and without Retry-After, or a
   * dropped connection, all before processing) into each request with the given probability,
   * drawn from a {@link java.util.Random} seeded with {@code seed}: the same requests in the same
   * order get the same faults.
   *
   * @throws IllegalArgumentException if the probability is not within 0..1
   */
  Faults rate(double probability, long seed);

  /**
   * Like {@link #rate(double, long)}, picking uniformly among {@code choices} (task, run and
   * stream faults not allowed).
   *
   * @throws IllegalArgumentException if the probability is not within 0..1 or no choice is given
   */
  Faults rate(double probability, long seed, Fault... choices);

  /** How many scripted faults have not been used yet. */
  int pending();

  /** Drops every scripted fault and the random rate. */
  void clear();
}
