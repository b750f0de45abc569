package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a turn's {@code chat} stream tells, in both wire versions: the reply as text deltas, the
 * {@code updateSkeleton} call with its judge's verdict, and the finish, written while the task
 * runs and read from the start by a client that connects late.
 */
class RunStreamTest {
  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aSkeletonTurnStreamsTheToolCallTheJudgeTheReplyAndTheFinish(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.skeletonTurn();
      List<StreamFixture.Chunk> chunks = f.readAll(run);

      assertEquals("tool-call", chunks.get(0).type());
      assertEquals("updateSkeleton", chunks.get(0).event.get("toolName"));
      assertEquals(f.session(run.sessionId).get("skeleton"), chunks.get(0).event.get("input"));
      assertEquals("tool-result", chunks.get(1).type());
      assertEquals(chunks.get(0).event.get("toolCallId"), chunks.get(1).event.get("toolCallId"));
      assertEquals(Map.of("passed", true), chunks.get(1).event.get("judge"));
      List<Object> replies = f.replies(run.sessionId);
      assertEquals(replies.get(replies.size() - 1), StreamFixture.text(chunks));
      StreamFixture.Chunk last = chunks.get(chunks.size() - 1);
      assertEquals(Map.of("type", "finish", "status", "completed", "skeletonUpdated", true),
          last.event);
      assertEquals(List.of("text-delta", "text-delta", "text-delta", "text-delta", "text-delta"),
          StreamFixture.types(chunks.subList(2, chunks.size() - 1)));
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aClarifyingTurnStreamsOnlyItsText(StreamVersion version) throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.startTurn();
      List<StreamFixture.Chunk> chunks = f.readAll(run);

      assertEquals(f.replies(run.sessionId).get(0), StreamFixture.text(chunks));
      assertTrue(chunks.stream().noneMatch(c -> c.type().startsWith("tool-")));
      assertEquals(Map.of("type", "finish", "status", "completed", "skeletonUpdated", false),
          chunks.get(chunks.size() - 1).event);
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void chunksArriveWhileTheTaskRunsAndTheStreamEndsAfterTheFinish(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.startTurn();
      try (StreamHttp.Connection stream = f.connect(run)) {
        f.fake.clock().advance(Duration.ofSeconds(3)); // the first text delta is due at 2.4 s
        StreamFixture.Chunk first = firstChunk(f, stream);
        assertEquals("text-delta", first.type());
        assertEquals("chat_processing", f.taskStatus(run), "the task is still running");
        assertEquals("EXECUTING", f.retrieve(run).json().get("status"));

        f.fake.clock().advance(Duration.ofSeconds(12));
        List<StreamFixture.Chunk> rest = f.chunks(stream.rest()); // ends: the run is over
        assertEquals("finish", rest.get(rest.size() - 1).type());
        List<StreamFixture.Chunk> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        assertEquals(f.replies(run.sessionId).get(0), StreamFixture.text(all));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aLateReaderGetsWhatWasWrittenBeforeItConnectedFirst(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.startTurn();
      f.fake.clock().advance(Duration.ofSeconds(9)); // three deltas are written by now
      try (StreamHttp.Connection stream = f.connect(run)) {
        List<StreamFixture.Chunk> early = new ArrayList<>();
        while (early.size() < 3) {
          early.addAll(f.chunks(stream.nextData()));
        }
        assertEquals(3, early.size(), "what was due when the reader connected, at once");
        f.fake.clock().advance(Duration.ofSeconds(6));
        early.addAll(f.chunks(stream.rest()));
        assertEquals(f.replies(run.sessionId).get(0), StreamFixture.text(early));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aTurnWithoutAReplyStreamsAFailedFinish(StreamVersion version) throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      f.fake.faults().next(Operation.RUN_TURN, Fault.taskWithoutReply());
      RunFixture.Run run = f.startTurn();
      List<StreamFixture.Chunk> chunks = f.readAll(run);
      assertEquals(1, chunks.size());
      assertEquals(Map.of("type", "finish", "status", "failed",
          "error", "The turn ended without a reply"), chunks.get(0).event);
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aReplyModelThatThrowsStreamsItsError(StreamVersion version) throws IOException {
    try (StreamFixture f = new StreamFixture(version, FakePuffle.builder()
        .timeMode(TimeMode.virtual()).replyModel(turn -> {
          throw new IllegalStateException("the model is down");
        }))) {
      RunFixture.Run run = f.startTurn();
      List<StreamFixture.Chunk> chunks = f.readAll(run);
      assertEquals(List.of("finish"), StreamFixture.types(chunks));
      assertEquals("the model is down", chunks.get(0).event.get("error"));
      assertEquals("FAILED", f.retrieve(run).json().get("status"));
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aRejectedSkeletonFailsTheJudgeAndTheSessionKeepsItsOldOne(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      String sessionId = f.createSession();
      f.chatToSkeleton(sessionId);
      Map<String, Object> before = f.session(sessionId);
      f.fake.faults().next(Operation.RUN_TURN, Fault.judgeRejects());
      RunFixture.Run run = f.startTurn(sessionId, "Make the CTA softer");
      List<StreamFixture.Chunk> chunks = f.readAll(run);

      Map<?, ?> judge = (Map<?, ?>) chunks.get(1).event.get("judge");
      assertEquals(false, judge.get("passed"));
      assertTrue(((String) judge.get("reason")).contains("judge"));
      assertEquals(false, chunks.get(chunks.size() - 1).event.get("skeletonUpdated"));
      Map<String, Object> after = f.session(sessionId);
      assertEquals(before.get("skeleton"), after.get("skeleton"));
      assertEquals(before.get("framework_version"), after.get("framework_version"));
      assertEquals(before.get("draft_body"), after.get("draft_body"));
      List<Object> replies = f.replies(sessionId);
      assertEquals(replies.get(replies.size() - 1), StreamFixture.text(chunks),
          "the reply still arrives");
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void theModelIsAskedOnceWhetherOrNotTheStreamIsRead(StreamVersion version) throws IOException {
    int[] asked = {0};
    try (StreamFixture f = new StreamFixture(version, FakePuffle.builder()
        .timeMode(TimeMode.virtual()).replyModel(turn -> {
          asked[0]++;
          return Reply.text("Reply number " + asked[0]);
        }))) {
      RunFixture.Run read = f.startTurn();
      try (StreamHttp.Connection stream = f.connect(read)) {
        f.fake.clock().advance(Duration.ofSeconds(5));
        assertEquals("Reply ", firstChunk(f, stream).event.get("delta"));
        assertEquals(1, asked[0], "asked when the reader first looked");
        f.fake.clock().advance(Duration.ofSeconds(10));
        stream.rest();
      }
      assertEquals(1, asked[0]);
      assertEquals(List.of("Reply number 1"), f.replies(read.sessionId));

      RunFixture.Run unread = f.startTurn();
      f.fake.clock().advance(Fixture.TURN);
      assertEquals(2, asked[0]);
      assertEquals(List.of("Reply number 2"), f.replies(unread.sessionId));
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void exampleRunsAndOtherKeysAreEmptyStreamsThatEndWithTheirRun(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      String sessionId = f.createSession();
      f.chatToSkeleton(sessionId);
      RunFixture.Run examples = new RunFixture.Run(sessionId,
          f.examples(sessionId, Fixture.THREE_LEADS));
      f.fake.clock().advance(Duration.ofSeconds(2));
      assertEquals("{}", RunHttp.value(f.snapshot(examples), 0).get("realtimeStreams"));
      f.fake.clock().advance(Duration.ofSeconds(30));
      try (StreamHttp.Connection stream = f.open(examples)) {
        assertEquals(200, stream.status);
        assertEquals(List.of(), f.chunks(stream.rest()));
      }

      RunFixture.Run turn = f.startTurn(sessionId, "Shorter, please");
      f.fake.clock().advance(Fixture.TURN);
      try (StreamHttp.Connection other = f.streams.open(turn.id, "other", turn.token)) {
        assertEquals(List.of(), f.chunks(other.rest()));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void theStreamKeyIsListedInTheFeedAndRetrieveFromTheStart(StreamVersion version) {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.startTurn();
      Http.Res queued = f.snapshot(run);
      assertEquals("{}", RunHttp.value(queued, 0).get("realtimeStreams"));
      assertNull(RunHttp.value(queued, 0).get("metadata"));
      assertFalse(f.retrieve(run).json().containsKey("metadata"));

      f.fake.clock().advance(Duration.ofSeconds(1)); // EXECUTING: the task opens its stream
      Http.Res changes = f.runs.feed(run.id, run.token, RunHttp.next(queued, false));
      Map<String, Object> started = RunHttp.value(changes, RunHttp.messages(changes).size() - 2);
      assertEquals("EXECUTING", started.get("status"));
      assertEquals("{\"chat\"}", started.get("realtimeStreams"));
      assertEquals("{\"$$streams\":[\"chat\"]}", started.get("metadata"));
      assertEquals("{\"chat\"}", RunHttp.value(f.snapshot(run), 0).get("realtimeStreams"));
      assertEquals(Map.of("$$streams", List.of("chat")), f.retrieve(run).json().get("metadata"));
      assertNotNull(f.snapshot(run).headers.get("electric-schema"));
    }
  }

  private static StreamFixture.Chunk firstChunk(StreamFixture f, StreamHttp.Connection stream)
      throws IOException {
    List<StreamFixture.Chunk> chunks = new ArrayList<>();
    while (chunks.isEmpty()) {
      chunks = f.chunks(stream.nextData());
    }
    return chunks.get(0);
  }
}
