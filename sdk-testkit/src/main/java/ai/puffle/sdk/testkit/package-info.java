/**
 * The Puffle testkit: {@link ai.puffle.sdk.testkit.FakePuffle}, a stateful in-process Puffle API
 * emulator on a loopback port, with a virtual or scaled clock ({@link
 * ai.puffle.sdk.testkit.TimeMode}), scriptable fault injection ({@link
 * ai.puffle.sdk.testkit.Faults}, {@link ai.puffle.sdk.testkit.Fault}), a pluggable fake LLM
 * ({@link ai.puffle.sdk.testkit.ReplyModel}), a redacted request log, and a JUnit 5 extension.
 *
 * <pre>{@code
 * @RegisterExtension
 * final FakePuffleExtension puffle = FakePuffleExtension.perTest()   // or perClass() on a static field
 *     .withFake(b -> b.timeMode(TimeMode.virtual()));                // the client waits on the emulator's clock
 *
 * @Test
 * void aLostResponseDoesNotDuplicateTheTurn(FakePuffle fake, PuffleClient client) {
 *   SeededCampaign campaign = fake.defaultCampaign();            // draft email campaign, ai node, 3 leads
 *   Session session = client.sessions().create(campaign.campaignId(), campaign.aiNodeId());
 *   fake.faults().next(Operation.RUN_TURN, Fault.disconnectAfterProcessing());
 *   client.sessions().turnAndWait(session.id(), TurnRequest.of("Write an intro email"));  // default WaitOptions
 *   fake.assertTurnReceivedOnce(session.id(), "Write an intro email");
 * }
 * }</pre>
 *
 * <p>In virtual time the extension gives the client the emulator's clock ({@link
 * ai.puffle.sdk.testkit.FakePuffle#clientClock()}): the 15 s turn ends during the client's own
 * polls, with no real sleeping. By default tasks run at 1/100 of real time instead. Without JUnit, {@code FakePuffle.start()} (or {@code
 * FakePuffle.builder()...start()}) gives an emulator to close yourself, and {@link
 * ai.puffle.sdk.testkit.FakePuffleMain} serves one until the process is killed:
 *
 * <pre>
 * mvn -q -pl sdk-testkit -am compile exec:java -Dexec.skip \
 *     -Dexec.mainClass=ai.puffle.sdk.testkit.FakePuffleMain -Dexec.args="8787 --time-scale=0.1"
 * </pre>
 */
package ai.puffle.sdk.testkit;
