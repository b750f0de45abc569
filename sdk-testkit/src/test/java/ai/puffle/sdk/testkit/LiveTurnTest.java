package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.puffle.sdk.InvalidInputException;
import ai.puffle.sdk.LiveTurn;
import ai.puffle.sdk.PuffleClient;
import ai.puffle.sdk.Session;
import ai.puffle.sdk.TurnEvent;
import ai.puffle.sdk.TurnRequest;
import ai.puffle.sdk.TurnResult;
import ai.puffle.sdk.WaitOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A turn in progress as a handle, end to end against the emulator and its Trigger.dev runs. */
class LiveTurnTest {
  private static final WaitOptions FAST = WaitOptions.builder()
      .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20))
      .timeout(Duration.ofSeconds(20))
      .build();
  /** Puffle's own poll pace: the client first looks at a just-accepted run 1.5 s in. */
  private static final WaitOptions PUFFLE_PACE = WaitOptions.builder().timeout(Duration.ofSeconds(20)).build();

  @RegisterExtension
  final FakePuffleExtension puffle = FakePuffleExtension.perTest()
      .withFake(b -> b.timeMode(TimeMode.scaled(0.001)));

  private static String newSession(FakePuffle fake, PuffleClient client) {
    SeededCampaign c = fake.defaultCampaign();
    return client.sessions().create(c.campaignId(), c.aiNodeId()).id();
  }

  private static List<TurnEvent> all(LiveTurn turn) {
    List<TurnEvent> events = new ArrayList<>();
    try (LiveTurn.Events it = turn.events()) {
      it.forEachRemaining(events::add);
    }
    return events;
  }

  @Test
  void aLiveTurnShowsTheRunsStatusesThenEndsWithTheResult() {
    // A turn of 3 s: the client first looks at a run 1.5 s after it was accepted.
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.scaled(0.2)).start();
        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
            .triggerApiUrl(fake.triggerApiUrl()).build()) {
      String session = newSession(fake, client);
      LiveTurn turn = client.sessions().startTurn(session, TurnRequest.of("Write an intro email"),
          PUFFLE_PACE, ai.puffle.sdk.RequestOptions.none());
      assertTrue(turn.run().isKnown());
      List<TurnEvent> events = all(turn);

      TurnEvent end = events.get(events.size() - 1);
      assertEquals(TurnEvent.Kind.END, end.kind());
      TurnResult result = end.result().orElseThrow();
      assertEquals(result, turn.await(), "the end carries the result await() returns");
      assertFalse(result.reply().isEmpty());
      List<String> statuses = events.stream().filter(e -> e.kind() == TurnEvent.Kind.STATUS)
          .map(e -> e.runStatus().orElseThrow()).collect(Collectors.toList());
      assertEquals(List.of("EXECUTING", "COMPLETED"), statuses, "first look after the queue states");
      assertEquals(List.of("Write an intro email"), fake.turnMessagesAccepted(session));
      assertEquals(1, fake.requestCount(Operation.RUN_TURN));
      assertEquals(2, fake.requestCount(Operation.SUBSCRIBE_TO_RUN), "a snapshot, then one live request");
    }
  }

  /** Runs a live turn on an emulator streaming in {@code version}, with {@code fault} on its stream. */
  private static List<TurnEvent> streamedTurn(StreamVersion version, Fault fault) {
    // Turns of 3 s that write the skeleton at once: the client first looks at a run 1.5 s in.
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.scaled(0.2)).turnsUntilSkeleton(1)
            .streamVersion(version).start();
        PuffleClient client = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
            .triggerApiUrl(fake.triggerApiUrl()).build()) {
      String session = newSession(fake, client);
      if (fault != null) {
        fake.faults().next(Operation.READ_STREAM, fault);
      }
      LiveTurn turn = client.sessions().startTurn(session, TurnRequest.of("VPs of Sales; a 15-minute call"),
          PUFFLE_PACE, ai.puffle.sdk.RequestOptions.none());
      List<TurnEvent> events = all(turn);
      assertEquals(1, fake.turnMessagesAccepted(session).size(), "the turn was sent once");
      return events;
    }
  }

  private static String text(List<TurnEvent> events) {
    return events.stream().filter(e -> e.kind() == TurnEvent.Kind.CHUNK)
        .map(e -> e.textDelta().orElse("")).collect(Collectors.joining());
  }

  @Test
  void theReplyStreamsAsItIsWrittenOnBothWireVersions() {
    for (StreamVersion version : StreamVersion.values()) {
      List<TurnEvent> events = streamedTurn(version, null);
      TurnResult result = events.get(events.size() - 1).result().orElseThrow();
      assertEquals(result.reply(), text(events), version + ": the text deltas are the reply, in order");
      assertTrue(events.stream().anyMatch(e -> e.kind() == TurnEvent.Kind.CHUNK && e.textDelta().isEmpty()
          && String.valueOf(e.chunk().orElse("")).contains("updateSkeleton")), version + ": the tool call streams too");
      int firstChunk = -1;
      int completed = -1;
      for (int i = 0; i < events.size(); i++) {
        TurnEvent e = events.get(i);
        if (firstChunk < 0 && e.kind() == TurnEvent.Kind.CHUNK) {
          firstChunk = i;
        }
        if (e.runStatus().filter("COMPLETED"::equals).isPresent()) {
          completed = i;
        }
      }
      assertTrue(firstChunk >= 0 && firstChunk < completed, version + ": chunks come while the run executes");
      assertEquals(0, events.get(events.size() - 1).droppedChunks());
    }
  }

  @Test
  void aStreamDroppedMidwayIsResumedWithNoChunkLostOrRepeated() {
    for (StreamVersion version : StreamVersion.values()) {
      List<TurnEvent> events = streamedTurn(version, Fault.dropStreamAfter(2));
      assertEquals(events.get(events.size() - 1).result().orElseThrow().reply(), text(events), version.toString());
    }
  }

  @Test
  void duplicateStreamRecordsAreDeliveredOnce() {
    List<TurnEvent> events = streamedTurn(StreamVersion.V2, Fault.duplicateStreamEvents());
    assertEquals(events.get(events.size() - 1).result().orElseThrow().reply(), text(events));
  }

  @Test
  void aListenerAndAFutureSeeTheSameEnd(FakePuffle fake, PuffleClient client) throws Exception {
    String session = newSession(fake, client);
    List<TurnEvent> heard = new CopyOnWriteArrayList<>();
    LiveTurn turn = client.async().sessions()
        .startTurn(session, TurnRequest.of("Write an intro email"), FAST, ai.puffle.sdk.RequestOptions.none())
        .get(20, TimeUnit.SECONDS)
        .onEvent(heard::add);
    TurnResult result = turn.result().get(20, TimeUnit.SECONDS);
    List<TurnEvent> events = all(turn);  // every view gets it all, from the start
    assertEquals(result, events.get(events.size() - 1).result().orElseThrow());
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (heard.stream().noneMatch(e -> e.kind() == TurnEvent.Kind.END) && System.nanoTime() < end) {
      Thread.sleep(5);
    }
    assertEquals(events.size(), heard.size(), "the listener heard the same events");
  }

  @Test
  void aSavedTurnResumedInASecondClientFinishesTheSameTurnAndSendsNothing(FakePuffle fake, PuffleClient client) {
    String session = newSession(fake, client);
    LiveTurn turn = client.sessions().startTurn(session, TurnRequest.of("Write an intro email"),
        FAST, ai.puffle.sdk.RequestOptions.none());
    String saved = turn.saveWithToken();
    turn.cancel();
    assertTrue(turn.result().isCancelled());

    try (PuffleClient second = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
        .triggerApiUrl(fake.triggerApiUrl()).build()) {
      LiveTurn resumed = second.sessions().resumeTurn(saved, FAST, ai.puffle.sdk.RequestOptions.none());
      TurnResult result = resumed.await();
      Session after = second.sessions().get(session);
      assertEquals(after.messages().get(after.messages().size() - 1).content(), result.reply());
      assertEquals(turn.run().runId(), resumed.run().runId());
    }
    assertEquals(1, fake.requestCount(Operation.RUN_TURN), "resuming sends nothing");
    assertEquals(List.of("Write an intro email"), fake.turnMessagesAccepted(session));
  }

  @Test
  void aTurnSavedWithoutItsTokenIsResumedByPollingTheSessionOnly(FakePuffle fake, PuffleClient client) {
    String session = newSession(fake, client);
    LiveTurn first = client.sessions().startTurn(session, TurnRequest.of("hello"), FAST,
        ai.puffle.sdk.RequestOptions.none());
    String saved = first.save();
    first.cancel();  // this client stops following the run
    assertFalse(saved.contains("tr_pat_"));
    int runRequests = fake.requestCount(Operation.RETRIEVE_RUN) + fake.requestCount(Operation.SUBSCRIBE_TO_RUN);
    try (PuffleClient second = PuffleClient.builder().apiKey(fake.apiKey()).baseUrl(fake.baseUrl())
        .triggerApiUrl(fake.triggerApiUrl()).build()) {
      TurnResult result = second.sessions().resumeTurn(saved, FAST, ai.puffle.sdk.RequestOptions.none()).await();
      assertFalse(result.reply().isEmpty());
    }
    assertEquals(runRequests,
        fake.requestCount(Operation.RETRIEVE_RUN) + fake.requestCount(Operation.SUBSCRIBE_TO_RUN),
        "without the token the second client does not follow the run");
  }

  @Test
  void aBadSavedStringIsRefusedBeforeAnyRequest(FakePuffle fake, PuffleClient client) {
    int before = fake.requestCount();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> client.sessions().resumeTurn("puffle-turn:1:garbage.0123"));
    assertEquals("savedTurn", e.field());
    assertEquals(before, fake.requestCount());
  }
}
