// Sends a turn that writes a skeleton and reads its stream served by FakePuffle with Trigger.dev's
// own TypeScript SDK: live with runs.subscribeToRun(...).withStreams() while the turn runs, then
// again with streams.read once it is over. The turn is sent from here, once the SDK is loaded, so
// the reading starts with the run. Environment: TRIGGER_BASE_URL, STREAM_VERSION (v1 or v2, the
// emulator's), PUFFLE_BASE_URL, PUFFLE_API_KEY and SESSION_ID (a session that had one turn).
// Exits non-zero on any failure. See README.md.
import { configure, runs, streams } from "@trigger.dev/sdk";

const baseURL = need("TRIGGER_BASE_URL");
const version = need("STREAM_VERSION");
const puffleURL = need("PUFFLE_BASE_URL");
const apiKey = need("PUFFLE_API_KEY");
const sessionId = need("SESSION_ID");
const KEY = "chat";
const SESSION = `${puffleURL}/api/campaigns/ai-chat-sessions/${sessionId}`;
let failures = 0;

function need(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`missing ${name}`);
    process.exit(2);
  }
  return value;
}

function check(ok, what, detail) {
  console.log(`${ok ? "ok  " : "FAIL"} [${version}] ${what}${detail === undefined ? "" : ": " + detail}`);
  if (!ok) failures++;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(chunk) {
  return chunk?.type === "text-delta" ? `text-delta(${JSON.stringify(chunk.delta)})` : chunk?.type;
}

const turn = await fetch(`${SESSION}/turn`, {
  method: "POST",
  headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
  body: JSON.stringify({ message: "Enterprise teams; the outcome is a 15-minute call" }),
});
if (turn.status !== 200) {
  console.error(`the turn was not accepted: ${turn.status} ${await turn.text()}`);
  process.exit(1);
}
const { runId, publicAccessToken: token } = await turn.json();
console.log(`     turn accepted: run ${runId}`);
configure({ baseURL, accessToken: token });

// 0. The emulator serves this run's stream in the wire version under test (the SDK picks its
//    parser from X-Stream-Version, v1 when absent).
const probe = await fetch(`${baseURL}/realtime/v1/streams/${runId}/${KEY}`, {
  headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
});
check(probe.status === 200, "the stream answers 200", probe.status);
check((probe.headers.get("x-stream-version") ?? "v1") === version,
  "X-Stream-Version names the run's wire version", probe.headers.get("x-stream-version"));
await probe.body?.cancel();

// 1. Live: the run's feed lists the stream key, the SDK opens the stream and yields its chunks.
const live = [];
let chunksBeforeTheEnd = -1;
let finalRun;
await withTimeout((async () => {
  for await (const part of runs.subscribeToRun(runId).withStreams()) {
    if (part.type === "run") {
      if (part.run.finishedAt && chunksBeforeTheEnd < 0) {
        chunksBeforeTheEnd = live.length;
        finalRun = part.run;
      }
    } else if (part.type === KEY) {
      live.push(part.chunk);
      console.log(`     ${KEY}: ${describe(part.chunk)}`);
    }
    if (finalRun && live.at(-1)?.type === "finish") break;
  }
})(), 60_000, "subscribeToRun().withStreams()");
check(finalRun?.status === "COMPLETED", "the run completed", finalRun?.status);
check(finalRun?.realtimeStreams?.includes(KEY), "the run lists the stream key",
  JSON.stringify(finalRun?.realtimeStreams));
check(chunksBeforeTheEnd > 0, "chunks arrived while the task ran",
  `${chunksBeforeTheEnd} of ${live.length} before the run's end`);

// 2. What the chunks say: the agent's skeleton tool call and its judge, the reply, the finish.
const session = await (await fetch(SESSION, {
  headers: { Authorization: `Bearer ${apiKey}` },
})).json();
const replies = session.session.messages.filter((m) => m.role === "assistant");
const reply = replies.at(-1)?.content;
const types = live.map((c) => c.type);
check(types[0] === "tool-call" && live[0].toolName === "updateSkeleton",
  "the first chunk is the updateSkeleton call", describe(live[0]));
check(JSON.stringify(live[0]?.input) === JSON.stringify(session.session.skeleton),
  "its input is the skeleton the session got");
check(types[1] === "tool-result" && live[1].judge?.passed === true, "the judge passed it",
  JSON.stringify(live[1]?.judge));
const text = live.filter((c) => c.type === "text-delta").map((c) => c.delta).join("");
check(text === reply, "the text deltas joined are the session's reply", JSON.stringify(text));
check(types.at(-1) === "finish" && live.at(-1).status === "completed", "the last chunk is the finish",
  JSON.stringify(live.at(-1)));
check(types.slice(2, -1).every((t) => t === "text-delta"), "text deltas in between",
  types.join(","));

// 3. streams.read once the run is over: the same chunks, in the same order, and the stream ends.
const again = [];
await withTimeout((async () => {
  const stream = await streams.read(runId, KEY);
  for await (const chunk of stream) again.push(chunk);
})(), 30_000, "streams.read");
check(JSON.stringify(again) === JSON.stringify(live),
  "streams.read gets every chunk again, in order, and ends", `${again.length} chunks`);

console.log(failures === 0 ? `streams (${version}): all checks passed`
  : `streams (${version}): ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
