package ai.puffle.sdk.testkit.internal;

import ai.puffle.sdk.generated.model.UpdateAiChatSessionRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a PATCH body into changes: the generated model checks the types, the raw object tells
 * which keys are present (an explicit null is a change; an absent key is not).
 */
final class SessionPatch {
  private static final Set<String> TASK_STATUSES = Set.of("chat_processing", "generating_examples");

  private final WireJson json;

  SessionPatch(WireJson json) {
    this.json = json;
  }

  /** The changes to apply, in body order. */
  static final class Changes {
    private final List<Consumer<SessionState>> steps = new ArrayList<>();

    void applyTo(SessionState s) {
      steps.forEach(step -> step.accept(s));
    }
  }

  Changes read(Map<String, Object> body) {
    UpdateAiChatSessionRequest typed = json.decode(body, UpdateAiChatSessionRequest.class);
    Changes changes = new Changes();
    List<Consumer<SessionState>> steps = changes.steps;
    if (body.containsKey("title")) {
      steps.add(s -> s.title = typed.getTitle());
    }
    if (body.containsKey("draft_subject")) {
      steps.add(s -> s.draftSubject = typed.getDraftSubject());
    }
    if (body.containsKey("draft_body")) {
      steps.add(s -> s.draftBody = typed.getDraftBody());
    }
    if (body.containsKey("messages")) {
      List<ChatLine> lines = lines(typed.getMessages());
      steps.add(s -> s.messages = lines);
    }
    if (body.containsKey("skeleton_history")) {
      List<Map<String, Object>> history = copy(typed.getSkeletonHistory());
      steps.add(s -> s.skeletonHistory = history);
    }
    if (body.containsKey("draft_history")) {
      List<Map<String, Object>> history = copy(typed.getDraftHistory());
      steps.add(s -> s.draftHistory = history);
    }
    if (body.containsKey("framework_version")) {
      steps.add(s -> s.frameworkVersion = typed.getFrameworkVersion());
    }
    if (body.containsKey("skeleton")) {
      Map<String, Object> skeleton =
          typed.getSkeleton() == null ? null : JsonTrees.deepCopy(typed.getSkeleton());
      // Overwriting the skeleton invalidates the examples written from the old one.
      steps.add(s -> { s.skeleton = skeleton; s.generatedExamples = null; });
    }
    if (body.containsKey("generated_examples")) {
      List<ExampleState> examples = examples(typed.getGeneratedExamples());
      steps.add(s -> s.generatedExamples = examples);
    }
    if (body.containsKey("task_status")) {
      Object status = body.get("task_status");
      if (status != null && !TASK_STATUSES.contains(status)) {
        throw HttpError.badRequest("task_status must be null, chat_processing or generating_examples");
      }
      steps.add(s -> s.taskStatus = (String) status);
    }
    return changes;
  }

  private static List<ChatLine> lines(List<Map<String, Object>> messages) {
    if (messages == null) {
      return null;
    }
    List<ChatLine> lines = new ArrayList<>();
    for (Map<String, Object> message : messages) {
      if (message == null) {
        throw HttpError.badRequest("messages items must be objects");
      }
      Object role = message.get("role");
      Object content = message.get("content");
      lines.add(new ChatLine(
          role == null ? null : role.toString(), content == null ? null : content.toString()));
    }
    return lines;
  }

  private static List<Map<String, Object>> copy(List<Map<String, Object>> maps) {
    if (maps == null) {
      return null;
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Map<String, Object> map : maps) {
      result.add(map == null ? null : JsonTrees.deepCopy(map));
    }
    return result;
  }

  private static List<ExampleState> examples(List<Map<String, Object>> items) {
    if (items == null) {
      return null;
    }
    List<ExampleState> examples = new ArrayList<>();
    for (Map<String, Object> item : items) {
      if (item == null) {
        throw HttpError.badRequest("generated_examples items must be objects");
      }
      examples.add(new ExampleState(
          JsonTrees.string(item, "lead_id"),
          JsonTrees.string(item, "first_name"),
          JsonTrees.string(item, "last_name"),
          JsonTrees.string(item, "subject"),
          JsonTrees.string(item, "body")));
    }
    return examples;
  }
}
