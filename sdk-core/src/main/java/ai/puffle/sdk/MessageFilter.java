package ai.puffle.sdk;

/** Which generated messages to list, by status. The API's default is {@link #DRAFT}. */
public enum MessageFilter {
  /** Drafts only (the API's default). */
  DRAFT("draft"),
  /** Messages queued for sending. */
  PENDING("pending"),
  /** Messages already sent. */
  SENT("sent"),
  /** Every message, whatever its status. */
  ALL("all");

  private final String wireValue;

  MessageFilter(String wireValue) {
    this.wireValue = wireValue;
  }

  /** The value of the {@code status} query parameter, e.g. {@code "draft"}. */
  public String wireValue() {
    return wireValue;
  }
}
