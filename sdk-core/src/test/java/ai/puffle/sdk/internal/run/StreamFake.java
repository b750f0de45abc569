package ai.puffle.sdk.internal.run;

import ai.puffle.sdk.testing.NoDelayServerSockets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okio.BufferedSink;

/**
 * Trigger.dev's stream endpoint ({@code GET /realtime/v1/streams/{runId}/{key}}) as its source
 * describes it, plus scripted retrieves: each stream is a log of entries served from after the
 * request's {@code Last-Event-ID} (v1: the entry with that id; v2: records after that {@code
 * seq_num}); a read with {@code Timeout-Seconds: 1} ends once it has caught up (the drain read),
 * any other is held open and pushed new entries until {@link Log#endLiveReads()}. Faults: a status
 * for the next read, a read dropped after some entries. 401 without the run's token. Records every
 * request. TCP_NODELAY on accepted sockets.
 */
final class StreamFake implements AutoCloseable {
  static final String TOKEN = TriggerFake.TOKEN;

  final MockWebServer server = new MockWebServer();
  private final Map<String, Log> logs = new ConcurrentHashMap<>();
  private final Map<String, Deque<MockResponse>> retrieves = new ConcurrentHashMap<>();
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Function<RecordedRequest, MockResponse> otherRetrieve =
      r -> RunBodies.retrieve("EXECUTING");
  private volatile boolean closed;

