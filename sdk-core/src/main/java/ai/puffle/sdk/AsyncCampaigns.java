package ai.puffle.sdk;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Campaign-scoped operations, asynchronous: the operations of {@link Campaigns}, each returning a
 * {@link CompletableFuture} at once. Cancelling a future cancels the call in flight and any retry.
 * Invalid input is refused at once: the method throws {@link InvalidInputException} before
 * anything is sent, rather than returning a failed future.
 */
public interface AsyncCampaigns {
  /**
   * Runs one framework-chat turn synchronously (the server answers when the agent is done, so the
   * read timeout is long). Waits for a busy session first; sends the message at most once.
   */
  CompletableFuture<ContentTurn> generateContent(String campaignId, ContentRequest request, RequestOptions options);

  /**
   * Resolves template variables into draft messages for every lead and copies generated examples
   * onto matching leads. Safe to repeat.
   */
  CompletableFuture<List<GeneratedMessage>> resolveMessages(String campaignId, RequestOptions options);

  /**
   * Queues AI message generation for one AI node (charges credits per lead; 402 when credits are
   * short). With {@code prospectIds}, regenerates only those leads. Sent at most once.
   */
  CompletableFuture<List<GeneratedMessage>> generateAiMessages(
      String campaignId, String nodeId, List<String> prospectIds, RequestOptions options);

  /** Lists generated messages with the given status. */
  CompletableFuture<List<GeneratedMessage>> listMessages(String campaignId, MessageFilter filter, RequestOptions options);

  /** Lists one lead's generated messages (inbound replies merged in for context). */
  CompletableFuture<List<GeneratedMessage>> listLeadMessages(
      String campaignId, String prospectId, MessageFilter filter, RequestOptions options);

  /** Edits one draft message (pending and sent messages cannot change). */
  CompletableFuture<GeneratedMessage> updateMessage(String campaignId, MessageUpdate update, RequestOptions options);

  /** Reads a campaign with its sequence nodes. */
  CompletableFuture<Campaign> get(String campaignId, RequestOptions options);

  /** Updates one sequence node; only the fields the update sets are applied. Draft campaigns only. */
  CompletableFuture<SequenceNode> updateNode(String campaignId, String nodeId, NodeUpdate update, RequestOptions options);

  /** {@link #generateContent(String, ContentRequest, RequestOptions)} with the client's options. */
  default CompletableFuture<ContentTurn> generateContent(String campaignId, ContentRequest request) {
    return generateContent(campaignId, request, RequestOptions.none());
  }

  /** {@link #resolveMessages(String, RequestOptions)} with the client's options. */
  default CompletableFuture<List<GeneratedMessage>> resolveMessages(String campaignId) {
    return resolveMessages(campaignId, RequestOptions.none());
  }

  /** {@link #generateAiMessages(String, String, List, RequestOptions)} for every lead. */
  default CompletableFuture<List<GeneratedMessage>> generateAiMessages(String campaignId, String nodeId) {
    return generateAiMessages(campaignId, nodeId, List.of(), RequestOptions.none());
  }

  /** {@link #listMessages(String, MessageFilter, RequestOptions)} of drafts. */
  default CompletableFuture<List<GeneratedMessage>> listMessages(String campaignId) {
    return listMessages(campaignId, MessageFilter.DRAFT, RequestOptions.none());
  }

  /** {@link #listMessages(String, MessageFilter, RequestOptions)} with the client's options. */
  default CompletableFuture<List<GeneratedMessage>> listMessages(String campaignId, MessageFilter filter) {
    return listMessages(campaignId, filter, RequestOptions.none());
  }

  /** {@link #updateMessage(String, MessageUpdate, RequestOptions)} with the client's options. */
  default CompletableFuture<GeneratedMessage> updateMessage(String campaignId, MessageUpdate update) {
    return updateMessage(campaignId, update, RequestOptions.none());
  }

  /** {@link #get(String, RequestOptions)} with the client's options. */
  default CompletableFuture<Campaign> get(String campaignId) {
    return get(campaignId, RequestOptions.none());
  }

  /** {@link #updateNode(String, String, NodeUpdate, RequestOptions)} with the client's options. */
  default CompletableFuture<SequenceNode> updateNode(String campaignId, String nodeId, NodeUpdate update) {
    return updateNode(campaignId, nodeId, update, RequestOptions.none());
  }
}
