package ai.puffle.sdk.examples.support;

import ai.puffle.sdk.GeneratedExample;
import ai.puffle.sdk.GeneratedMessage;
import ai.puffle.sdk.Lead;
import ai.puffle.sdk.SequenceNode;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.Skeleton;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints what the drafting produced: replies, the skeleton, the draft, examples and messages. */
public final class Render {
  private final PrintStream out;

  /** Prints on {@code out}. */
  public Render(PrintStream out) {
    this.out = out;
  }

  /** A speaker's text: the first line after the label (such as {@code "You: "}), the rest indented. */
  public void said(String label, String text) {
    List<String> lines = lines(text);
    out.println(label + (lines.isEmpty() ? "" : lines.get(0)));
    for (int i = 1; i < lines.size(); i++) {
      out.println(lines.get(i).isEmpty() ? "" : "  " + lines.get(i));
    }
  }

  /** The skeleton: subject, blocks, variables and AI instructions. */
  public void skeleton(Skeleton skeleton, Session session) {
    String version = session.frameworkVersion().isPresent()
        ? " (framework version " + session.frameworkVersion().getAsLong() + ")" : "";
    out.println("Skeleton" + version);
    skeleton.subject().ifPresent(s -> out.println("  subject:   " + s));
    if (!skeleton.blocks().isEmpty()) {
      out.println("  blocks:");
      for (Skeleton.Block block : skeleton.blocks()) {
        StringBuilder line = new StringBuilder("    - ").append(block.name().orElse("(unnamed)"));
        block.strategy().ifPresent(s -> line.append(": ").append(s));
        block.personalization().ifPresent(p -> {
          if (!p.fields().isEmpty()) {
            line.append(" [").append(String.join(", ", p.fields())).append(']');
          }
        });
        out.println(line);
      }
    }
    out.println("  variables: " + (skeleton.variables().isEmpty() ? "(none)"
        : String.join(", ", skeleton.variables())));
    if (skeleton.aiInstructions().isEmpty()) {
      out.println("  AI instructions: (none)");
    } else {
      out.println("  AI instructions:");
      int n = 1;
      for (String instruction : skeleton.aiInstructions()) {
        out.println("    " + n++ + ". " + instruction);
      }
    }
  }

  /** The session's draft subject and body, or a note that there is none. */
  public void draft(Session session) {
    if (!session.hasDraft()) {
      out.println("No draft yet.");
      return;
    }
    out.println("Draft");
    out.println("  subject: " + session.draftSubject().orElse(""));
    block("  ", session.draftBody().orElse(""));
  }

  /** The examples, each under its lead's name when the leads are in the same order. */
  public void examples(List<GeneratedExample> examples, List<Lead> leads) {
    out.println("Examples (" + examples.size() + ")");
    for (int i = 0; i < examples.size(); i++) {
      GeneratedExample example = examples.get(i);
      String who = i < leads.size() && examples.size() == leads.size() ? name(leads.get(i))
          : "lead " + example.leadId();
      out.println("  " + who);
      out.println("    subject: " + example.subject());
      block("    ", example.body());
    }
  }

  /** A summary of resolved messages: how many, and the subjects of this node's drafts. */
  public void resolved(List<GeneratedMessage> messages, String nodeId) {
    List<GeneratedMessage> mine = new ArrayList<>();
    messages.stream().filter(m -> nodeId.equals(m.nodeId())).forEach(mine::add);
    out.println("Resolved messages: " + messages.size() + " draft message(s), " + mine.size()
        + " for this node");
    for (GeneratedMessage m : mine) {
      out.println("  lead " + m.prospectId() + ": " + m.subject().orElse("(no subject)"));
    }
  }

  /** The node after the draft was applied. */
  public void applied(SequenceNode node) {
    out.println("Applied the draft to node " + node.id() + " (position " + node.position() + ")");
    out.println("  subject: " + node.subject().orElse(""));
  }

  /** A lead's display name with its company. */
  public static String name(Lead lead) {
    String name = lead.fullName().orElseGet(() -> (lead.firstName().orElse("") + " "
        + lead.lastName().orElse("")).trim());
    return lead.company().map(c -> name + " (" + c + ")").orElse(name);
  }

  private void block(String indent, String text) {
    for (String line : lines(text)) {
      out.println(line.isEmpty() ? indent + "|" : indent + "| " + line);
    }
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.strip().split("\\R", -1)));
    return lines.size() == 1 && lines.get(0).isEmpty() ? List.of() : lines;
  }
}
