package ai.puffle.sdk.testkit.internal.trigger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shape of a {@code ChatStreamEvent}, the chunks of a chat turn's stream. Puffle's docs say a
 * run's token lets a client "subscribe to ChatStreamEvent updates" but do not publish the type;
 * this is the emulator's assumption, a small JSON object told apart by {@code type}:
 *
 * <ul>
 *   <li>{@code {"type":"text-delta","delta":"Here is a first "}}: a piece of the assistant's
 *       reply; the deltas of a turn joined are the reply;
 *   <li>{@code {"type":"tool-call","toolCallId":"toolu_…","toolName":"updateSkeleton",
 *       "input":{…skeleton…}}}: the agent proposes a skeleton;
 *   <li>{@code {"type":"tool-result","toolCallId":"toolu_…","toolName":"updateSkeleton",
 *       "judge":{"passed":true}}} or {@code "judge":{"passed":false,"reason":"…"}}: the judge's
 *       verdict on it;
 *   <li>{@code {"type":"finish","status":"completed","skeletonUpdated":true}} or {@code
 *       {"type":"finish","status":"failed","error":"…"}}: the turn is over, always the last
 *       chunk.
 * </ul>
 */
final class ChatStreamEvents {
  static final String UPDATE_SKELETON = "updateSkeleton";

  private ChatStreamEvents() {}

  static Map<String, Object> textDelta(String delta) {
    Map<String, Object> event = typed("text-delta");
    event.put("delta", delta);
    return event;
  }

  static Map<String, Object> toolCall(String toolCallId, Map<String, Object> skeleton) {
    Map<String, Object> event = typed("tool-call");
    event.put("toolCallId", toolCallId);
    event.put("toolName", UPDATE_SKELETON);
    event.put("input", skeleton);
    return event;
  }

  static Map<String, Object> judged(String toolCallId, boolean passed, String reason) {
    Map<String, Object> judge = new LinkedHashMap<>();
    judge.put("passed", passed);
    if (!passed) {
      judge.put("reason", reason == null ? "" : reason);
    }
    Map<String, Object> event = typed("tool-result");
    event.put("toolCallId", toolCallId);
    event.put("toolName", UPDATE_SKELETON);
    event.put("judge", judge);
    return event;
  }

  static Map<String, Object> completed(boolean skeletonUpdated) {
    Map<String, Object> event = typed("finish");
    event.put("status", "completed");
    event.put("skeletonUpdated", skeletonUpdated);
    return event;
  }

  static Map<String, Object> failed(String error) {
    Map<String, Object> event = typed("finish");
    event.put("status", "failed");
    event.put("error", error == null ? "" : error);
    return event;
  }

  private static Map<String, Object> typed(String type) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", type);
    return event;
  }
}
