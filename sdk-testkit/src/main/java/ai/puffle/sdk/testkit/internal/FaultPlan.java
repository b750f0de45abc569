package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Fault;
import ai.puffle.sdk.testkit.Faults;
import ai.puffle.sdk.testkit.InjectedFault;
import ai.puffle.sdk.testkit.Operation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/** The {@link Faults} script: scripted rules first, then the seeded random rate. Thread-safe. */
public final class FaultPlan implements Faults {
  private static final List<Fault> TRANSIENT =
      List.of(
          Fault.status(500),
          Fault.status(502),
          Fault.status(503),
          Fault.status(504),
          Fault.rateLimited(),
          Fault.rateLimited(Duration.ofSeconds(1)),
          Fault.disconnect());

  private final List<Rule> rules = new ArrayList<>();
  private final List<InjectedFault> injected = new ArrayList<>();
  private double probability;
  private Random random;
  private List<Fault> choices = TRANSIENT;

  @Override
  public Faults next(Operation operation, Fault fault) {
    return next(operation, 1, fault);
  }

  @Override
  public synchronized Faults next(Operation operation, int count, Fault fault) {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(fault, "fault");
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    requireApplies(operation, fault);
    rules.add(new Rule(operation, count, fault));
    return this;
  }

  @Override
  public synchronized Faults nextRequest(Fault fault) {
    requireResponseFault(fault);
    rules.add(new Rule(null, 1, fault));
    return this;
  }

  @Override
  public Faults rate(double probability, long seed) {
    return rate(probability, seed, TRANSIENT.toArray(new Fault[0]));
  }

  @Override
  public synchronized Faults rate(double probability, long seed, Fault... choices) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be within 0..1: " + probability);
    }
    if (choices.length == 0) {
      throw new IllegalArgumentException("no fault to choose from");
    }
    for (Fault fault : choices) {
      requireResponseFault(fault);
    }
    this.probability = probability;
    this.random = new Random(seed);
    this.choices = List.of(choices);
    return this;
  }

  @Override
  public synchronized int pending() {
    return rules.stream().mapToInt(rule -> rule.remaining).sum();
  }

  @Override
  public synchronized void clear() {
    rules.clear();
    probability = 0;
    random = null;
  }

  /** The fault for the next request of {@code operation}, consuming it; null for none. */
  synchronized Fault pick(Operation operation) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.operation == null || rule.operation == operation) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return rule.fault;
      }
    }
    if (random != null && probability > 0 && random.nextDouble() < probability) {
      return choices.get(random.nextInt(choices.size()));
    }
    return null;
  }

  synchronized void record(InjectedFault fault) {
    injected.add(fault);
  }

  synchronized List<InjectedFault> injected() {
    return List.copyOf(injected);
  }

  /** Refuses a fault aimed at an operation it has no meaning for, naming what it needs. */
  private static void requireApplies(Operation operation, Fault fault) {
    Fault.Kind kind = fault.kind();
    if (kind == Fault.Kind.JUDGE_REJECTS && operation != Operation.RUN_TURN) {
      throw new IllegalArgumentException(kind + " needs RUN_TURN");
    }
    if (fault.isTaskFault() && !operation.isTask()) {
      throw new IllegalArgumentException(kind + " needs RUN_TURN or GENERATE_EXAMPLES");
    }
    if (kind == Fault.Kind.MUST_REFETCH && operation != Operation.SUBSCRIBE_TO_RUN) {
      throw new IllegalArgumentException(kind + " needs SUBSCRIBE_TO_RUN");
    }
    if (kind == Fault.Kind.TOKEN_EXPIRED && operation != Operation.SUBSCRIBE_TO_RUN
        && operation != Operation.RETRIEVE_RUN && operation != Operation.READ_STREAM) {
      throw new IllegalArgumentException(
          kind + " needs SUBSCRIBE_TO_RUN, RETRIEVE_RUN or READ_STREAM");
    }
    if (fault.isStreamFault() && operation != Operation.READ_STREAM) {
      throw new IllegalArgumentException(kind + " needs READ_STREAM");
    }
    if (kind == Fault.Kind.TRUNCATED_JSON && operation == Operation.READ_STREAM) {
      throw new IllegalArgumentException("TRUNCATED_JSON has no meaning for READ_STREAM (a stream"
          + " has no single JSON body): use Fault.malformedJson() for an event that is not JSON,"
          + " or Fault.dropStreamAfter(n) for a stream cut short");
    }
  }

  private static void requireResponseFault(Fault fault) {
    if (fault.isTaskFault()) {
      throw new IllegalArgumentException(fault.kind() + " must be aimed at a task operation");
    }
    if (fault.isRunFault()) {
      throw new IllegalArgumentException(fault.kind() + " must be aimed at a run endpoint");
    }
    if (fault.isStreamFault()) {
      throw new IllegalArgumentException(fault.kind() + " must be aimed at READ_STREAM");
    }
  }

  private static final class Rule {
    final Operation operation;
    int remaining;
    final Fault fault;

    Rule(Operation operation, int remaining, Fault fault) {
      this.operation = operation;
      this.remaining = remaining;
      this.fault = fault;
    }
  }
}
