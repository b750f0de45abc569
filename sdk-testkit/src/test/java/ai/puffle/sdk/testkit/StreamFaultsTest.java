package ai.puffle.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults on a run's stream, scripted like every other fault: a connection dropped after some
 * chunks, duplicated chunks, a stall, an event that is not JSON, and what the ordinary response
 * faults mean for a stream.
 */
class StreamFaultsTest {
  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aDroppedStreamResumesWithLastEventIdLosingNothing(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.skeletonTurn();
      List<StreamFixture.Chunk> full = f.readAll(run);
      f.fake.faults().next(Operation.READ_STREAM, Fault.dropStreamAfter(2));
      List<StreamFixture.Chunk> read = new ArrayList<>();
      try (StreamHttp.Connection stream = f.open(run)) {
        IOException dropped = assertThrows(IOException.class, () -> {
          while (true) {
            StreamHttp.Frame frame = stream.next();
            if (frame == null) {
              return;
            }
            read.addAll(f.chunks(frame));
          }
        });
        assertFalse(dropped instanceof SocketTimeoutException, "dropped, not stalled");
      }
      assertEquals(full.subList(0, 2).toString(), read.toString());
      try (StreamHttp.Connection again = f.open(run, "Last-Event-ID", read.get(1).id)) {
        read.addAll(f.chunks(again.rest()));
      }
      assertEquals(full.toString(), read.toString());
      RecordedCall call = f.fake.requests(Operation.READ_STREAM).get(1);
      assertEquals(200, call.status());
      assertEquals(Fault.dropStreamAfter(2), call.fault().orElseThrow());
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void duplicatedChunksKeepTheirIdsSoAReaderCanDropThem(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.skeletonTurn();
      List<StreamFixture.Chunk> full = f.readAll(run);
      f.fake.faults().next(Operation.READ_STREAM, Fault.duplicateStreamEvents());
      List<StreamFixture.Chunk> twice;
      try (StreamHttp.Connection stream = f.open(run)) {
        twice = f.chunks(stream.rest());
      }
      assertEquals(2 * full.size(), twice.size());
      Map<String, StreamFixture.Chunk> unique = new LinkedHashMap<>();
      for (int i = 0; i < twice.size(); i += 2) {
        assertEquals(twice.get(i).toString(), twice.get(i + 1).toString());
        assertEquals(twice.get(i).bodyId, twice.get(i + 1).bodyId);
        unique.put(version == StreamVersion.V1 ? twice.get(i).id : twice.get(i).bodyId,
            twice.get(i));
      }
      assertEquals(full.toString(), new ArrayList<>(unique.values()).toString());
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aStalledStreamWritesNothingMoreNotEvenPings(StreamVersion version) throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      StreamHttp impatient = new StreamHttp(f.fake, Duration.ofMillis(300));
      RunFixture.Run run = f.skeletonTurn();
      f.fake.clock().advance(Duration.ofSeconds(5)); // the tool call and its verdict are due
      f.fake.faults().next(Operation.READ_STREAM, Fault.stallStreamAfter(1));
      try (StreamHttp.Connection stream = impatient.open(run.id, StreamFixture.CHAT, run.token)) {
        assertEquals(200, stream.status);
        List<StreamFixture.Chunk> read = new ArrayList<>();
        while (read.isEmpty()) {
          read.addAll(f.chunks(stream.nextData()));
        }
        assertEquals(List.of("tool-call"), StreamFixture.types(read));
        f.fake.clock().advance(Duration.ofMinutes(2)); // everything is due, pings too
        assertThrows(SocketTimeoutException.class, stream::next);
      }
      assertEquals(1, f.fake.openRunStreams(), "held open until the emulator closes");
    }
  }

  @ParameterizedTest
  @EnumSource(StreamVersion.class)
  void aMalformedBodyIsOneEventThatIsNotJsonBeforeTheStream(StreamVersion version)
      throws IOException {
    try (StreamFixture f = new StreamFixture(version)) {
      RunFixture.Run run = f.startTurn();
      List<StreamFixture.Chunk> full = f.readAll(run);
      f.fake.faults().next(Operation.READ_STREAM, Fault.malformedJson());
      try (StreamHttp.Connection stream = f.open(run)) {
        StreamHttp.Frame garbage = stream.next();
        assertEquals(null, garbage.id, "no id: resuming after it loses nothing");
        assertThrows(UncheckedIOException.class, garbage::json);
        assertEquals(full.toString(), f.chunks(stream.rest()).toString());
      }
    }
  }

