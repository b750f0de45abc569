package ai.puffle.sdk.internal.json;

/**
 * Implemented by generated request and response models: tells the JSON writer which absent
 * values the caller set to {@code null} on purpose, so that "absent" and "explicit null" differ
 * on the wire (a PATCH writes only the keys present), and tells a reader of a partial update
 * which keys it carried.
 */
public interface PresenceTracking {
  /** Whether the field with this wire name was set to {@code null} by a setter or marked so. */
  boolean isExplicitNull(String wireName);

  /**
   * Marks the field with this wire name as sent as JSON {@code null}: for a reader that decoded
   * the model from a JSON object and saw the key with a null value (Moshi leaves such a field
   * unset).
   */
  void markExplicitNull(String wireName);

  /** Whether the field with this wire name has a value or is an explicit {@code null}. */
  boolean isSet(String wireName);
}
