package ai.puffle.sdk.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** One transcript entry. Immutable. */
final class ChatLine {
  final String role;
  final String content;

  ChatLine(String role, String content) {
    this.role = role;
    this.content = content;
  }

  static ChatLine user(String content) {
    return new ChatLine("user", content);
  }

  static ChatLine assistant(String content) {
    return new ChatLine("assistant", content);
  }

  boolean isUser() {
    return "user".equals(role);
  }

  Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("role", role);
    map.put("content", content);
    return map;
  }
}
