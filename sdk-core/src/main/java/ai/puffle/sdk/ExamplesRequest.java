package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Asks an AI chat session (which must already have a skeleton) for one sample email per lead.
 * The docs advise 3 to 10 leads; more take longer.
 *
 * <p>Checked when built: 1 to {@link Validate#MAX_LEADS} leads (the upper bound is a client-side
 * guard; the API documents none).
 */
public final class ExamplesRequest {
  private final List<Lead> leads;
  private final SequenceContext sequenceContext;
  private final boolean firstBatch;

  private ExamplesRequest(Builder b) {
    this.leads = Validate.list("examplesRequest.leads", b.leads, Validate.MAX_LEADS);
    Validate.check(!leads.isEmpty(), "examplesRequest.leads", "must not be empty");
    this.sequenceContext = b.sequenceContext;
    this.firstBatch = b.firstBatch;
  }

  /**
   * A first-batch request for these leads (replaces the session's examples).
   *
   * @throws InvalidInputException when the list is null, empty, too long or holds a null
   */
  public static ExamplesRequest of(List<Lead> leads) {
    return builder(leads).build();
  }

  /** A builder for these leads. */
  public static Builder builder(List<Lead> leads) {
    return new Builder(leads);
  }

  /** The leads to write examples for. */
  public List<Lead> leads() {
    return leads;
  }

  /** Where this email sits in the sequence, if set. */
  public Optional<SequenceContext> sequenceContext() {
    return Optional.ofNullable(sequenceContext);
  }

  /** True (default) to replace the session's examples, false to append to them. */
  public boolean firstBatch() {
    return firstBatch;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ExamplesRequest)) {
      return false;
    }
    ExamplesRequest r = (ExamplesRequest) o;
    return leads.equals(r.leads)
        && Objects.equals(sequenceContext, r.sequenceContext)
        && firstBatch == r.firstBatch;
  }

  @Override
  public int hashCode() {
    return Objects.hash(leads, sequenceContext, firstBatch);
  }

  @Override
  public String toString() {
    return "ExamplesRequest{leads=" + leads.size()
        + ", sequenceContext=" + sequenceContext
        + ", firstBatch=" + firstBatch
        + "}";
  }

  /** Builds an {@link ExamplesRequest}; input is checked by {@link #build()}. */
  public static final class Builder {
    private final List<Lead> leads;
    private SequenceContext sequenceContext;
    private boolean firstBatch = true;

    private Builder(List<Lead> leads) {
      this.leads = leads;
    }

    /** Sets the sequence context ({@code null} to send none). */
    public Builder sequenceContext(SequenceContext sequenceContext) {
      this.sequenceContext = sequenceContext;
      return this;
    }

    /** True (default) replaces the session's examples; false appends (top-up for new leads). */
    public Builder firstBatch(boolean firstBatch) {
      this.firstBatch = firstBatch;
      return this;
    }

    /**
     * The request.
     *
     * @throws InvalidInputException when the leads are null, empty, too many or hold a null
     */
    public ExamplesRequest build() {
      return new ExamplesRequest(this);
    }
  }
}
