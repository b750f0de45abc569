package ai.puffle.sdk;

import java.util.List;

/**
 * Campaign-scoped operations, blocking: the synchronous content turn, generated messages, and the
 * campaign and node calls that apply a finished draft. Get it from {@link PuffleClient#campaigns()};
 * the same operations returning futures are on {@link PuffleClient#async()}.
 */
public interface Campaigns {
  /**
   * Runs one framework-chat turn synchronously (the server answers when the agent is done, so the
   * read timeout is long). Waits for a busy session first; sends the message at most once.
   */
  ContentTurn generateContent(String campaignId, ContentRequest request, RequestOptions options);

  /**
   * Resolves template variables into draft messages for every lead and copies generated examples
   * onto matching leads. Safe to repeat.
   */
  List<GeneratedMessage> resolveMessages(String campaignId, RequestOptions options);

  /**
   * Queues AI message generation for one AI node (charges credits per lead; 402 when credits are
   * short). With {@code prospectIds}, regenerates only those leads. Sent at most once.
   */
  List<GeneratedMessage> generateAiMessages(
      String campaignId, String nodeId, List<String> prospectIds, RequestOptions options);

  /** Lists generated messages with the given status. */
  List<GeneratedMessage> listMessages(String campaignId, MessageFilter filter, RequestOptions options);

  /** Lists one lead's generated messages (inbound replies merged in for context). */
  List<GeneratedMessage> listLeadMessages(
      String campaignId, String prospectId, MessageFilter filter, RequestOptions options);

  /** Edits one draft message (pending and sent messages cannot change). */
  GeneratedMessage updateMessage(String campaignId, MessageUpdate update, RequestOptions options);

  /** Reads a campaign with its sequence nodes. */
  Campaign get(String campaignId, RequestOptions options);

  /** Updates one sequence node; only the fields the update sets are applied. Draft campaigns only. */
  SequenceNode updateNode(String campaignId, String nodeId, NodeUpdate update, RequestOptions options);

  /** {@link #generateContent(String, ContentRequest, RequestOptions)} with the client's options. */
  default ContentTurn generateContent(String campaignId, ContentRequest request) {
    return generateContent(campaignId, request, RequestOptions.none());
  }

  /** {@link #resolveMessages(String, RequestOptions)} with the client's options. */
  default List<GeneratedMessage> resolveMessages(String campaignId) {
    return resolveMessages(campaignId, RequestOptions.none());
  }

  /** {@link #generateAiMessages(String, String, List, RequestOptions)} for every lead. */
  default List<GeneratedMessage> generateAiMessages(String campaignId, String nodeId) {
    return generateAiMessages(campaignId, nodeId, List.of(), RequestOptions.none());
  }

  /** {@link #listMessages(String, MessageFilter, RequestOptions)} of drafts. */
  default List<GeneratedMessage> listMessages(String campaignId) {
    return listMessages(campaignId, MessageFilter.DRAFT, RequestOptions.none());
  }

  /** {@link #listMessages(String, MessageFilter, RequestOptions)} with the client's options. */
  default List<GeneratedMessage> listMessages(String campaignId, MessageFilter filter) {
    return listMessages(campaignId, filter, RequestOptions.none());
  }

  /** {@link #updateMessage(String, MessageUpdate, RequestOptions)} with the client's options. */
  default GeneratedMessage updateMessage(String campaignId, MessageUpdate update) {
    return updateMessage(campaignId, update, RequestOptions.none());
  }

  /** {@link #get(String, RequestOptions)} with the client's options. */
  default Campaign get(String campaignId) {
    return get(campaignId, RequestOptions.none());
  }

  /** {@link #updateNode(String, String, NodeUpdate, RequestOptions)} with the client's options. */
  default SequenceNode updateNode(String campaignId, String nodeId, NodeUpdate update) {
    return updateNode(campaignId, nodeId, update, RequestOptions.none());
  }
}
