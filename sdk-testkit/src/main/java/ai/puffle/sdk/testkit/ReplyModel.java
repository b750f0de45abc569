package ai.puffle.sdk.testkit;

import ai.puffle.sdk.testkit.internal.StandardReplyModel;

/**
 * The emulator's stand-in for Puffle's framework LLM: decides what the assistant answers to a
 * chat turn (from {@code /turn} or {@code generate-content}) and whether the turn produces a new
 * skeleton. Called with the emulator's state locked: keep it quick and free of I/O.
 *
 * <pre>{@code
 * ReplyModel model = turn -> turn.turnNumber() == 1
 *     ? Reply.text("Who is the audience?")
 *     : Reply.builder().message("Done.").skeleton(Map.of("subject", "Hi %first_name%",
 *         "body", "&&Open with a hook&&")).build();
 * }</pre>
 *
 * <p>A model that throws makes the turn fail like a crashed task: an asynchronous turn ends
 * without a reply, a synchronous one answers 500.
 */
@FunctionalInterface
public interface ReplyModel {
  /** The assistant's reply to one turn. */
  Reply reply(TurnContext turn);

  /**
   * The default model: turns before {@code turnsUntilSkeleton} ask a clarifying question and
   * produce no skeleton; from that turn on every turn writes a new skeleton revision in the
   * generate-content shape ({@code subject}, {@code body}, {@code blocks}, {@code exampleSubject},
   * {@code exampleBody}) with {@code %first_name%}-style variables (restricted to the turn's
   * {@code availableVarNames} when given) and {@code &&...&&} AI instructions, and a matching
   * draft.
   *
   * @throws IllegalArgumentException if {@code turnsUntilSkeleton < 1}
   */
  static ReplyModel standard(int turnsUntilSkeleton) {
    return new StandardReplyModel(turnsUntilSkeleton);
  }

  /** {@link #standard(int)} with the first skeleton on turn 2, as the real service usually does. */
  static ReplyModel standard() {
    return standard(2);
  }
}
