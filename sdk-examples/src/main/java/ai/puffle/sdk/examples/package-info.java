/**
 * Runnable programs for the Puffle SDK: {@link ai.puffle.sdk.examples.CreateTurnExamples} (the
 * drafting flow end to end), {@link ai.puffle.sdk.examples.Chat} (an interactive chat on one
 * node) and {@link ai.puffle.sdk.examples.AsyncDrafts} (concurrent drafts on the async client).
 * Without {@code PUFFLE_API_KEY} they run on the embedded emulator, with time scaled so a run
 * takes seconds.
 */
package ai.puffle.sdk.examples;
