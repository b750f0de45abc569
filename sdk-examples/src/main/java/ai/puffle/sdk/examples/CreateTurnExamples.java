package ai.puffle.sdk.examples;

import ai.puffle.sdk.Conversation;
import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.examples.support.Durations;
import ai.puffle.sdk.examples.support.ExitCodes;
import ai.puffle.sdk.examples.support.Failure;
import ai.puffle.sdk.examples.support.FlowException;
import ai.puffle.sdk.examples.support.NodeConversation;
import ai.puffle.sdk.examples.support.LiveReply;
import ai.puffle.sdk.examples.support.ProgressLine;
import ai.puffle.sdk.examples.support.Render;
import ai.puffle.sdk.examples.support.Samples;
import ai.puffle.sdk.examples.support.Seeding;
import ai.puffle.sdk.examples.support.Settings;
import ai.puffle.sdk.examples.support.Target;
import ai.puffle.sdk.examples.support.Terminal;
import ai.puffle.sdk.testkit.FakePuffle;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The documented drafting flow, end to end, for one AI node: find or create the node's chat
 * session, send a brief and answer the assistant's questions (2 to 4 turns) until it has written
 * a skeleton, print the skeleton and the draft, generate examples for three sample leads, resolve
 * the campaign's messages, and copy the draft onto the sequence node.
 *
 * <p>Without {@code PUFFLE_API_KEY} it runs on the embedded emulator; with it, against {@code
 * PUFFLE_API_BASE_URL} (default https://app.puffle.ai) on the node given by {@code --campaign} and
 * {@code --node} (or {@code PUFFLE_CAMPAIGN_ID} / {@code PUFFLE_NODE_ID}). Exit codes are those of
 * {@link ExitCodes}; a failure prints one line on standard error.
 *
 * <pre>
 * mvn -q -pl sdk-examples -am -DskipTests compile exec:java
 * </pre>
 */
public final class CreateTurnExamples {
  private final Consumer<FakePuffle> emulatorSetup;

  /** The program as run from the command line. */
  public CreateTurnExamples() {
    this(fake -> {});
  }

  /**
   * The program with a hook told of the embedded emulator once it is seeded, before the first
   * request (tests use it to inject faults; it is not called with an API key).
   */
  public CreateTurnExamples(Consumer<FakePuffle> emulatorSetup) {
    this.emulatorSetup = Objects.requireNonNull(emulatorSetup, "emulatorSetup");
  }

  /** Runs the program and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(new CreateTurnExamples().run(args, System.getenv(), System.in, System.out, System.err));
  }

  /**
   * Runs the flow.
   *
   * @param in unused (the flow is scripted)
   * @return the exit code: {@link ExitCodes#OK} when the draft was applied
   */
  public int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    long start = System.nanoTime();
    try {
      Settings settings = Settings.parse(args, env, false);
      if (settings.help()) {
        out.println(Settings.usage("CreateTurnExamples", false));
        return ExitCodes.OK;
      }
      try (Target target = Target.open(settings, Seeding.defaultCampaign(), emulatorSetup, out, err)) {
        draft(target, out);
      }
      out.println();
      out.println("Done in " + Durations.format(Duration.ofNanos(System.nanoTime() - start)) + ".");
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      Failure failure = Failure.of(e);
      out.flush();
      err.println(failure.line());
      return failure.exitCode();
    }
  }

  private static void draft(Target target, PrintStream out) {
    Render render = new Render(out);
    PuffleClient client = target.client().withOptions(RequestOptions.builder()
        .eventListener(new ProgressLine(out, Terminal.isInteractive())).build());
    NodeConversation opened =
        NodeConversation.open(client, target.campaignId(), target.nodeId(), target.waitOptions());
    Conversation chat = opened.conversation();
    out.println("Campaign " + target.campaignId() + ", AI node " + target.nodeId()
        + opened.purpose().map(p -> " (\"" + p + "\")").orElse(""));
    out.println("Session " + chat.sessionId());

    LiveReply live = new LiveReply(out, Terminal.isInteractive());
    Session session = chat(chat, Samples.brief(opened.purpose().orElse(null)), render, live, out);
    out.println();
    render.skeleton(session.skeleton().orElseThrow(), session);
    out.println();
    render.draft(session);

    out.println();
    out.println("Generating examples for " + Samples.LEADS.size() + " leads ...");
    List<GeneratedExample> examples = chat.generateExamples(Samples.LEADS);
    render.examples(examples, Samples.LEADS);

    out.println();
    List<GeneratedMessage> messages = chat.resolveMessages();
    render.resolved(messages, target.nodeId());

    out.println();
    SequenceNode node = chat.applyDraft();
    render.applied(node);
  }

  /** Sends the brief, then answers, until the session has a skeleton and a draft. */
  private static Session chat(
      Conversation chat, String brief, Render render, LiveReply live, PrintStream out) {
    String message = brief;
    for (int turn = 1; turn <= Samples.MAX_TURNS; turn++) {
      out.println();
      render.said("You: ", message);
      TurnResult result = live.show(chat.startTurn(message), "Puffle: ");
      Session session = result.session();
      if (session.hasSkeleton() && session.hasDraft()) {
        return session;
      }
      if (turn < Samples.MAX_TURNS) {
        message = Samples.ANSWERS.get(turn - 1);
      }
    }
    throw new FlowException("the assistant wrote no skeleton and draft in " + Samples.MAX_TURNS
        + " turns; continue in the Chat example or the Puffle app");
  }
}
