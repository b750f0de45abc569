package ai.puffle.sdk.internal.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads the body of a shape response: a JSON array of change messages ({@code {"key":...,
 * "value":{...},"headers":{"operation":"insert"}}}) and control messages ({@code
 * {"headers":{"control":"up-to-date"}}}).
 */
final class ShapeMessages {
  private ShapeMessages() {}

  /** One message: a control message has {@link #control}; a change has the other fields. */
  static final class Message {
    final String control;
    final String operation;
    final String key;
    final Map<String, Object> value;

    private Message(String control, String operation, String key, Map<String, Object> value) {
      this.control = control;
      this.operation = operation;
      this.key = key;
      this.value = value;
    }
  }

  /**
   * The messages in {@code body}, in order.
   *
   * @throws UnreadableResponse when it is not a JSON array of messages
   */
  @SuppressWarnings("unchecked")
  static List<Message> parse(String body) throws UnreadableResponse {
    Object tree;
    try {
      tree = RunFields.json(body);
    } catch (IllegalArgumentException e) {
      throw new UnreadableResponse("the feed's body is not JSON");
    }
    if (!(tree instanceof List)) {
      throw new UnreadableResponse("the feed's body is not a JSON array");
    }
    List<Message> out = new ArrayList<>();
    for (Object item : (List<?>) tree) {
      if (!(item instanceof Map) || !(((Map<?, ?>) item).get("headers") instanceof Map)) {
        throw new UnreadableResponse("the feed sent a message without headers");
      }
      Map<?, ?> m = (Map<?, ?>) item;
      Map<?, ?> headers = (Map<?, ?>) m.get("headers");
      Object control = headers.get("control");
      if (control instanceof String) {
        out.add(new Message((String) control, null, null, null));
        continue;
      }
      Object operation = headers.get("operation");
      Object key = m.get("key");
      Object value = m.get("value");
      if (!(operation instanceof String) || !(key instanceof String)) {
        throw new UnreadableResponse("the feed sent a message that is neither a change nor a control message");
      }
      if (value != null && !(value instanceof Map)) {
        throw new UnreadableResponse("the feed sent a change whose value is not an object");
      }
      out.add(new Message(null, (String) operation, (String) key,
          value == null ? Collections.emptyMap() : (Map<String, Object>) value));
    }
    return out;
  }
}
