package ai.puffle.sdk.examples;

import ai.puffle.sdk.AuthenticationException;
import ai.puffle.sdk.ClientClosedException;
import ai.puffle.sdk.Conversation;
import ai.puffle.sdk.NotFoundException;
import ai.puffle.sdk.PermissionDeniedException;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.PuffleException;
import ai.puffle.sdk.RequestOptions;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.examples.support.ExitCodes;
import ai.puffle.sdk.examples.support.Failure;
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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An interactive chat with Puffle's framework agent on one AI node: type a message and read the
 * reply. Commands: {@code /skeleton}, {@code /draft}, {@code /examples} (for three sample leads),
 * {@code /apply} (copy the draft onto the node), {@code /help}, {@code /quit}. It reads standard
 * input line by line; the end of input quits.
 *
 * <p>A failed turn or command prints one line on standard error and the chat goes on, except when
 * the key is rejected or the campaign, node or session is gone ({@link ExitCodes#API}). Runs on the
 * embedded emulator without {@code PUFFLE_API_KEY}, like {@link CreateTurnExamples}.
 *
 * <pre>
 * mvn -q -pl sdk-examples -am -DskipTests compile exec:java -Dexec.mainClass=ai.puffle.sdk.examples.Chat
 * </pre>
 */
public final class Chat {
  /** The prompt printed before each line is read. */
  public static final String PROMPT = "you> ";
  private static final String HELP = String.join("\n",
      "Type a message to chat with the framework agent. Commands:",
      "  /skeleton  show the skeleton (blocks, variables, AI instructions)",
      "  /draft     show the draft subject and body",
      "  /examples  write example emails for " + Samples.LEADS.size() + " sample leads",
      "  /apply     copy the draft onto the sequence node",
      "  /help      show this help",
      "  /quit      leave (so does the end of input)");

  private final Consumer<FakePuffle> emulatorSetup;

  /** The program as run from the command line. */
  public Chat() {
    this(fake -> {});
  }

  /**
   * The program with a hook told of the embedded emulator once it is seeded, before the first
   * request (tests use it to inject faults; it is not called with an API key).
   */
  public Chat(Consumer<FakePuffle> emulatorSetup) {
    this.emulatorSetup = Objects.requireNonNull(emulatorSetup, "emulatorSetup");
  }

  /** Runs the chat on standard input and output and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(new Chat().run(args, System.getenv(), System.in, System.out, System.err));
  }

  /**
   * Runs the chat until {@code /quit} or the end of {@code in}.
   *
   * @return the exit code: {@link ExitCodes#OK} after {@code /quit} or the end of input
   */
  public int run(String[] args, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
    try {
      Settings settings = Settings.parse(args, env, false);
      if (settings.help()) {
        out.println(Settings.usage("Chat", false));
        return ExitCodes.OK;
      }
      boolean interactive = Terminal.isInteractive();
      try (Target target = Target.open(settings, Seeding.defaultCampaign(), emulatorSetup, out, err)) {
        PuffleClient client = target.client().withOptions(
            RequestOptions.builder().eventListener(new ProgressLine(out, interactive)).build());
        NodeConversation opened =
            NodeConversation.open(client, target.campaignId(), target.nodeId(), target.waitOptions());
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Loop(opened, reader, out, err, !interactive, interactive).run();
      }
    } catch (RuntimeException e) {
      Failure failure = Failure.of(e);
      out.flush();
      err.println(failure.line());
      return failure.exitCode();
    }
  }

  /** The read-reply loop of one chat. */
  private static final class Loop {
    private final NodeConversation opened;
    private final Conversation chat;
    private final BufferedReader in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean echo;
    private final Render render;
    private final LiveReply live;

    Loop(NodeConversation opened, BufferedReader in, PrintStream out, PrintStream err, boolean echo,
        boolean interactive) {
      this.opened = opened;
      this.chat = opened.conversation();
      this.in = in;
      this.out = out;
      this.err = err;
      this.echo = echo;
      this.render = new Render(out);
      this.live = new LiveReply(out, interactive);
    }

    int run() {
      introduce();
      while (true) {
        out.print(PROMPT);
        out.flush();
        String line = readLine();
        if (line == null) {
          out.println();
          out.println("Bye.");
          return ExitCodes.OK;
        }
        if (echo) {
          out.println(line);
        }
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.equals("/quit") || line.equals("/exit")) {
          out.println("Bye.");
          return ExitCodes.OK;
        }
        try {
          handle(line);
        } catch (PuffleException e) {
          Failure failure = Failure.of(e);
          out.flush();
          err.println(failure.line());
          if (fatal(e)) {
            return failure.exitCode();
          }
        }
      }
    }

    private void introduce() {
      out.println("Chatting with Puffle's framework agent on AI node " + chat.nodeId()
          + opened.purpose().map(p -> " (\"" + p + "\")").orElse("") + ".");
      Session session = chat.session();
      out.println("Session " + chat.sessionId() + (session.messages().isEmpty() ? " (new)"
          : " (" + session.messages().size() + " earlier messages)") + ".");
      session.lastAssistantMessage().ifPresent(last -> render.said("Last reply: ", last));
      out.println("Type a message and press Enter; /help lists the commands.");
    }

    private void handle(String line) {
      switch (line.split("\\s+", 2)[0]) {
        case "/help":
          out.println(HELP);
          break;
        case "/skeleton":
          skeleton();
          break;
        case "/draft":
          render.draft(chat.session());
          break;
        case "/examples":
          examples();
          break;
        case "/apply":
          apply();
          break;
        default:
          if (line.startsWith("/")) {
            out.println("Unknown command " + line.split("\\s+", 2)[0] + "; /help lists the commands.");
          } else {
            send(line);
          }
      }
    }

    private void send(String message) {
      TurnResult result = live.show(chat.startTurn(message), "puffle> ");
      if (result.skeletonChanged()) {
        out.println("(The skeleton changed: /skeleton shows it, /draft the draft.)");
      }
    }

    private void skeleton() {
      Session session = chat.session();
      if (session.skeleton().isPresent()) {
        render.skeleton(session.skeleton().get(), session);
      } else {
        out.println("No skeleton yet: describe the email and answer the agent's questions.");
      }
    }

    private void examples() {
      if (!chat.session().hasSkeleton()) {
        out.println("No skeleton yet: examples are written from it, so chat first.");
        return;
      }
      out.println("Writing examples for " + Samples.LEADS.size() + " sample leads ...");
      render.examples(chat.generateExamples(Samples.LEADS), Samples.LEADS);
    }

    private void apply() {
      if (!chat.session().hasDraft()) {
        out.println("No draft yet: chat until the agent writes one.");
        return;
      }
      render.applied(chat.applyDraft());
    }

    private String readLine() {
      try {
        return in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Errors after which chatting on cannot help: the key, the campaign or the session is gone. */
    private static boolean fatal(PuffleException e) {
      return e instanceof AuthenticationException || e instanceof PermissionDeniedException
          || e instanceof NotFoundException || e instanceof ClientClosedException;
    }
  }
}
