# Sourced by run.sh test. Finds a Chromium for Playwright and nginx for serving dist/ the way we
# deploy it. Order: Playwright's own browser, $CHROME_PATH, Debian's chromium; as root with
# apt-get, install Debian's chromium (and nginx); otherwise stop with one line saying what to do.
if ! CHROME_FOUND="$(node scripts/find-chromium.mjs 2>/dev/null)"; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: no Chromium found; installing Debian's chromium with apt-get"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    CHROME_FOUND="$(node scripts/find-chromium.mjs)" || exit 1
  else
    node scripts/find-chromium.mjs >/dev/null   # prints the one-line instruction
    exit 1
  fi
fi
export CHROME_PATH="$CHROME_FOUND"
echo "run.sh: browser: $CHROME_PATH"

# nginx serves dist/ in the e2e tests with the headers we ship. Where it is missing and cannot be
# installed, scripts/serve-dist.mjs falls back to a Node server that sends the same headers.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "run.sh: installing Debian's nginx with apt-get"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  else
    echo "run.sh: nginx not found; e2e tests will use the Node fallback server (same headers)"
  fi
fi
