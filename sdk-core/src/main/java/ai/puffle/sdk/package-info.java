/**
 * Puffle's Java client: draft outbound emails by chatting with Puffle's framework agent.
 *
 * <p>Start with {@link ai.puffle.sdk.PuffleClient} ({@code PuffleClient.fromEnv()} or its
 * builder). {@link ai.puffle.sdk.PuffleClient#sessions()} runs the AI chat sessions (one per
 * campaign sequence node): turns ({@link ai.puffle.sdk.Sessions#turnAndWait}, or live with
 * {@link ai.puffle.sdk.Sessions#startTurn}), example emails per lead, and the synchronous content
 * turn. {@link ai.puffle.sdk.PuffleClient#campaigns()} reads campaigns, resolves generated
 * messages and updates sequence nodes. {@link ai.puffle.sdk.Conversation} wraps the whole drafting
 * flow of one node. Every call has an asynchronous twin under {@link
 * ai.puffle.sdk.PuffleClient#async()}.
 *
 * <p>Values are immutable; requests are built with {@code of(...)} or a builder and checked
 * before anything is sent. Results ({@link ai.puffle.sdk.TurnResult}, {@link
 * ai.puffle.sdk.ExamplesResult}, {@link ai.puffle.sdk.ContentTurn}, {@link
 * ai.puffle.sdk.TurnEvent}) are built by the client only. Every exception extends the unchecked
 * {@link ai.puffle.sdk.PuffleException}; {@link ai.puffle.sdk.PuffleApiException} and its
 * subclasses carry what Puffle answered. Retries, busy sessions and waits follow the rules of
 * {@link ai.puffle.sdk.RequestOptions} and {@link ai.puffle.sdk.WaitOptions};
 * {@link ai.puffle.sdk.PuffleEventListener} sees every call, attempt, retry and wait, and
 * {@link ai.puffle.sdk.PuffleClock} is the client's time source (the testkit hands its virtual
 * clock through it).
 */
package ai.puffle.sdk;
