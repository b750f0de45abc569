package ai.puffle.sdk.internal.json;

/**
 * Implemented by generated request and response models: tells the JSON writer which absent
 * values the caller set to {@code null} on purpose, so that "absent" and "explicit null" differ
 * on the wire (a PATCH writes only the keys present).
 */
public interface PresenceTracking {
  /** Whether the field with this wire name was set to {@code null} by a setter. */
  boolean isExplicitNull(String wireName);
}
