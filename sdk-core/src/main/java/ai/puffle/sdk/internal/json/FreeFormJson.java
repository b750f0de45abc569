package ai.puffle.sdk.internal.json;

/**
 * Marks a generated model that is an open JSON object (a {@code Map} subclass): decoded and
 * encoded as a map so that no key is dropped.
 */
public interface FreeFormJson {}
