package ai.puffle.sdk.testkit.internal;

import java.time.Duration;

/** How long tasks take in service time (before scaling). Immutable. */
final class Timings {
  final Duration turn;
  final Duration examplesBase;
  final Duration examplesPerLead;

  Timings(Duration turn, Duration examplesBase, Duration examplesPerLead) {
    this.turn = turn;
    this.examplesBase = examplesBase;
    this.examplesPerLead = examplesPerLead;
  }

  Duration turn() {
    return turn;
  }

  /** Example (and AI message) generation grows with the number of leads. */
  Duration examples(int leads) {
    return examplesBase.plus(examplesPerLead.multipliedBy(leads));
  }
}
