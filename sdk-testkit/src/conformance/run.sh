#!/usr/bin/env bash
# For each stream wire version (v1, v2): starts FakePuffleMain from the Maven reactor (no
# install), creates a session and a turn over HTTP, reads the turn's run with Trigger.dev's own
# TypeScript SDK (check.mjs), checks that the session is idle once the run is over, sends a second
# turn and reads its stream with the SDK (streams.mjs), and stops the emulator. Exits non-zero on
# any failure. Needs a JDK, Maven and Node.js 18.20 or newer. See README.md.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
server_pid=""

stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

json() { # json FILE EXPRESSION: prints a value of the JSON document in FILE
  node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const v = process.argv[2].split(".").reduce((o, k) => (o == null ? o : o[k]), d);
    process.stdout.write(v == null ? "null" : String(v));' "$1" "$2"
}

echo "== npm ci (@trigger.dev/sdk as pinned in package-lock.json)"
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

conform() { # conform VERSION: one emulator serving streams in VERSION, every check on it
  local version="$1"
  echo "== building and starting FakePuffleMain (reactor, no install), streams in $version"
  (cd "$root" && exec mvn -B -q -pl sdk-testkit -am compile exec:java -Dexec.skip \
      -Dexec.mainClass=ai.puffle.sdk.testkit.FakePuffleMain \
      -Dexec.args="0 --time-scale=0.1 --stream-version=$version") \
      > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 600); do
    grep -q "Serving until killed" "$work/server.log" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; echo "the emulator did not start"; exit 1; }
    sleep 0.5
  done
  grep -q "Serving until killed" "$work/server.log" || { cat "$work/server.log"; echo "timed out"; exit 1; }
  cat "$work/server.log"

  field() { sed -n "s/.*$1[:=] *\([^ ]*\).*/\1/p" "$work/server.log" | head -1; }
  local base_url trigger_url api_key campaign node_id session_id run_id run_token
  base_url="$(field 'export PUFFLE_API_BASE_URL')"
  trigger_url="$(field 'export PUFFLE_TRIGGER_API_URL')"
  api_key="$(field 'export PUFFLE_API_KEY')"
  campaign="$(field 'draft campaign')"
  node_id="$(field 'ai node')"

  echo "== creating a session and a turn over HTTP"
  curl -sS -f -X POST "$base_url/api/campaigns/ai-chat-sessions" \
    -H "Authorization: Bearer $api_key" -H "Content-Type: application/json" \
    -d "{\"campaign_id\":\"$campaign\",\"node_id\":\"$node_id\"}" > "$work/session.json"
  session_id="$(json "$work/session.json" session.id)"
  curl -sS -f -X POST "$base_url/api/campaigns/ai-chat-sessions/$session_id/turn" \
    -H "Authorization: Bearer $api_key" -H "Content-Type: application/json" \
    -d '{"message":"Write an intro email for VPs of Sales"}' > "$work/turn.json"
  run_id="$(json "$work/turn.json" runId)"
  run_token="$(json "$work/turn.json" publicAccessToken)"
  echo "session $session_id, run $run_id"

  echo "== @trigger.dev/sdk reads the run"
  (cd "$here" && TRIGGER_BASE_URL="$trigger_url" RUN_ID="$run_id" RUN_TOKEN="$run_token" \
    SESSION_ID="$session_id" node check.mjs)

  echo "== the session agrees with the run"
  curl -sS -f "$base_url/api/campaigns/ai-chat-sessions/$session_id" \
    -H "Authorization: Bearer $api_key" > "$work/after.json"
  local task_status messages
  task_status="$(json "$work/after.json" session.task_status)"
  messages="$(json "$work/after.json" session.messages.length)"
  if [ "$task_status" != "null" ] || [ "$messages" != "2" ]; then
    echo "FAIL the session is not idle with the reply: task_status=$task_status, messages=$messages"
    exit 1
  fi
  echo "ok   task_status is null and the reply is in the transcript"

  echo "== a second turn (it writes a skeleton); @trigger.dev/sdk reads its stream ($version)"
  (cd "$here" && TRIGGER_BASE_URL="$trigger_url" STREAM_VERSION="$version" \
    PUFFLE_BASE_URL="$base_url" PUFFLE_API_KEY="$api_key" SESSION_ID="$session_id" \
    node streams.mjs)

  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

conform v1
conform v2
echo "conformance: passed"
