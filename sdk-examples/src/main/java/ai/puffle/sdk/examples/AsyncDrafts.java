package ai.puffle.sdk.examples;

import ai.puffle.sdk.AsyncSessions;
import ai.puffle.sdk.Campaign;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleAsyncClient;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.SequenceContext;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import ai.puffle.sdk.examples.support.Durations;
import ai.puffle.sdk.examples.support.ExitCodes;
import ai.puffle.sdk.examples.support.Failure;
import ai.puffle.sdk.examples.support.ProgressBoard;
import ai.puffle.sdk.examples.support.Samples;
import ai.puffle.sdk.examples.support.Seeding;
import ai.puffle.sdk.examples.support.Settings;
import ai.puffle.sdk.examples.support.Target;
import ai.puffle.sdk.examples.support.Terminal;
import ai.puffle.sdk.examples.support.ThreadGauge;
import ai.puffle.sdk.examples.support.UsageException;
import ai.puffle.sdk.testkit.FakePuffle;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Drafts several AI nodes at once with {@link ai.puffle.sdk.PuffleClient#async()}: for each node it
 * finds or creates the chat session and sends two turns (a brief, then an answer), all
 * concurrently, and prints what each produced. It also prints the JVM's live thread count before,
 * at its highest while the drafts wait, and after: waiting holds no thread, because polls are
 * scheduled on one scheduler thread and sent with OkHttp's asynchronous calls.
 *
 * <p>On the embedded emulator (no {@code PUFFLE_API_KEY}) it plants a campaign with {@code --nodes}
 * AI nodes (default 5); with a key it drafts the nodes given by {@code --node} (repeat it, or
 * separate ids by commas in {@code PUFFLE_NODE_ID}).
 *
 * <pre>
 * mvn -q -pl sdk-examples -am -DskipTests compile exec:java -Dexec.mainClass=ai.puffle.sdk.examples.AsyncDrafts
 * </pre>
 */
public final class AsyncDrafts {
  private final Consumer<FakePuffle> emulatorSetup;

  /** The program as run from the command line. */
  public AsyncDrafts() {
    this(fake -> {});
  }

  /**
   * The program with a hook told of the embedded emulator once it is seeded, before the first
   * request (tests use it to inject faults; it is not called with an API key).
   */
  public AsyncDrafts(Consumer<FakePuffle> emulatorSetup) {
    this.emulatorSetup = Objects.requireNonNull(emulatorSetup, "emulatorSetup");
  }

  /** Runs the program and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(new AsyncDrafts().run(args, System.getenv(), System.in, System.out, System.err));
  }

  /**
   * Drafts the nodes.
   *
   * @param in unused
   * @return the exit code: {@link ExitCodes#OK} when every node was drafted, else the code of the
   *     first node that failed
   */
  public int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    long start = System.nanoTime();
    try {
      Settings settings = Settings.parse(args, env, true);
      if (settings.help()) {
        out.println(Settings.usage("AsyncDrafts", true));
        return ExitCodes.OK;
      }
      Seeding seeding = Seeding.aiNodes(settings.nodeCount());
      try (Target target = Target.open(settings, seeding, emulatorSetup, out, err)) {
        int code = draftAll(target, out, err);
        out.println("Finished in " + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ".");
        return code;
      }
    } catch (RuntimeException e) {
      Failure failure = Failure.of(e);
      out.flush();
      err.println(failure.line());
      return failure.exitCode();
    }
  }

  private static int draftAll(Target target, PrintStream out, PrintStream err) {
    ThreadGauge threads = ThreadGauge.withoutEmulator();
    PuffleAsyncClient async = target.client().async();
    Campaign campaign = async.campaigns().get(target.campaignId()).join();
    List<SequenceNode> nodes = new ArrayList<>();
    for (String id : target.nodeIds()) {
      SequenceNode node = campaign.node(id).filter(SequenceNode::isAi).orElseThrow(() ->
          new UsageException("campaign " + campaign.id() + " has no AI node " + id));
      nodes.add(node);
    }
    Map<String, String> sessionIds = new HashMap<>();
    async.sessions().list(campaign.id()).join()
        .forEach(s -> sessionIds.putIfAbsent(s.nodeId(), s.id()));

    int before = threads.live();
    out.println("Drafting " + plural(nodes.size(), "AI node") + " of campaign " + campaign.id()
        + " concurrently, 2 turns each. Live threads before: " + before + ".");
    ProgressBoard board = new ProgressBoard(out, Terminal.isInteractive());
    List<CompletableFuture<TurnResult>> drafts = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      SequenceNode node = nodes.get(i);
      String label = "node " + (i + 1);
      WaitOptions wait = target.waitOptions();
      RequestOptions progress =
          RequestOptions.builder().eventListener(board.listener(label, threads::sample)).build();
      SequenceContext context = SequenceContext.of(node.position(), campaign.sequenceNodes().size());
      drafts.add(draft(async.sessions(), campaign.id(), node, sessionIds.get(node.id()), context, wait,
          progress, label, board));
    }
    threads.sample();
    CompletableFuture.allOf(drafts.toArray(new CompletableFuture<?>[0])).exceptionally(e -> null).join();
    board.finish();
    int after = threads.live();

    out.println();
    out.println("Results");
    int code = ExitCodes.OK;
    for (int i = 0; i < nodes.size(); i++) {
      String label = "  node " + (i + 1) + " " + nodes.get(i).id() + ": ";
      try {
        Session s = drafts.get(i).join().session();
        out.println(label + s.skeleton().flatMap(k -> k.subject()).map(subject ->
            "skeleton v" + s.frameworkVersion().orElse(0) + ", subject \"" + subject + "\"")
            .orElse("no skeleton yet (" + s.messages().size() + " messages)"));
      } catch (RuntimeException e) {
        Failure failure = Failure.of(e);
        out.println(label + "failed");
        err.println(failure.line());
        code = code == ExitCodes.OK ? failure.exitCode() : code;
      }
    }
    out.println();
    out.println("Live threads: " + before + " before, at most " + Math.max(threads.peak(), before)
        + " while " + plural(nodes.size(), "draft") + " waited, " + after + " after"
        + (target.emulated() ? " (not counting the emulator's server threads)" : "") + ".");
    out.println("Waiting holds no thread: polls are scheduled on one scheduler thread and sent"
        + " with OkHttp's asynchronous calls, whose threads are capped by maxConcurrentRequests"
        + " (Puffle) and by the caps on live run feeds and streams (Trigger.dev).");
    if (target.emulated()) {
      out.println("Try -Dexec.args=\"--nodes 100\": the thread count stays within those caps.");
    }
    return code;
  }

  /** Finds or creates the node's session, then sends the brief and one answer. */
  private static CompletableFuture<TurnResult> draft(AsyncSessions sessions, String campaignId,
      SequenceNode node, String existingSession, SequenceContext context, WaitOptions wait,
      RequestOptions progress, String label, ProgressBoard board) {
    CompletableFuture<String> session = existingSession != null
        ? CompletableFuture.completedFuture(existingSession)
        : sessions.create(campaignId, node.id()).thenApply(Session::id);
    String brief = Samples.brief(node.aiPurpose().orElse(null));
    return session
        .thenCompose(id -> live(sessions.startTurn(id, request(brief, context), wait, progress), label, board))
        .thenCompose(first -> {
          board.println("  " + label + ": turn 1 answered in " + Durations.format(first.elapsed()));
          return live(sessions.startTurn(
              first.session().id(), request(Samples.ANSWERS.get(0), context), wait, progress), label, board);
        })
        .whenComplete((second, error) -> {
          if (second != null) {
            board.println("  " + label + ": turn 2 answered in " + Durations.format(second.elapsed())
                + (second.skeletonChanged() ? ", skeleton written" : ""));
          }
        });
  }

  /** The result of a live turn, whose run's statuses go to the board as they change. */
  private static CompletableFuture<TurnResult> live(
      CompletableFuture<LiveTurn> started, String label, ProgressBoard board) {
    return started.thenCompose(turn -> turn.onEvent(e -> board.event(label, e)).result());
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static TurnRequest request(String message, SequenceContext context) {
    return TurnRequest.builder(message)
        .sampleLeads(Samples.LEADS)
        .availableVarNames(Samples.VARIABLES)
        .sequenceContext(context)
        .build();
  }
}
