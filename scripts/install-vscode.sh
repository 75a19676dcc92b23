#!/usr/bin/env bash
# Installs what the integration tests, the UI tests and `npm start` need, from Debian's apt and the npm
# registry only (nothing else is reachable on our machines, and nothing else is used):
#   * Debian packages: chromium (the browser Playwright drives), ripgrep (VS Code's search), libkrb5-dev
#     (headers for the native `kerberos` module), and the usual native-build tools (g++ make python3);
#   * a real VS Code: the npm package code-server@4.100.3 ships VS Code 1.100.3's server, web workbench and
#     built-in extensions in lib/vscode. 4.100.3 is the last release that runs on Node 20.
# It goes to .vscode-test/code-server (git-ignored). Idempotent: every part that is already in place is
# skipped, so the README, `npm run setup` and .ci/run can all call it.
#
# Offline pitfalls handled here:
#  * @vscode/ripgrep's postinstall downloads rg from GitHub -> we seed its download cache with Debian's rg;
#  * kerberos (native) needs gssapi headers -> libkrb5-dev;
#  * node-pty's postinstall runs `npx node-gyp`, and npx prompts without a TTY -> npm_config_yes=true;
#  * code-server's postinstall refuses to run as root unless unsafe-perm is set -> npm_config_unsafe_perm=true;
#  * npm 11 warns about (and may block) dependency install scripts not listed in "allowScripts"; the nested
#    install needs all of them -> npm_config_dangerously_allow_all_scripts=true.
# Knobs: CS_VERSION (default 4.100.3), CODE_SERVER_DIR (default .vscode-test/code-server), FORCE=1 reinstalls.
set -euo pipefail

CS_VERSION="${CS_VERSION:-4.100.3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEST="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
PKG="$DEST/node_modules/code-server"
VS="$PKG/lib/vscode"
T0=$(date +%s)
say() { echo "[install-vscode] $*"; }
# Runs a long, quiet step ("$1" names it) and says every 20 s that it is still at work, with the time so far, so a
# first start never looks hung; the step's own output goes where its command sends it.
with_progress() {
  local what="$1"; shift
  "$@" & local pid=$!
  ( local t=0; while sleep 20; do t=$((t + 20)); say "  ... still $what (${t} s)"; done ) & local ticker=$!
  local rc=0; wait "$pid" || rc=$?
  kill "$ticker" 2>/dev/null; wait "$ticker" 2>/dev/null || true
  return "$rc"
}

# 1. Debian packages, only when one is missing (apt-get update first: a fresh machine has no lists)
need=()
for p in g++ make python3 libkrb5-dev ripgrep chromium tesseract-ocr poppler-utils; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  say "apt-get install ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  say "Debian packages present (chromium, ripgrep, libkrb5-dev, g++, make, python3, tesseract-ocr, poppler-utils)"
fi
[ -x "${CHROMIUM_BIN:-/usr/bin/chromium}" ] || { echo "chromium not found at ${CHROMIUM_BIN:-/usr/bin/chromium}" >&2; exit 1; }

# 2. code-server, unless this version is already installed and complete
check_install() {
  local f pty=""
  for f in "$VS/out/server-main.js" "$VS/node_modules/@vscode/spdlog/build/Release/spdlog.node"; do
    [ -e "$f" ] || { echo "missing $f"; return 1; }
  done
  for f in "$VS"/node_modules/node-pty/build/Release/pty.node "$VS"/node_modules/node-pty/prebuilds/linux-*/pty.node; do
    [ -e "$f" ] && pty="$f"
  done
  [ -n "$pty" ] || { echo "node-pty has no pty.node"; return 1; }
}
if [ -z "${FORCE:-}" ] && [ "$(cat "$DEST/.installed-ok" 2>/dev/null)" = "$CS_VERSION" ] && check_install >/dev/null; then
  say "code-server $CS_VERSION already installed in ${DEST#"$ROOT"/} ($(($(date +%s) - T0)) s)"
  exit 0
fi

say "installing code-server@$CS_VERSION into ${DEST#"$ROOT"/}"
rm -rf "$DEST"; mkdir -p "$DEST/tmp"
export TMPDIR="$DEST/tmp"
echo '{"name":"form4-vscode-test-host","private":true}' > "$DEST/package.json"
cd "$DEST"
# fetch without running scripts, so the ripgrep cache can be seeded before the postinstall runs
say "downloading code-server@$CS_VERSION and its dependencies from the npm registry (about 100 MB)"
with_progress "downloading code-server" \
  npm install --no-audit --no-fund --no-save --ignore-scripts --loglevel=error "code-server@$CS_VERSION"

# 3. Seed @vscode/ripgrep's download cache: $TMPDIR/vscode-ripgrep-cache-<pkgver>/ripgrep-<tag>-<target>.tar.gz
RG_PKG_VERSION="$(node -p "(require('$VS/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep']||{}).version||''")"
if [ -n "$RG_PKG_VERSION" ]; then
  (cd "$TMPDIR" && npm pack --silent "@vscode/ripgrep@$RG_PKG_VERSION" >/dev/null && tar xzf vscode-ripgrep-*.tgz)
  RG_TAG="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$TMPDIR/package/lib/postinstall.js")"
  [ -n "$RG_TAG" ] || { echo "cannot read the ripgrep version from @vscode/ripgrep@$RG_PKG_VERSION" >&2; exit 1; }
  case "$(uname -m)" in
    x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
    aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
    *) echo "unsupported architecture $(uname -m)" >&2; exit 1 ;;
  esac
  mkdir -p "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION" "$TMPDIR/rg"
  cp "$(command -v rg)" "$TMPDIR/rg/rg"
  tar czf "$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_TAG-$RG_TARGET.tar.gz" -C "$TMPDIR/rg" rg
  say "seeded the @vscode/ripgrep $RG_PKG_VERSION cache ($RG_TAG) with Debian's $(rg --version | sed -n 1p)"
fi

# 4. code-server's postinstall: the nested `npm install` in lib/vscode, which builds the native modules
say "installing VS Code's own dependencies and building its native modules (log: ${DEST#"$ROOT"/}/postinstall.log)"
rebuild_vscode() {
  npm_config_yes=true npm_config_unsafe_perm=true npm_config_dangerously_allow_all_scripts=true \
    npm rebuild code-server --foreground-scripts --loglevel=error > "$DEST/postinstall.log" 2>&1
}
with_progress "installing VS Code's dependencies" rebuild_vscode \
  || { tail -50 "$DEST/postinstall.log" >&2; echo "code-server postinstall failed (full log: $DEST/postinstall.log)" >&2; exit 1; }
rm -rf "$TMPDIR"

# 5. Check: the server and its native modules are in place
if ! why="$(check_install)"; then
  tail -50 "$DEST/postinstall.log" >&2
  echo "code-server install incomplete: $why" >&2
  exit 1
fi
echo "$CS_VERSION" > "$DEST/.installed-ok"
say "installed code-server $(node -p "require('$PKG/package.json').version") = VS Code $(node -p "require('$VS/package.json').version") ($(du -sh "$DEST" | cut -f1)) in $(($(date +%s) - T0)) s"
