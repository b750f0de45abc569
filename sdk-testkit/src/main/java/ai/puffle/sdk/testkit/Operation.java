package ai.puffle.sdk.testkit;

/**
 * The Puffle API operations that {@link FakePuffle} serves, named after the wire contract's
 * operation ids, and the two Trigger.dev run endpoints it serves on the same base URL for the runs
 * of turns and example runs. Used to count requests, read the request log and aim faults.
 */
public enum Operation {
  /** {@code POST /api/campaigns/ai-chat-sessions}. */
  CREATE_SESSION("createAiChatSession"),
  /** {@code GET /api/campaigns/ai-chat-sessions?campaign_id=}. */
  LIST_SESSIONS("listAiChatSessions"),
  /** {@code GET /api/campaigns/ai-chat-sessions/{id}}. */
  GET_SESSION("getAiChatSession"),
  /** {@code PATCH /api/campaigns/ai-chat-sessions/{id}}. */
  UPDATE_SESSION("updateAiChatSession"),
  /** {@code DELETE /api/campaigns/ai-chat-sessions/{id}}. */
  DELETE_SESSION("deleteAiChatSession"),
  /** {@code POST /api/campaigns/ai-chat-sessions/{id}/turn} (asynchronous task). */
  RUN_TURN("runAiChatTurn"),
  /** {@code POST /api/campaigns/ai-chat-sessions/{id}/generate-examples} (asynchronous task). */
  GENERATE_EXAMPLES("generateAiChatExamples"),
  /** {@code POST /api/campaigns/{id}/generate-content} (synchronous turn). */
  GENERATE_CONTENT("generateCampaignContent"),
  /** {@code POST /api/campaigns/{id}/generate-messages} ({@code resolve} or {@code generate_ai}). */
  GENERATE_MESSAGES("generateCampaignMessages"),
  /** {@code GET /api/campaigns/{id}/generate-messages}. */
  LIST_MESSAGES("listCampaignGeneratedMessages"),
  /** {@code PATCH /api/campaigns/{id}/generate-messages}. */
  UPDATE_MESSAGE("updateCampaignGeneratedMessage"),
  /** {@code GET /api/campaigns/{id}}. */
  GET_CAMPAIGN("getCampaign"),
  /** {@code PUT /api/campaigns/{id}/sequence/nodes/{nodeId}}. */
  UPDATE_NODE("updateCampaignSequenceNode"),
  /**
   * Trigger.dev's {@code GET /api/v3/runs/{runId}} ({@code runs.retrieve} in Trigger.dev's SDK),
   * authenticated with the run's public access token. Not a Puffle operation.
   */
  RETRIEVE_RUN(null),
  /**
   * Trigger.dev's realtime run feed {@code GET /realtime/v1/runs/{runId}} ({@code
   * runs.subscribeToRun}), on Electric's shape protocol, authenticated with the run's public
   * access token. Not a Puffle operation.
   */
  SUBSCRIBE_TO_RUN(null),
  /** Any request that matches no operation (answered 404 or 405). */
  UNKNOWN(null);

  private final String operationId;

  Operation(String operationId) {
    this.operationId = operationId;
  }

  /**
   * The operation id in openapi.yaml, or {@code null} for {@link #UNKNOWN} and the Trigger.dev
   * endpoints ({@link #RETRIEVE_RUN}, {@link #SUBSCRIBE_TO_RUN}), which are not Puffle's.
   */
  public String operationId() {
    return operationId;
  }

  /** Whether the operation dispatches an asynchronous task that holds the session's busy flag. */
  public boolean isTask() {
    return this == RUN_TURN || this == GENERATE_EXAMPLES;
  }
}
