package ai.puffle.sdk.reliability;

import ai.puffle.sdk.ExamplesRequest;
import ai.puffle.sdk.ExamplesResult;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.testkit.Operation;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The waits of the feed matrix: a task whose run the client follows while it waits, sent once
 * and waited for with the default {@link WaitOptions} (polls every 2 s growing to 5 s).
 */
enum FeedOp {
  /** {@code turnAndWait}: ends with the reply in hand. */
  TURN("turn", Operation.RUN_TURN) {
    @Override
    String setup(FeedRig rig) {
      return rig.newSession();
    }

    @Override
    String run(FeedRig rig, String session) {
      return outcome(rig.client.sessions().turnAndWait(session, TurnRequest.of(MESSAGE), WaitOptions.defaults()));
    }

    @Override
    CompletableFuture<String> start(FeedRig rig, String session) {
      return rig.client.async().sessions()
          .turnAndWait(session, TurnRequest.of(MESSAGE), WaitOptions.defaults())
          .thenApply(FeedOp::outcome);
    }

    @Override
    int taken(FeedRig rig, String session) {
      return (int) rig.fake.turnMessagesAccepted(session).stream().filter(MESSAGE::equals).count();
    }
  },
  /**
   * {@code generateExamplesAndWait} with {@code isFirstBatch=false}, so that a run taken twice
   * would leave twice the examples: ends with the examples in hand.
   */
  EXAMPLES("generate examples", Operation.GENERATE_EXAMPLES) {
    @Override
    String setup(FeedRig rig) {
      String session = rig.newSession();
      rig.chatToSkeleton(session);
      return session;
    }

    @Override
    String run(FeedRig rig, String session) {
      return outcome(rig.client.sessions().generateExamplesAndWait(session, request(), WaitOptions.defaults()));
    }

    @Override
    CompletableFuture<String> start(FeedRig rig, String session) {
      return rig.client.async().sessions()
          .generateExamplesAndWait(session, request(), WaitOptions.defaults())
          .thenApply(FeedOp::outcome);
    }

    @Override
    int taken(FeedRig rig, String session) {
      Object examples = rig.fake.session(session).orElseThrow().get("generated_examples");
      return examples == null ? 0 : ((List<?>) examples).size() / LEADS.size();
    }
  };

  static final String MESSAGE = "Make the CTA softer";
  static final List<Lead> LEADS = List.of(Lead.of("Ada", "Lovelace"), Lead.of("Grace", "Hopper"));

  final String label;
  /** The request that sends the task. */
  final Operation main;

  FeedOp(String label, Operation main) {
    this.label = label;
    this.main = main;
  }

  /** Prepares the emulator before any fault is armed; returns the session the cell works on. */
  abstract String setup(FeedRig rig);

  /** Sends the task and waits for it with the blocking API; returns the outcome. */
  abstract String run(FeedRig rig, String session);

  /** The same through {@code client.async()}. */
  abstract CompletableFuture<String> start(FeedRig rig, String session);

  /** How many times the server took the work (turn messages accepted, example runs written). */
  abstract int taken(FeedRig rig, String session);

  private static ExamplesRequest request() {
    return ExamplesRequest.builder(LEADS).firstBatch(false).build();
  }

  /** "reply": the wait returned with the assistant's reply. */
  static String outcome(TurnResult r) {
    return r.reply() != null && !r.reply().isEmpty() ? "reply" : "no reply";
  }

  /** "2 examples": the wait returned with the run's examples. */
  static String outcome(ExamplesResult r) {
    return r.examples().size() + " examples";
  }
}