  StreamFake() {
    server.setServerSocketFactory(NoDelayServerSockets.INSTANCE);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        requests.add(r);
        if (!("Bearer " + TOKEN).equals(r.getHeaders().get("Authorization"))) {
          return RunBodies.json(401, "{\"error\":\"Invalid Public Access Token\"}");
        }
        List<String> segments = r.getUrl().pathSegments();
        if (r.getUrl().encodedPath().startsWith("/realtime/v1/streams/") && segments.size() == 5) {
          Log log = logs.get(segments.get(3) + "/" + segments.get(4));
          return log == null ? RunBodies.json(404, "{\"error\":\"Not found\"}") : log.answer(r);
        }
        if (r.getUrl().encodedPath().startsWith("/api/v3/runs/")) {
          Deque<MockResponse> q = retrieves.get(segments.get(3));
          MockResponse next;
          synchronized (this) {
            next = q == null ? null : q.poll();
          }
          return next != null ? next : otherRetrieve.apply(r);
        }
        return RunBodies.json(418, "{}");
      }
    });
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  HttpUrl url() {
    return server.url("/");
  }

  /** The log of stream {@code key} of {@code runId}, in wire version 1 or 2. */
  Log stream(String runId, String key, boolean v2) {
    Log log = new Log(v2);
    logs.put(runId + "/" + key, log);
    return log;
  }

  /** Queues retrieve responses for {@code runId}. */
  StreamFake retrieve(String runId, MockResponse... responses) {
    retrieves.computeIfAbsent(runId, k -> new ArrayDeque<>()).addAll(List.of(responses));
    return this;
  }

  StreamFake otherRetrieve(Function<RecordedRequest, MockResponse> answer) {
    this.otherRetrieve = answer;
    return this;
  }

  /** The reads of stream {@code key}, in order. */
  List<RecordedRequest> reads(String key) {
    List<RecordedRequest> out = new ArrayList<>();
    for (RecordedRequest r : requests) {
      if (r.getUrl().encodedPath().startsWith("/realtime/v1/streams/") && r.getUrl().encodedPath().endsWith("/" + key)) {
        out.add(r);
      }
    }
    return out;
  }

  List<RecordedRequest> requests() {
    return requests;
  }

  @Override
  public void close() {
    closed = true;
    for (Log l : logs.values()) {
      synchronized (l) {
        l.notifyAll();
      }
    }
    server.close();
  }

  /** One stream's entries and its faults. */
  final class Log {
    private final boolean v2;
    /** SSE text of each entry, and its id (v1 id or v2 seq_num; null for a ping). */
    private final List<String> texts = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final Deque<MockResponse> statuses = new ArrayDeque<>();
    private int dropNextAfter = -1;
    private boolean ignoreLastEventId;
    private int liveEnds;
    private int seq;
    private int written;
    private final List<String> extraHeaders = new ArrayList<>();

    Log(boolean v2) {
      this.v2 = v2;
    }

    /** v1: an event with the next id and this data line. */
    synchronized Log v1(String data) {
      String id = (1700000000000L + ids.size()) + "-0";
      return add("id: " + id + "\ndata: " + data + "\n\n", id);
    }

    /** v1: an event with this id. */
    synchronized Log v1(String id, String data) {
      return add("id: " + id + "\ndata: " + data + "\n\n", id);
    }

    /** v2: a data record {@code {"data":<json>,"id":<bodyId>}}. */
    synchronized Log chunk(String json, String bodyId) {
      return record("{\"data\":" + json + ",\"id\":\"" + bodyId + "\"}", "[]");
    }

    /** v2: an S2 command record (a trim): first header name empty. */
    synchronized Log command() {
      return record("AAAAAAAAAAA=", "[[\"\",\"trim\"]]");
    }

    /** v2: one batch event holding one record with this body and these headers. */
    synchronized Log record(String body, String headers) {
      int n = seq++;
      String rec = "{\"seq_num\":" + n + ",\"timestamp\":" + (1700000000000L + n) + ",\"body\":"
          + RunBodies.toJson(body) + ",\"headers\":" + headers + "}";
      return add("event: batch\ndata: {\"records\":[" + rec + "]}\nid: " + n + "," + (n + 1) + ",0\n\n",
          Integer.toString(n));
    }

    /** A ping (v1 a comment, v2 a ping event). */
    synchronized Log ping() {
      return add(v2 ? "event: ping\ndata: {\"timestamp\":1}\n\n" : ": ping\n\n", null);
    }

    /** Raw SSE text, served in order. */
    synchronized Log raw(String text) {
      return add(text, null);
    }

    /** The next read answers {@code response} instead. */
    synchronized Log next(MockResponse response) {
      statuses.add(response);
      return this;
    }

    /** The next read is cut (the connection closed abruptly) after {@code entries} entries. */
    synchronized Log dropNextAfter(int entries) {
      dropNextAfter = entries;
      return this;
    }

    /** Reads start from the first entry, whatever their {@code Last-Event-ID} (a faulty server). */
    synchronized Log ignoreLastEventId() {
      ignoreLastEventId = true;
      return this;
    }

    /** Every read answers with this extra header (e.g. one echoing the token). */
    synchronized Log header(String nameAndValue) {
      extraHeaders.add(nameAndValue);
      return this;
    }

    /** Ends the reads held open now, cleanly (the server's Timeout-Seconds passing). */
    synchronized void endLiveReads() {
      liveEnds++;
      notifyAll();
    }

    /** Entries written to the client so far, over every read. */
    synchronized int written() {
      return written;
    }

    private Log add(String text, String id) {
      texts.add(text);
      ids.add(id);
      notifyAll();
      return this;
    }

    private synchronized MockResponse answer(RecordedRequest r) {
      MockResponse status = statuses.poll();
      if (status != null) {
        return status;
      }
      String last = r.getHeaders().get("Last-Event-ID");
      int start = 0;
      if (last != null && !ignoreLastEventId) {
        for (int i = 0; i < ids.size(); i++) {
          if (last.equals(ids.get(i))) {
            start = i + 1;
          }
        }
      }
      boolean drain = "1".equals(r.getHeaders().get("Timeout-Seconds"));
      int drop = dropNextAfter;
      dropNextAfter = -1;
      int ends = liveEnds;
      int from = start;
      MockResponse.Builder b = new MockResponse.Builder().code(200)
          .setHeader("Content-Type", "text/event-stream").setHeader("Cache-Control", "no-cache")
          .setHeader("Transfer-Encoding", "chunked");
      if (v2) {
        b.setHeader("X-Stream-Version", "v2");
      }
      if (drop >= 0) {
        b.onResponseEnd(new SocketEffect.CloseSocket());
      }
      for (String h : extraHeaders) {
        b.addHeader(h);
      }
      return b.body(new MockResponseBody() {
        @Override
        public long getContentLength() {
          return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
          int pos = from;
          int sent = 0;
          while (true) {
            String text;
            synchronized (Log.this) {
              while (!closed && pos >= texts.size() && !drain && liveEnds == ends) {
                try {
                  Log.this.wait();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
              }
              if (drop >= 0 && sent >= drop) {
                return; // no last chunk: the socket closes (below) inside the body
              }
              if (closed || pos >= texts.size()) {
                sink.writeUtf8("0\r\n"); // caught up: a drain read ends, a live read was ended
                return;
              }
              text = texts.get(pos++);
              written++;
            }
            byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
            sink.flush();
            sent++;
          }
        }
      }).build();
    }
  }
}