  @Test
  void responseFaultsMeanWhatTheySayForAStream() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V2)) {
      RunFixture.Run run = f.startTurn();
      List<StreamFixture.Chunk> full = f.readAll(run);
      f.fake.faults().next(Operation.READ_STREAM, Fault.status(503))
          .next(Operation.READ_STREAM, Fault.disconnectMidBody())
          .nextRequest(Fault.truncatedJson());
      try (StreamHttp.Connection stream = f.open(run)) {
        assertEquals(503, stream.status);
        assertEquals("{\"error\":\"Service unavailable\"}", stream.body());
      }
      try (StreamHttp.Connection stream = f.open(run)) {
        List<StreamFixture.Chunk> read = new ArrayList<>();
        assertThrows(IOException.class, () -> {
          while (true) {
            read.addAll(f.chunks(stream.nextData()));
          }
        });
        assertEquals(1, read.size(), "disconnectMidBody: dropped after one chunk");
      }
      try (StreamHttp.Connection stream = f.open(run)) {
        assertThrows(UncheckedIOException.class, () -> stream.next().json());
        assertEquals(full.toString(), f.chunks(stream.rest()).toString(),
            "truncatedJson landing on a stream acts like malformedJson");
      }
    }
  }

  @Test
  void aStallBeforeProcessingSendsNoHeadersAfterProcessingNoBody() throws IOException {
    try (StreamFixture f = new StreamFixture(StreamVersion.V1)) {
      StreamHttp impatient = new StreamHttp(f.fake, Duration.ofMillis(300));
      RunFixture.Run run = f.startTurn();
      f.fake.clock().advance(Fixture.TURN);
      f.fake.faults().next(Operation.READ_STREAM, Fault.stall())
          .next(Operation.READ_STREAM, Fault.stall().afterProcessing());
      UncheckedIOException noHeaders = assertThrows(UncheckedIOException.class,
          () -> impatient.open(run.id, StreamFixture.CHAT, run.token));
      assertTrue(noHeaders.getCause() instanceof SocketTimeoutException);
      try (StreamHttp.Connection stream = impatient.open(run.id, StreamFixture.CHAT, run.token)) {
        assertEquals(200, stream.status);
        assertThrows(SocketTimeoutException.class, stream::next);
      }
    }
  }

  @Test
  void streamFaultsAreAimedAtStreamsOnly() {
    try (FakePuffle fake = FakePuffle.builder().timeMode(TimeMode.virtual()).start()) {
      Faults faults = fake.faults();
      assertEquals("STREAM_DROPPED needs READ_STREAM", assertThrows(IllegalArgumentException.class,
          () -> faults.next(Operation.SUBSCRIBE_TO_RUN, Fault.dropStreamAfter(1))).getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> faults.next(Operation.GET_SESSION, Fault.duplicateStreamEvents()));
      assertThrows(IllegalArgumentException.class,
          () -> faults.nextRequest(Fault.stallStreamAfter(0)));
      assertThrows(IllegalArgumentException.class,
          () -> faults.rate(0.5, 1L, Fault.dropStreamAfter(1)));
      assertThrows(IllegalArgumentException.class, () -> Fault.dropStreamAfter(-1));
      assertThrows(IllegalStateException.class, () -> Fault.dropStreamAfter(1).afterProcessing());
      assertTrue(assertThrows(IllegalArgumentException.class,
          () -> faults.next(Operation.READ_STREAM, Fault.truncatedJson())).getMessage()
          .contains("malformedJson"));
      assertEquals("JUDGE_REJECTS needs RUN_TURN", assertThrows(IllegalArgumentException.class,
          () -> faults.next(Operation.GENERATE_EXAMPLES, Fault.judgeRejects())).getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> faults.next(Operation.READ_STREAM, Fault.mustRefetch()));
      faults.next(Operation.READ_STREAM, Fault.tokenExpired());
      assertEquals(1, faults.pending());
    }
  }
}
