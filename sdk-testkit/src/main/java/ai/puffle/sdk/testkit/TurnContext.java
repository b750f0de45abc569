package ai.puffle.sdk.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a {@link ReplyModel} knows about the turn it answers. Immutable. */
public final class TurnContext {
  private final String sessionId;
  private final String campaignId;
  private final String nodeId;
  private final int turnNumber;
  private final String message;
  private final List<Map<String, String>> transcript;
  private final Map<String, Object> skeleton;
  private final long frameworkVersion;
  private final List<String> availableVarNames;
  private final List<Map<String, Object>> sampleLeads;
  private final boolean synchronous;

  private TurnContext(Builder b) {
    this.sessionId = Objects.requireNonNull(b.sessionId, "sessionId");
    this.campaignId = Objects.requireNonNull(b.campaignId, "campaignId");
    this.nodeId = Objects.requireNonNull(b.nodeId, "nodeId");
    this.turnNumber = b.turnNumber;
    this.message = Objects.requireNonNull(b.message, "message");
    List<Map<String, String>> lines = new ArrayList<>();
    for (Map<String, String> line : b.transcript) {
      lines.add(Collections.unmodifiableMap(new LinkedHashMap<>(line)));
    }
    this.transcript = Collections.unmodifiableList(lines);
    this.skeleton =
        b.skeleton == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.skeleton));
    this.frameworkVersion = b.frameworkVersion;
    this.availableVarNames = List.copyOf(b.availableVarNames);
    List<Map<String, Object>> leads = new ArrayList<>();
    for (Map<String, Object> lead : b.sampleLeads) {
      leads.add(Collections.unmodifiableMap(new LinkedHashMap<>(lead)));
    }
    this.sampleLeads = Collections.unmodifiableList(leads);
    this.synchronous = b.synchronous;
  }

  /** A builder, for testing a {@link ReplyModel} on its own. */
  public static Builder builder() {
    return new Builder();
  }

  /** The session id. */
  public String sessionId() {
    return sessionId;
  }

  /** The campaign id. */
  public String campaignId() {
    return campaignId;
  }

  /** The sequence node id. */
  public String nodeId() {
    return nodeId;
  }

  /** This turn's number: 1 for the session's first user message. */
  public int turnNumber() {
    return turnNumber;
  }

  /** The user's message for this turn. */
  public String message() {
    return message;
  }

  /** The transcript before this turn: maps with {@code role} and {@code content}. */
  public List<Map<String, String>> transcript() {
    return transcript;
  }

  /** The session's current skeleton, if it has one. */
  public Optional<Map<String, Object>> currentSkeleton() {
    return Optional.ofNullable(skeleton);
  }

  /** The session's framework version, {@code 0} before the first skeleton. */
  public long frameworkVersion() {
    return frameworkVersion;
  }

  /** The variable names the turn allows ({@code availableVarNames}); empty when not given. */
  public List<String> availableVarNames() {
    return availableVarNames;
  }

  /**
   * Sample leads with snake_case keys ({@code first_name}, {@code company}, ...): the turn's
   * {@code sampleLeads}/{@code sample_leads}, or up to 5 of the campaign's leads when none were
   * sent.
   */
  public List<Map<String, Object>> sampleLeads() {
    return sampleLeads;
  }

  /** Whether the turn came from the synchronous {@code generate-content} call. */
  public boolean synchronous() {
    return synchronous;
  }

  @Override
  public String toString() {
    return "TurnContext{session=" + sessionId + ", turn=" + turnNumber + ", version="
        + frameworkVersion + ", synchronous=" + synchronous + "}";
  }

  /** Builds a {@link TurnContext}. */
  public static final class Builder {
    private String sessionId;
    private String campaignId;
    private String nodeId;
    private int turnNumber = 1;
    private String message;
    private List<Map<String, String>> transcript = List.of();
    private Map<String, Object> skeleton;
    private long frameworkVersion;
    private List<String> availableVarNames = List.of();
    private List<Map<String, Object>> sampleLeads = List.of();
    private boolean synchronous;

    private Builder() {}

    /** Sets the session id (required). */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /** Sets the campaign id (required). */
    public Builder campaignId(String campaignId) {
      this.campaignId = campaignId;
      return this;
    }

    /** Sets the node id (required). */
    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    /** Sets the turn number (default 1). */
    public Builder turnNumber(int turnNumber) {
      this.turnNumber = turnNumber;
      return this;
    }

    /** Sets the user's message (required). */
    public Builder message(String message) {
      this.message = message;
      return this;
    }

    /** Sets the prior transcript. */
    public Builder transcript(List<Map<String, String>> transcript) {
      this.transcript = Objects.requireNonNull(transcript, "transcript");
      return this;
    }

    /** Sets the current skeleton ({@code null} for none). */
    public Builder currentSkeleton(Map<String, Object> skeleton) {
      this.skeleton = skeleton;
      return this;
    }

    /** Sets the current framework version. */
    public Builder frameworkVersion(long frameworkVersion) {
      this.frameworkVersion = frameworkVersion;
      return this;
    }

    /** Sets the allowed variable names. */
    public Builder availableVarNames(List<String> names) {
      this.availableVarNames = Objects.requireNonNull(names, "names");
      return this;
    }

    /** Sets the sample leads. */
    public Builder sampleLeads(List<Map<String, Object>> leads) {
      this.sampleLeads = Objects.requireNonNull(leads, "leads");
      return this;
    }

    /** Marks the turn as synchronous (generate-content). */
    public Builder synchronous(boolean synchronous) {
      this.synchronous = synchronous;
      return this;
    }

    /** Builds the context. */
    public TurnContext build() {
      return new TurnContext(this);
    }
  }
}
