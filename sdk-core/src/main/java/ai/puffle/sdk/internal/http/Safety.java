package ai.puffle.sdk.internal.http;

/**
 * What may be sent again after a failure, as {@code openapi.yaml} states it for each operation
 * ({@code x-puffle-safety}). The retry rules decide from this value alone.
 */
public enum Safety {
  /** The same request leaves the same end state: sent again after any transient failure. */
  IDEMPOTENT,
  /**
   * A repeat would duplicate a side effect (a turn, an example run, a content turn, a create):
   * sent again only when the failure proves it did not arrive, or the server's state shows it
   * was not taken.
   */
  SEND_ONCE;

  /**
   * The value of an {@code x-puffle-safety} extension: {@code idempotent} or {@code send-once}.
   *
   * @throws IllegalArgumentException for anything else (the spec must state it on every operation)
   */
  public static Safety fromSpec(String value) {
    if ("idempotent".equals(value)) {
      return IDEMPOTENT;
    }
    if ("send-once".equals(value)) {
      return SEND_ONCE;
    }
    throw new IllegalArgumentException(
        "x-puffle-safety must be 'idempotent' or 'send-once' (was '" + value + "')");
  }
}
