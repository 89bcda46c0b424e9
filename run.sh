#!/usr/bin/env bash
# The front door. Usage:
#   ./run.sh serve   build the production site and serve it on http://127.0.0.1:4321
#   ./run.sh test    run every check: types, unit, content, build, links, budgets, browser + a11y
#   ./run.sh dev     Astro's dev server with hot reload (for writing articles)
# Each command provisions what it needs first (Node 24, npm packages, and for `test` a Chromium
# and nginx), so it works on a fresh machine with only an old system Node.
set -euo pipefail
cd "$(dirname "$0")"
export ASTRO_TELEMETRY_DISABLED=1
# shellcheck source=scripts/ensure-node.sh
source scripts/ensure-node.sh

cmd="${1:-}"
case "$cmd" in
  serve)
    # The typed registry is generated from content/: rewrite it if content changed (a no-op
    # otherwise, so git status stays clean). `test` only checks that it is fresh.
    node scripts/registry.ts
    npm run build
    echo "Serving dist/ at http://127.0.0.1:${PORT:-4321}/ (Ctrl+C to stop)"
    exec node scripts/serve-dist.mjs --port "${PORT:-4321}"
    ;;
  dev)
    node scripts/registry.ts
    exec npx astro dev --host 127.0.0.1
    ;;
  test)
    source scripts/ensure-browser.sh
    exec bash scripts/test-all.sh
    ;;
  *)
    echo "usage: ./run.sh serve | test | dev" >&2
    exit 2
    ;;
esac
