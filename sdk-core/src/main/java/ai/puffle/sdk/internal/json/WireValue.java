package ai.puffle.sdk.internal.json;

/** A generated enum: each constant knows its value on the wire. */
public interface WireValue {
  /** The constant's value on the wire. */
  String getValue();
}
