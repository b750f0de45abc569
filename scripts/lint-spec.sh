#!/usr/bin/env bash
# Lints openapi.yaml with Redocly CLI (recommended-strict, see redocly.yaml) and Spectral
# (spectral:oas, see .spectral.yaml), both from the npm registry at pinned versions. Fails on
# any error or warning from either. Needs Node.js and npm; the Java build does not run it.
#
#   scripts/lint-spec.sh [path/to/openapi.yaml]
set -euo pipefail

REDOCLY_CLI_VERSION=2.77.0
SPECTRAL_CLI_VERSION=6.16.3

root="$(cd "$(dirname "$0")/.." && pwd)"
spec="$(realpath "${1:-$root/openapi.yaml}")"
cd "$root"

status=0
echo "== Redocly CLI $REDOCLY_CLI_VERSION (recommended-strict, redocly.yaml)"
npx --yes --package "@redocly/cli@$REDOCLY_CLI_VERSION" -- \
  redocly lint --config redocly.yaml --format stylish "$spec" || status=1

echo
echo "== Spectral CLI $SPECTRAL_CLI_VERSION (spectral:oas, .spectral.yaml)"
npx --yes --package "@stoplight/spectral-cli@$SPECTRAL_CLI_VERSION" -- \
  spectral lint --ruleset .spectral.yaml --fail-severity warn "$spec" || status=1

echo
if [ "$status" -eq 0 ]; then
  echo "openapi.yaml: no errors, no warnings"
else
  echo "openapi.yaml: lint failed" >&2
fi
exit "$status"
