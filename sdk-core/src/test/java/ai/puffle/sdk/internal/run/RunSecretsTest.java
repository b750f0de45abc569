package ai.puffle.sdk.internal.run;

import static ai.puffle.sdk.internal.run.RunBodies.RUN;
import static ai.puffle.sdk.internal.run.RunBodies.json;
import static ai.puffle.sdk.internal.run.WatchHarness.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.puffle.sdk.RunHandle;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run's token appears in no outcome, detail, listener event or toString, whatever the
 * server sends back: here it echoes the token in bodies and headers on every path.
 */
class RunSecretsTest {
  static final String TOKEN = TriggerFake.TOKEN;
  static final List<String> SECRETS = List.of(TOKEN, TOKEN.substring(TOKEN.lastIndexOf('.')));

  final WatchHarness h = new WatchHarness(1);
  final List<Object> seen = new ArrayList<>();

  @AfterEach
  void checkAndClose() {
    try {
      seen.add(h.watcher);
      seen.addAll(h.events.events);
      seen.addAll(h.events.details);
      seen.addAll(h.events.updates);
      for (Object o : seen) {
        for (String secret : SECRETS) {
          assertFalse(String.valueOf(o).contains(secret), o.getClass().getSimpleName() + " leaks the token: " + o);
        }
      }
    } finally {
      h.close();
    }
  }

  static MockResponse echoing(int code, String body) {
    return new MockResponse.Builder(json(code, body)).setHeader("x-echo", TOKEN).build();
  }

  RunOutcome watch(String run) throws Exception {
    RunWatch w = h.watcher.watch(RunHandle.of(run, TOKEN), h.events);
    seen.add(w);
    RunOutcome o = await(w);
    seen.add(w);
    seen.add(o);
    seen.add(o.detail());
    o.lastUpdate().ifPresent(seen::add);
    return o;
  }

  @Test
  void onEveryEnding() throws Exception {
    String echo = "{\"error\":\"bad token " + TOKEN + "\",\"status\":\"" + TOKEN + "\"}";
    h.trigger.feed("run_401", echoing(401, echo));
    h.trigger.feed("run_403", echoing(403, echo));
    for (String run : List.of("run_401r", "run_403r")) {
      h.trigger.feed(run, RunBodies.notFound(false));
      h.trigger.retrieve(run, echoing(run.equals("run_401r") ? 401 : 403, echo));
    }
    h.trigger.feed("run_garbage", new MockResponse.Builder(echoing(200, "<html>" + TOKEN))
        .setHeader("electric-handle", TOKEN).setHeader("electric-offset", TOKEN)
        .setHeader("electric-schema", "{\"" + TOKEN + "\":1}").build());
    h.trigger.feed("run_bad_value", RunBodies.feedResponse("h", "0", null,
        "{\"" + TOKEN + "\":{\"type\":\"" + TOKEN + "\",\"dims\":1}}",
        RunBodies.insert(RunBodies.values(TOKEN, "{\"" + TOKEN))));
    h.trigger.retrieve("run_bad_value", RunBodies.retrieveDone("COMPLETED"));
    h.trigger.retrieve("run_garbage", echoing(200, "[\"" + TOKEN + "\"]"));
    h.trigger.feed("run_unknown", RunBodies.notFound(false));
    h.trigger.retrieve("run_unknown", echoing(200, "{\"status\":\"" + TOKEN + "\",\"finishedAt\":\"" + TOKEN + "\"}"));
    h.trigger.feed("run_down", RunBodies.notFound(false));
    h.trigger.retrieve("run_down", echoing(503, echo), echoing(502, echo), echoing(500, echo),
        echoing(500, echo), echoing(500, echo), echoing(429, echo));

    assertEquals(RunOutcome.Reason.TOKEN_REJECTED, watch("run_401").reason());
    assertEquals(RunOutcome.Reason.FORBIDDEN, watch("run_403").reason());
    assertEquals(RunOutcome.Reason.TOKEN_REJECTED, watch("run_401r").reason());
    assertEquals(RunOutcome.Reason.FORBIDDEN, watch("run_403r").reason());
    assertEquals(RunOutcome.Reason.UNREADABLE, watch("run_garbage").reason());
    assertEquals(RunOutcome.Reason.RUN_OVER, watch("run_bad_value").reason());
    assertEquals(RunOutcome.Reason.RUN_OVER, watch("run_unknown").reason());
    assertEquals(RunOutcome.Reason.UNAVAILABLE, watch("run_down").reason());

    h.trigger.otherwise(r -> RunBodies.retrieve("QUEUED"));
    h.timing.holdDelayedTasks();
    RunWatch cancelled = h.watcher.watch(RunHandle.of(RUN, TOKEN), h.events);
    seen.add(cancelled);
    cancelled.cancel();
    seen.add(await(cancelled));
  }
}
