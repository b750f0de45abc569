/**
 * The emulator's internals: request routing and dispatch, in-memory state, handlers per
 * operation, wire mapping through the SDK's generated models, clocks and fault responses. Not
 * an API: may change in any release.
 */
package ai.puffle.sdk.testkit.internal;
