package ai.puffle.sdk;

import ai.puffle.sdk.internal.mapping.Validate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An AI chat session: the chat that drafts one email (one sequence node). A new session has no
 * messages, skeleton or draft; turns fill them in. {@link #taskStatus()} tells whether a
 * background task is working on it.
 */
public final class Session {
  private final String id;
  private final String userId;
  private final String campaignId;
  private final String nodeId;
  private final String title;
  private final List<ChatMessage> messages;
  private final String draftSubject;
  private final String draftBody;
  private final Skeleton skeleton;
  private final List<Map<String, Object>> skeletonHistory;
  private final List<Map<String, Object>> draftHistory;
  private final Long frameworkVersion;
  private final List<GeneratedExample> generatedExamples;
  private final TaskStatus taskStatus;
  private final OffsetDateTime createdAt;
  private final OffsetDateTime updatedAt;

  private Session(Builder b) {
    this.id = Validate.notNull("session.id", b.id);
    this.userId = Validate.notNull("session.userId", b.userId);
    this.campaignId = Validate.notNull("session.campaignId", b.campaignId);
    this.nodeId = Validate.notNull("session.nodeId", b.nodeId);
    this.title = b.title;
    this.messages = Validate.list("session.messages", b.messages, Integer.MAX_VALUE);
    this.draftSubject = b.draftSubject;
    this.draftBody = b.draftBody;
    this.skeleton = b.skeleton;
    this.skeletonHistory = b.skeletonHistory == null ? List.of() : b.skeletonHistory;
    this.draftHistory = b.draftHistory == null ? List.of() : b.draftHistory;
    this.frameworkVersion = b.frameworkVersion;
    this.generatedExamples =
        Validate.list("session.generatedExamples", b.generatedExamples, Integer.MAX_VALUE);
    this.taskStatus = Validate.notNull("session.taskStatus", b.taskStatus);
    this.createdAt = Validate.notNull("session.createdAt", b.createdAt);
    this.updatedAt = Validate.notNull("session.updatedAt", b.updatedAt);
  }

  /** A builder, for tests and tools. Id, user, campaign, node and both timestamps are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this session's values. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .userId(userId)
        .campaignId(campaignId)
        .nodeId(nodeId)
        .title(title)
        .messages(messages)
        .draftSubject(draftSubject)
        .draftBody(draftBody)
        .skeleton(skeleton)
        .skeletonHistory(skeletonHistory)
        .draftHistory(draftHistory)
        .frameworkVersion(frameworkVersion)
        .generatedExamples(generatedExamples)
        .taskStatus(taskStatus)
        .createdAt(createdAt)
        .updatedAt(updatedAt);
  }

  /** The session id (a UUID). */
  public String id() {
    return id;
  }

  /** The owner's user id. */
  public String userId() {
    return userId;
  }

  /** The campaign the session belongs to. */
  public String campaignId() {
    return campaignId;
  }

  /** The sequence node whose email this session drafts. */
  public String nodeId() {
    return nodeId;
  }

  /** The title shown in Puffle's UI, if any. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** The transcript, oldest first; empty on a new session. */
  public List<ChatMessage> messages() {
    return messages;
  }

  /** The current draft subject (may hold template variables), if any. */
  public Optional<String> draftSubject() {
    return Optional.ofNullable(draftSubject);
  }

  /** The current draft body (may hold template variables), if any. */
  public Optional<String> draftBody() {
    return Optional.ofNullable(draftBody);
  }

  /** The framework the chat converged on, if any (usually none after the first turn). */
  public Optional<Skeleton> skeleton() {
    return Optional.ofNullable(skeleton);
  }

  /** Earlier skeleton versions, as raw JSON objects. */
  public List<Map<String, Object>> skeletonHistory() {
    return skeletonHistory;
  }

  /** Earlier subject/body versions, as raw JSON objects. */
  public List<Map<String, Object>> draftHistory() {
    return draftHistory;
  }

  /** The skeleton revision counter, if the server has set one. */
  public OptionalLong frameworkVersion() {
    return frameworkVersion == null ? OptionalLong.empty() : OptionalLong.of(frameworkVersion);
  }

  /** Per-lead sample emails; empty until examples were generated (cleared on a new skeleton). */
  public List<GeneratedExample> generatedExamples() {
    return generatedExamples;
  }

  /** The busy flag; never {@code null} ({@link TaskStatus#IDLE} when no task runs). */
  public TaskStatus taskStatus() {
    return taskStatus;
  }

  /** When the session was created. */
  public OffsetDateTime createdAt() {
    return createdAt;
  }

  /** When the session was last written. */
  public OffsetDateTime updatedAt() {
    return updatedAt;
  }

  /** Whether a task holds the session; new turns or example runs would get HTTP 409. */
  public boolean isBusy() {
    return taskStatus.isBusy();
  }

  /** Whether the session has a skeleton (needed before generating examples). */
  public boolean hasSkeleton() {
    return skeleton != null;
  }

  /** Whether the draft subject or body has any non-whitespace text. */
  public boolean hasDraft() {
    return Copies.hasText(draftSubject) || Copies.hasText(draftBody);
  }

  /** The text of the newest assistant message, if any. */
  public Optional<String> lastAssistantMessage() {
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (messages.get(i).isAssistant()) {
        return Optional.of(messages.get(i).content());
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Session)) {
      return false;
    }
    Session s = (Session) o;
    return id.equals(s.id)
        && userId.equals(s.userId)
        && campaignId.equals(s.campaignId)
        && nodeId.equals(s.nodeId)
        && Objects.equals(title, s.title)
        && messages.equals(s.messages)
        && Objects.equals(draftSubject, s.draftSubject)
        && Objects.equals(draftBody, s.draftBody)
        && Objects.equals(skeleton, s.skeleton)
        && skeletonHistory.equals(s.skeletonHistory)
        && draftHistory.equals(s.draftHistory)
        && Objects.equals(frameworkVersion, s.frameworkVersion)
        && generatedExamples.equals(s.generatedExamples)
        && taskStatus == s.taskStatus
        && createdAt.equals(s.createdAt)
        && updatedAt.equals(s.updatedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        id, userId, campaignId, nodeId, title, messages, draftSubject, draftBody, skeleton,
        skeletonHistory, draftHistory, frameworkVersion, generatedExamples, taskStatus, createdAt,
        updatedAt);
  }

  /** A summary: ids, status, sizes and whether a skeleton and draft exist (not their text). */
  @Override
  public String toString() {
    return "Session{id=" + id
        + ", campaignId=" + campaignId
        + ", nodeId=" + nodeId
        + ", taskStatus=" + taskStatus
        + ", messages=" + messages.size()
        + ", hasSkeleton=" + hasSkeleton()
        + ", hasDraft=" + hasDraft()
        + ", generatedExamples=" + generatedExamples.size()
        + ", frameworkVersion=" + frameworkVersion
        + ", updatedAt=" + updatedAt
        + "}";
  }

  /** Builds a {@link Session}. Unset lists are empty; unset task status is idle. */
  public static final class Builder {
    private String id;
    private String userId;
    private String campaignId;
    private String nodeId;
    private String title;
    private List<ChatMessage> messages = List.of();
    private String draftSubject;
    private String draftBody;
    private Skeleton skeleton;
    private List<Map<String, Object>> skeletonHistory;
    private List<Map<String, Object>> draftHistory;
    private Long frameworkVersion;
    private List<GeneratedExample> generatedExamples = List.of();
    private TaskStatus taskStatus = TaskStatus.IDLE;
    private OffsetDateTime createdAt;
    private OffsetDateTime updatedAt;

    private Builder() {}

    /** Sets the session id. */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** Sets the owner's user id. */
    public Builder userId(String userId) {
      this.userId = userId;
      return this;
    }

    /** Sets the campaign id. */
    public Builder campaignId(String campaignId) {
      this.campaignId = campaignId;
      return this;
    }

    /** Sets the node id. */
    public Builder nodeId(String nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    /** Sets the title ({@code null} for none). */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** Sets the transcript ({@code null} for none). */
    public Builder messages(List<ChatMessage> messages) {
      this.messages = messages == null ? List.of() : messages;
      return this;
    }

    /** Sets the draft subject ({@code null} for none). */
    public Builder draftSubject(String draftSubject) {
      this.draftSubject = draftSubject;
      return this;
    }

    /** Sets the draft body ({@code null} for none). */
    public Builder draftBody(String draftBody) {
      this.draftBody = draftBody;
      return this;
    }

    /** Sets the skeleton ({@code null} for none). */
    public Builder skeleton(Skeleton skeleton) {
      this.skeleton = skeleton;
      return this;
    }

    /** Sets the skeleton history ({@code null} for none). */
    public Builder skeletonHistory(List<? extends Map<String, ?>> skeletonHistory) {
      this.skeletonHistory = Copies.maps("session.skeletonHistory", skeletonHistory);
      return this;
    }

    /** Sets the draft history ({@code null} for none). */
    public Builder draftHistory(List<? extends Map<String, ?>> draftHistory) {
      this.draftHistory = Copies.maps("session.draftHistory", draftHistory);
      return this;
    }

    /** Sets the framework version ({@code null} for none). */
    public Builder frameworkVersion(Long frameworkVersion) {
      this.frameworkVersion = frameworkVersion;
      return this;
    }

    /** Sets the generated examples ({@code null} for none). */
    public Builder generatedExamples(List<GeneratedExample> generatedExamples) {
      this.generatedExamples = generatedExamples == null ? List.of() : generatedExamples;
      return this;
    }

    /** Sets the busy flag ({@code null} means idle). */
    public Builder taskStatus(TaskStatus taskStatus) {
      this.taskStatus = taskStatus == null ? TaskStatus.IDLE : taskStatus;
      return this;
    }

    /** Sets the creation time. */
    public Builder createdAt(OffsetDateTime createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    /** Sets the last update time. */
    public Builder updatedAt(OffsetDateTime updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    /**
     * The session.
     *
     * @throws InvalidInputException when a required value is missing
     */
    public Session build() {
      return new Session(this);
    }
  }
}
