package ai.puffle.sdk;

/**
 * An argument broke a rule the SDK checks before sending anything, for example a blank chat
 * message or a malformed UUID. Nothing was sent to Puffle. Fix the input; retrying the same call
 * fails the same way.
 *
 * <p>The message reads {@code "<field> <rule>"}, for example
 * {@code "turnRequest.message must not be blank"}, sometimes followed by a detail such as the
 * offending size.
 */
public class InvalidInputException extends PuffleException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  /**
   * An exception for {@code field} breaking {@code rule}.
   *
   * @param field the argument or property, e.g. {@code "turnRequest.message"}
   * @param rule the rule it broke, e.g. {@code "must not be blank"}
   */
  public InvalidInputException(String field, String rule) {
    this(field, rule, null);
  }

  /**
   * An exception for {@code field} breaking {@code rule}, with a detail appended to the message.
   *
   * @param field the argument or property, e.g. {@code "sessionId"}
   * @param rule the rule it broke, e.g. {@code "must be a UUID"}
   * @param detail extra context such as {@code "got 120001 characters"}, or {@code null}
   */
  public InvalidInputException(String field, String rule, String detail) {
    super(field + " " + rule + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")"));
    this.field = field;
    this.rule = rule;
  }

  /** The argument or property that was rejected, e.g. {@code "turnRequest.message"}. */
  public String field() {
    return field;
  }

  /** The rule it broke, e.g. {@code "must not be blank"}. */
  public String rule() {
    return rule;
  }
}
