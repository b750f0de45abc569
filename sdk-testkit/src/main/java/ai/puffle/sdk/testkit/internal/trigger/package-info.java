/**
 * Trigger.dev's run endpoints as the emulator serves them for the runs of turns and example runs:
 * the run records and their change log, {@code GET /api/v3/runs/{runId}}, the realtime feed {@code
 * GET /realtime/v1/runs/{runId}} on Electric's shape protocol, and run-token checks. The emulator's
 * dispatcher hands these paths over through one hook; nothing here knows Puffle's routes. Not an
 * API: may change in any release.
 */
package ai.puffle.sdk.testkit.internal.trigger;
