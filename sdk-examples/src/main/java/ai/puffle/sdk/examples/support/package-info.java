/**
 * Plumbing shared by the example programs: settings from flags and environment, the target
 * (a real server or the embedded emulator), progress display, rendering and exit codes. Not part
 * of the SDK's API.
 */
package ai.puffle.sdk.examples.support;
