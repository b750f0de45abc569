/**
 * Trigger.dev's run endpoints as the emulator serves them for the runs of turns and example runs:
 * the run records and their change log, {@code GET /api/v3/runs/{runId}}, the realtime feed {@code
 * GET /realtime/v1/runs/{runId}} on Electric's shape protocol, a turn's realtime stream {@code GET
 * /realtime/v1/streams/{runId}/{key}} (its assumed ChatStreamEvents, in wire version v1 or v2), and
 * run-token checks. The emulator's dispatcher hands these paths over through one hook, and the
 * task handler a turn's outcome through another; nothing here knows Puffle's routes. Not an API:
 * may change in any release.
 */
package ai.puffle.sdk.testkit.internal.trigger;
