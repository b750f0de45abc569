package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The two wire versions as Trigger.dev's servers write them: v1 (Redis: ids, data, ping comments,
 * 15 s idle) and v2 (S2: batches of records with command records, ping events, 60 s wait, [DONE]);
 * resuming with Last-Event-ID; Timeout-Seconds; and the per-run version switch.
 */
class StreamWireTest {
  @Test
  void v1WritesAnIdAndJsonDataPerChunkWithGrowingRedisIds() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V1)) {
      RunFixture.Run run = f.skeletonTurn();
      f.fake.clock().advance(Fixture.TURN);
      try (StreamHttp.Connection stream = f.open(run)) {
        assertEquals(200, stream.status);
        assertEquals("text/event-stream", stream.headers.get("Content-Type"));
        assertNull(stream.headers.get("X-Stream-Version"), "v1 is the version when absent");
        List<StreamHttp.Frame> frames = stream.rest();
        assertTrue(frames.stream().allMatch(frame -> frame.event == null && frame.id != null));
        List<String> ids = frames.stream().map(frame -> frame.id).collect(Collectors.toList());
        assertTrue(ids.stream().allMatch(id -> id.matches("\\d{13}-\\d+")), ids.toString());
        for (int i = 1; i < ids.size(); i++) {
          assertTrue(redisOrder(ids.get(i - 1), ids.get(i)) < 0, ids.toString());
        }
        assertEquals(8, frames.size(), "tool call, judge, 5 deltas and the finish; no commands");
      }
    }
  }

  @Test
  void v2WritesBatchesOfS2RecordsWithCommandRecordsAndEndsWithDone() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      RunFixture.Run run = f.skeletonTurn();
      f.fake.clock().advance(Fixture.TURN);
      try (StreamHttp.Connection stream = f.open(run)) {
        assertEquals("v2", stream.headers.get("X-Stream-Version"));
        List<StreamHttp.Frame> frames = stream.rest();
        StreamHttp.Frame batch = frames.get(0);
        assertEquals("batch", batch.event);
        assertEquals(new StreamHttp.Frame(null, null, "[DONE]", null).toString(),
            frames.get(frames.size() - 1).toString());
        List<Map<String, Object>> records = batch.records();
        for (int i = 0; i < records.size(); i++) {
          assertEquals(Integer.toString(i), StreamFixture.seq(records.get(i)), "seq_num");
          assertTrue(((Number) records.get(i).get("timestamp")).longValue() > 1_700_000_000_000L);
        }
        assertEquals(records.size() - 1 + "," + records.size() + ",",
            batch.id.substring(0, batch.id.lastIndexOf(',') + 1), "S2's id: seq,count,bytes");
        List<Map<String, Object>> commands = records.stream().filter(StreamFixture::isCommand)
            .collect(Collectors.toList());
        assertEquals(List.of(List.of("", "fence")), commands.get(0).get("headers"));
        assertEquals(List.of(List.of("", "trim")), commands.get(1).get("headers"));
        assertEquals(2, commands.size());
        List<StreamFixture.Chunk> chunks = f.chunks(batch);
        assertEquals(8, chunks.size());
        Set<String> bodyIds = chunks.stream().map(c -> c.bodyId).collect(Collectors.toSet());
        assertEquals(8, bodyIds.size(), "every body has its own id");
        assertTrue(bodyIds.stream().allMatch(id -> id.matches("[A-Za-z0-9_-]{7}")));
        Map<String, Object> data = records.stream().filter(r -> !StreamFixture.isCommand(r))
            .findFirst().orElseThrow();
        assertFalse(data.containsKey("headers"), "data records carry no S2 headers");
      }
    }
  }

  @Test
  void v1PingsEveryTenSecondsAndClosesAfterFifteenWithoutAChunk() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V1)) {
      f.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
      RunFixture.Run run = f.startTurn();
      try (StreamHttp.Connection stream = f.connect(run)) {
        f.fake.clock().advance(Duration.ofSeconds(10));
        assertEquals(" ping", stream.next().comment);
        f.fake.clock().advance(Duration.ofSeconds(5));
        assertNull(stream.next(), "closed: 15 s without a chunk, though the run goes on");
        assertEquals("EXECUTING", f.retrieve(run).json().get("status"));
      }
    }
  }

  @Test
  void v2PingsAtTheTailAndWaitsSixtySecondsForARecord() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      f.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
      RunFixture.Run run = f.startTurn();
      try (StreamHttp.Connection stream = f.connect(run)) {
        assertEquals("ping", stream.next().event, "S2's heartbeat on reaching the tail");
        f.fake.clock().advance(Duration.ofSeconds(1)); // the task opens its stream: a fence
        assertTrue(StreamFixture.isCommand(stream.next().records().get(0)));
        List<Long> pings = new ArrayList<>();
        StreamHttp.Frame frame;
        do {
          f.fake.clock().advance(Duration.ofSeconds(10));
          frame = stream.next();
          if ("ping".equals(frame.event)) {
            pings.add(((Number) frame.json().get("timestamp")).longValue());
          }
        } while ("ping".equals(frame.event));
        assertEquals("[DONE]", frame.data, "60 s after the last record");
        assertEquals(5, pings.size());
        assertNull(stream.next());
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void timeoutSecondsReplacesTheIdleTime(StreamVersion version) throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      f.fake.faults().next(Operation.RUN_TURN, Fault.taskNeverFinishes());
      RunFixture.Run run = f.startTurn();
      f.fake.clock().advance(Duration.ofSeconds(1));
      try (StreamHttp.Connection stream = f.connect(run, "Timeout-Seconds", "3")) {
        f.fake.clock().advance(Duration.ofSeconds(3));
        List<StreamHttp.Frame> frames = stream.rest();
        assertTrue(frames.stream().noneMatch(frame -> " ping".equals(frame.comment)));
      }
    }
  }

  @Test
  void v2WithTimeoutSecondsZeroEndsAtTheTail() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      RunFixture.Run run = f.startTurn();
      f.fake.clock().advance(Duration.ofSeconds(3));
      try (StreamHttp.Connection stream = f.open(run, "Timeout-Seconds", "0")) {
        List<StreamHttp.Frame> frames = stream.rest();
        assertEquals(1, f.chunks(frames).size(), "the chunks so far, then the end");
        assertEquals("[DONE]", frames.get(frames.size() - 1).data);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void badTimeoutSecondsAre400(StreamVersion version) {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.startTurn();
      String[][] cases = {{"soon", "Invalid timeout seconds"},
          {"-5", "Timeout seconds must be greater than 0"},
          {"601", "Timeout seconds must be less than 600"}};
      for (String[] bad : cases) {
        try (StreamHttp.Connection stream = f.open(run, "Timeout-Seconds", bad[0])) {
          assertEquals(400, stream.status, bad[0]);
          assertEquals(bad[1], stream.body());
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void resumingWithLastEventIdLosesAndRepeatsNothing(StreamVersion version) throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.skeletonTurn();
      List<StreamFixture.Chunk> read = new ArrayList<>();
      f.fake.clock().advance(Duration.ofSeconds(8));
      try (StreamHttp.Connection first = f.connect(run)) {
        while (read.size() < 3) {
          read.addAll(f.chunks(first.nextData()));
        }
      } // the client goes away mid-run
      f.fake.clock().advance(Duration.ofSeconds(3));
      String lastId = read.get(read.size() - 1).id;
      try (StreamHttp.Connection second = f.open(run, "Last-Event-ID", lastId)) {
        List<StreamFixture.Chunk> resumed = f.chunks(second.nextData());
        assertNotEquals(lastId, resumed.get(0).id);
        read.addAll(resumed);
        f.fake.clock().advance(Fixture.TURN);
        read.addAll(f.chunks(second.rest()));
      }
      assertEquals(f.readAll(run).toString(), read.toString(), "the whole stream, once");
    }
  }

  @Test
  void v1ResumesAfterAnIdWithoutItsSequenceAndFromTheTailWithDollar() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V1)) {
      RunFixture.Run run = f.skeletonTurn();
      List<StreamFixture.Chunk> all = f.readAll(run);
      String ms = all.get(1).id.substring(0, all.get(1).id.indexOf('-'));
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", ms)) {
        assertEquals(all.subList(2, all.size()).toString(), f.chunks(stream.rest()).toString());
      }
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", "$")) {
        assertEquals(List.of(), f.chunks(stream.rest()), "nothing new: the run is over");
      }
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", "0")) {
        assertEquals(all.toString(), f.chunks(stream.rest()).toString());
      }
    }
  }

  @Test
  void v2ReadsTheDigitsBeforeADashAndRestartsOnS2sOwnIds() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      RunFixture.Run run = f.skeletonTurn();
      List<StreamFixture.Chunk> all = f.readAll(run);
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", all.get(3).id + "-0")) {
        assertEquals(all.subList(4, all.size()).toString(), f.chunks(stream.rest()).toString());
      }
      String s2Id = all.get(3).id + ",4,900"; // an S2 SSE id sent back verbatim
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", s2Id)) {
        assertEquals(all.toString(), f.chunks(stream.rest()).toString(), "from the start");
      }
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", "999")) {
        List<StreamHttp.Frame> frames = stream.rest();
        assertEquals(List.of(), f.chunks(frames), "past the tail: clamped, nothing to send");
        assertEquals("[DONE]", frames.get(frames.size() - 1).data);
      }
    }
  }

  @Test
  void v2ClampsAStartPastTheTailToTheTailAndSendsWhatComesNext() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      RunFixture.Run run = f.skeletonTurn();
      f.fake.clock().advance(Duration.ofSeconds(3)); // only the fence (seq 0) is written yet
      List<StreamFixture.Chunk> read;
      try (StreamHttp.Connection stream = f.connect(run, "Last-Event-ID", "999")) {
        f.fake.clock().advance(Fixture.TURN);
        read = f.chunks(stream.rest());
      }
      assertEquals(f.readAll(run).toString(), read.toString());
    }
  }

  @Test
  void aV1IdThatIsNoStreamIdBreaksTheResponseOff() {
    try (StreamFixture f = new StreamFixture(StreamVersion.V1)) {
      RunFixture.Run run = f.startTurn();
      f.fake.clock().advance(Fixture.TURN); // over: a readable stream would end cleanly at once
      try (StreamHttp.Connection stream = f.open(run, "Last-Event-ID", "not-an-id")) {
        assertEquals(200, stream.status);
        IOException broken = assertThrows(IOException.class, stream::rest);
        assertFalse(broken instanceof SocketTimeoutException, "broken off, not silent");
      }
    }
  }

  @Test
  void theVersionIsChosenPerRunWhenTheRunStarts() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      try (FakePuffle defaults = FakePuffle.start()) {
        assertEquals(StreamVersion.V2, defaults.streamVersion(), "the default");
      }
      RunFixture.Run before = f.startTurn();
      f.fake.streamVersion(StreamVersion.V1);
      RunFixture.Run after = f.startTurn();
      f.fake.clock().advance(Fixture.TURN);
      try (StreamHttp.Connection v2 = f.open(before); StreamHttp.Connection v1 = f.open(after)) {
        assertEquals("v2", v2.headers.get("X-Stream-Version"));
        assertNull(v1.headers.get("X-Stream-Version"));
        Set<String> events = new HashSet<>();
        v1.rest().forEach(frame -> events.add(String.valueOf(frame.event)));
        assertEquals(Set.of("null"), events);
      }
    }
  }

  /** Negative, zero or positive as Redis orders the ids {@code a} and {@code b}. */
  private static int redisOrder(String a, String b) {
    String[] x = a.split("-");
    String[] y = b.split("-");
    int ms = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
    return ms != 0 ? ms : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
  }
}
