package ai.puffle.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which turn messages each session received (every /turn request that reached the emulator,
 * whatever its outcome) and which the server accepted (claimed the session and ran). A client
 * that retries safely shows several received and one accepted.
 */
final class TurnLedger {
  private final Map<String, List<String>> received = new HashMap<>();
  private final Map<String, List<String>> accepted = new HashMap<>();

  synchronized void received(String sessionId, String message) {
    received.computeIfAbsent(sessionId, k -> new ArrayList<>()).add(message);
  }

  synchronized void accepted(String sessionId, String message) {
    accepted.computeIfAbsent(sessionId, k -> new ArrayList<>()).add(message);
  }

  synchronized List<String> received(String sessionId) {
    return List.copyOf(received.getOrDefault(sessionId, List.of()));
  }

  synchronized List<String> accepted(String sessionId) {
    return List.copyOf(accepted.getOrDefault(sessionId, List.of()));
  }
}
