#!/usr/bin/env bash
# Every check, in order of cost; stops at the first failure. Called by `./run.sh test`, which has
# already provisioned Node 24, node_modules, a Chromium ($CHROME_PATH) and nginx where possible.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
t0=$(date +%s)

step "registry and evaluation split are fresh"
node scripts/registry.ts --check
node scripts/eval/split.ts --check
step "astro check (types, strictest)"
npx astro check
step "unit + content-integrity tests (vitest)"
npx vitest run
step "production build (astro build + pagefind + headers)"
npm run build
test -f dist/index.html || { echo "build failed"; exit 1; }
step "link checker over dist/"
node scripts/check-links.mjs
step "size budgets over dist/"
node scripts/budget.mjs
step "browser tests on the production build served by nginx (Playwright + axe)"
npx playwright test
echo
echo "all checks passed in $(( $(date +%s) - t0 )) s"
