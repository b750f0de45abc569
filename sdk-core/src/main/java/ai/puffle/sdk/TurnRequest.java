package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat turn for an AI chat session: the user's message plus optional hints. The docs say the
 * hints (variable names, sample leads, sequence context) materially improve the output: send
 * them on every turn when known.
 *
 * <p>Checked when built: the message must not be blank and has at most
 * {@link Validate#MAX_MESSAGE_CHARS} characters; at most {@link Validate#MAX_VAR_NAMES} variable
 * names and {@link Validate#MAX_LEADS} leads (client-side guards; the API documents no limits).
 * An empty list is not sent.
 */
public final class TurnRequest {
  private final String message;
  private final List<String> availableVarNames;
  private final List<Lead> sampleLeads;
  private final SequenceContext sequenceContext;

  private TurnRequest(Builder b) {
    this.message = Validate.message("turnRequest.message", b.message);
    this.availableVarNames =
        Validate.names("turnRequest.availableVarNames", b.availableVarNames, Validate.MAX_VAR_NAMES);
    this.sampleLeads = Validate.list("turnRequest.sampleLeads", b.sampleLeads, Validate.MAX_LEADS);
    this.sequenceContext = b.sequenceContext;
  }

  /**
   * A turn with just a message.
   *
   * @throws InvalidInputException when the message is null, blank or too long
   */
  public static TurnRequest of(String message) {
    return builder(message).build();
  }

  /** A builder for a turn with this message and optional hints. */
  public static Builder builder(String message) {
    return new Builder(message);
  }

  /** A builder starting from this request, e.g. to send the same hints with a new message. */
  public Builder toBuilder() {
    return new Builder(message)
        .availableVarNames(availableVarNames)
        .sampleLeads(sampleLeads)
        .sequenceContext(sequenceContext);
  }

  /** The user's chat message. */
  public String message() {
    return message;
  }

  /** Template variable names the AI may use (e.g. {@code first_name}); empty when unset. */
  public List<String> availableVarNames() {
    return availableVarNames;
  }

  /** Representative leads to ground the AI's examples; empty when unset. */
  public List<Lead> sampleLeads() {
    return sampleLeads;
  }

  /** Where this email sits in the sequence, if set. */
  public Optional<SequenceContext> sequenceContext() {
    return Optional.ofNullable(sequenceContext);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TurnRequest)) {
      return false;
    }
    TurnRequest r = (TurnRequest) o;
    return message.equals(r.message)
        && availableVarNames.equals(r.availableVarNames)
        && sampleLeads.equals(r.sampleLeads)
        && Objects.equals(sequenceContext, r.sequenceContext);
  }

  @Override
  public int hashCode() {
    return Objects.hash(message, availableVarNames, sampleLeads, sequenceContext);
  }

  @Override
  public String toString() {
    return "TurnRequest{message=" + message
        + ", availableVarNames=" + availableVarNames
        + ", sampleLeads=" + sampleLeads.size()
        + ", sequenceContext=" + sequenceContext
        + "}";
  }

  /** Builds a {@link TurnRequest}; input is checked by {@link #build()}. */
  public static final class Builder {
    private final String message;
    private List<String> availableVarNames = List.of();
    private List<Lead> sampleLeads = List.of();
    private SequenceContext sequenceContext;

    private Builder(String message) {
      this.message = message;
    }

    /** Sets the template variable names the AI may use. */
    public Builder availableVarNames(List<String> names) {
      this.availableVarNames = names;
      return this;
    }

    /** Sets the template variable names the AI may use. */
    public Builder availableVarNames(String... names) {
      this.availableVarNames = names == null ? null : Arrays.asList(names);
      return this;
    }

    /** Sets the sample leads. */
    public Builder sampleLeads(List<Lead> leads) {
      this.sampleLeads = leads;
      return this;
    }

    /** Sets the sequence context ({@code null} to send none). */
    public Builder sequenceContext(SequenceContext sequenceContext) {
      this.sequenceContext = sequenceContext;
      return this;
    }

    /**
     * The request.
     *
     * @throws InvalidInputException when the message is blank or too long, or a list is null,
     *     holds a null or blank item, or is too long
     */
    public TurnRequest build() {
      return new TurnRequest(this);
    }
  }
}
