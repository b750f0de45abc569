package ai.puffle.sdk;

/** stub */
public final class Session {
}
