// Reads one run served by FakePuffle with Trigger.dev's own TypeScript SDK, from start to end.
// Environment: TRIGGER_BASE_URL (the emulator's URL), RUN_ID and RUN_TOKEN (the turn's run id and
// public access token), SESSION_ID. Exits non-zero on any failure. See README.md.
import { configure, runs } from "@trigger.dev/sdk";

const baseURL = need("TRIGGER_BASE_URL");
const runId = need("RUN_ID");
const token = need("RUN_TOKEN");
const sessionId = need("SESSION_ID");

const API_STATUSES = ["QUEUED", "DEQUEUED", "EXECUTING", "COMPLETED", "FAILED"];
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
  console.log(`${ok ? "ok  " : "FAIL"} ${what}${detail === undefined ? "" : ": " + detail}`);
  if (!ok) failures++;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

configure({ baseURL, accessToken: token });

// 1. runs.retrieve while the run is young: the SDK's schema must accept the body.
const first = await runs.retrieve(runId);
check(first.id === runId, "retrieve returns the run", first.id);
check(API_STATUSES.includes(first.status), "retrieve status is an API status", first.status);
check(first.taskIdentifier === "framework-chat-turn", "task identifier", first.taskIdentifier);
check(first.createdAt instanceof Date && !isNaN(first.createdAt), "createdAt is a date",
  first.createdAt?.toISOString());

// 2. runs.subscribeToRun until a final status (the SDK stops on completedAt).
const seen = [];
let last;
await withTimeout((async () => {
  for await (const run of runs.subscribeToRun(runId, { stopOnCompletion: true })) {
    seen.push(run.status);
    last = run;
    console.log(`     feed: ${run.status}${run.finishedAt ? " finishedAt=" + run.finishedAt.toISOString() : ""}`);
  }
})(), 60_000, "subscribeToRun");
check(seen.length > 0, "the feed delivered the run", seen.join(" -> "));
check(seen.every((s) => API_STATUSES.includes(s)), "every feed status maps to an API status",
  seen.join(","));
const order = seen.map((s) => API_STATUSES.indexOf(s));
check(order.every((v, i) => i === 0 || v >= order[i - 1]), "statuses only move forward",
  seen.join(" -> "));
check(last?.status === "COMPLETED", "the feed ends COMPLETED", last?.status);
check(last?.finishedAt instanceof Date, "the final row has finishedAt", last?.finishedAt);
check(last?.isCompleted === true && last?.isSuccess === true, "isCompleted and isSuccess");
check(last?.startedAt instanceof Date && last.startedAt <= last.finishedAt,
  "startedAt is set and not after finishedAt");
check(last?.output?.sessionId === sessionId, "the feed decodes the output", JSON.stringify(last?.output));
check(last?.id === runId, "the feed's run id is the friendly id", last?.id);

// 3. runs.retrieve once over.
const done = await runs.retrieve(runId);
check(done.status === "COMPLETED" && done.isCompleted && done.isSuccess, "retrieve after the end",
  done.status);
check(done.finishedAt instanceof Date && done.finishedAt.getTime() === last?.finishedAt?.getTime(),
  "retrieve's finishedAt equals the feed's completedAt", done.finishedAt?.toISOString());
check(done.output?.sessionId === sessionId, "retrieve's output", JSON.stringify(done.output));

// 4. Another token is refused with the status the SDK surfaces as an ApiError.
configure({ baseURL, accessToken: "tr_pat_not_a_token_of_this_emulator_000000" });
try {
  await runs.retrieve(runId);
  check(false, "an unknown token is refused");
} catch (e) {
  check(e?.status === 401, "an unknown token is refused with 401", e?.status);
}

console.log(failures === 0 ? "conformance: all checks passed" : `conformance: ${failures} check(s) failed`);
process.exit(failures === 0 ? 0 : 1);
