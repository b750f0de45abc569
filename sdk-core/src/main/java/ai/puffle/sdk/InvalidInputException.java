package ai.puffle.sdk;

/** stub */
public class InvalidInputException extends PuffleException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String rule;

  public InvalidInputException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  public String field() { return field; }
  public String rule() { return rule; }
}
