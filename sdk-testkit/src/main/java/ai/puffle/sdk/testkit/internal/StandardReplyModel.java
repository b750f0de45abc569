package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.testkit.Reply;
import ai.puffle.sdk.testkit.ReplyModel;
import ai.puffle.sdk.testkit.TurnContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default {@link ReplyModel}: clarifying questions until the configured turn, then a new
 * skeleton revision (generate-content shape) and draft on every turn.
 */
public final class StandardReplyModel implements ReplyModel {
  static final String CLARIFYING_QUESTION =
      "Happy to help. Before I draft a framework: who exactly is the audience, and what is the "
          + "one outcome you want from this email (a reply, a call, a demo)?";
  private static final Map<String, Object> FALLBACK_LEAD =
      Map.of("first_name", "Ada", "last_name", "Lovelace", "company", "Analytical Engines",
          "position", "Head of Sales");

  private final int turnsUntilSkeleton;

  /**
   * Creates the model.
   *
   * @param turnsUntilSkeleton the turn number that produces the first skeleton, from 1
   */
  public StandardReplyModel(int turnsUntilSkeleton) {
    if (turnsUntilSkeleton < 1) {
      throw new IllegalArgumentException("turnsUntilSkeleton must be >= 1: " + turnsUntilSkeleton);
    }
    this.turnsUntilSkeleton = turnsUntilSkeleton;
  }

  @Override
  public Reply reply(TurnContext turn) {
    if (turn.turnNumber() < turnsUntilSkeleton && turn.currentSkeleton().isEmpty()) {
      return Reply.text(CLARIFYING_QUESTION);
    }
    long version = turn.frameworkVersion() + 1;
    Map<String, Object> skeleton = skeleton(turn);
    String message =
        version == 1
            ? "Here is a first framework: a personal hook, one value point and a soft call to "
                + "action. The draft uses variables for each lead; tell me what to change."
            : "Revised the framework (version " + version + ") with your notes. The draft is "
                + "updated to match.";
    return Reply.builder().message(message).skeleton(skeleton).build();
  }

  private static Map<String, Object> skeleton(TurnContext turn) {
    Vars v = new Vars(turn.availableVarNames());
    String subject = v.get("first_name", "Quick idea") + ", a faster path to ROI at "
        + v.get("company", "your team");
    String guidance = turn.message().replaceAll("\\s+", " ").trim();
    if (guidance.length() > 120) {
      guidance = guidance.substring(0, 120).trim();
    }
    String body = "Hi " + v.get("first_name", "there") + ",\n\n"
        + "&&Open with one specific observation about " + v.get("company", "their company")
        + " from the lead's headline or recent news&&\n\n"
        + "&&In one sentence, apply this guidance to the lead's role as "
        + v.get("position", "a leader") + ": " + guidance + "&&\n\n"
        + "Would a 15-minute call next week be useful?\n\n"
        + v.get("sender_first", "Best");
    Map<String, Object> skeleton = new LinkedHashMap<>();
    skeleton.put("subject", subject);
    skeleton.put("body", body);
    skeleton.put("blocks", blocks());
    Map<String, ?> lead = turn.sampleLeads().isEmpty() ? FALLBACK_LEAD : turn.sampleLeads().get(0);
    Map<String, String> values = Templates.values(lead);
    skeleton.put("exampleSubject", Templates.write(subject, values));
    skeleton.put("exampleBody", Templates.write(body, values));
    return skeleton;
  }

  private static List<Object> blocks() {
    List<Object> blocks = new ArrayList<>();
    blocks.add(block("hook", "Lead with an observation about the lead's company.",
        List.of("company", "headline"), "Reference something specific and recent.",
        "Mention the lead's industry instead."));
    blocks.add(block("value_prop", "Tie one outcome to the lead's role.",
        List.of("position"), "Speak to what the role is measured on.",
        "Use a general outcome for sales leaders."));
    blocks.add(block("cta", "Ask for a short call, low pressure.",
        List.of(), "Keep it to one question.", "Offer to send a short summary instead."));
    return blocks;
  }

  private static Map<String, Object> block(
      String name, String strategy, List<String> fields, String approach, String fallback) {
    Map<String, Object> personalization = new LinkedHashMap<>();
    personalization.put("fields", fields);
    personalization.put("approach", approach);
    personalization.put("fallback", fallback);
    Map<String, Object> block = new LinkedHashMap<>();
    block.put("name", name);
    block.put("strategy", strategy);
    block.put("personalization", personalization);
    return block;
  }

  /** Variables the turn allows: all of them when the turn gives no list. */
  private static final class Vars {
    private final List<String> allowed;

    Vars(List<String> allowed) {
      this.allowed = allowed;
    }

    String get(String name, String fallback) {
      return allowed.isEmpty() || allowed.contains(name) ? "%" + name + "%" : fallback;
    }
  }
}
