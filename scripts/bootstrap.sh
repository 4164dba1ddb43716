#!/usr/bin/env bash
# Installs what the project needs, and only what is missing, so `make serve` and `make test`
# work on a fresh machine. Each step says what it does; a step that cannot run stops with the
# exact command to run by hand.
#
#   scripts/bootstrap.sh build     wasm target, Trunk, wasm-bindgen CLI, npm dev dependencies
#   scripts/bootstrap.sh browser   Chromium for the browser tests (Debian package)
set -euo pipefail

cd "$(dirname "$0")/.."

TRUNK_VERSION='~0.21'   # Trunk 0.22 needs a newer rustc than these machines have.
CHROMIUM=/usr/bin/chromium

say() { printf '==> %s\n' "$*"; }
stop() {
  printf '\nerror: %s\n' "$1" >&2
  printf 'Install it by hand, then run make again:\n    %s\n' "$2" >&2
  exit 1
}

ensure_rust() {
  command -v cargo >/dev/null || stop "cargo is not installed." "curl https://sh.rustup.rs -sSf | sh   # then open a new shell"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown ||
      stop "could not add the wasm32 target." "rustup target add wasm32-unknown-unknown"
  fi
}

ensure_trunk() {
  if command -v trunk >/dev/null && trunk --version | grep -q '^trunk 0\.21\.'; then
    return
  fi
  say "Installing Trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked ||
    stop "could not install Trunk." "cargo install trunk --version '$TRUNK_VERSION' --locked"
}

# The CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
ensure_wasm_bindgen() {
  local wanted
  wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  [ -n "$wanted" ] || stop "Cargo.lock names no wasm-bindgen version." "cargo generate-lockfile"
  if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version)" = "wasm-bindgen $wanted" ]; then
    return
  fi
  say "Installing wasm-bindgen-cli $wanted to match Cargo.lock (a few minutes, once)"
  # --locked can fail on a transitive version missing from the registry; retry without it.
  cargo install wasm-bindgen-cli --version "=$wanted" --locked ||
    cargo install wasm-bindgen-cli --version "=$wanted" ||
    stop "could not install wasm-bindgen-cli $wanted." "cargo install wasm-bindgen-cli --version =$wanted"
}

# npm dev dependencies: wasm-opt (npm binaryen; Debian's binaryen 108 breaks the wasm), esbuild,
# Playwright and axe-core. The stamp makes this a no-op until package-lock.json changes.
ensure_node_modules() {
  command -v npm >/dev/null || stop "Node.js and npm are not installed." "apt-get install -y nodejs npm"
  local stamp=node_modules/.installed-from-lock
  if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ] && [ -x node_modules/.bin/wasm-opt ]; then
    return
  fi
  say "Installing npm dev dependencies (wasm-opt, esbuild, Playwright, axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund ||
    stop "npm could not install the dev dependencies." "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci"
  touch "$stamp"
}

# The browser tests use the system Chromium; Playwright never downloads one.
ensure_chromium() {
  if [ -x "$CHROMIUM" ]; then
    return
  fi
  local install="apt-get install -y chromium chromium-driver"
  if [ "$(id -u)" -ne 0 ]; then
    stop "Chromium is missing at $CHROMIUM and installing it needs root." "sudo $install"
  fi
  say "Installing Chromium from Debian's packages"
  if ! DEBIAN_FRONTEND=noninteractive $install; then
    apt-get update && DEBIAN_FRONTEND=noninteractive $install ||
      stop "apt could not install Chromium." "$install"
  fi
}

for part in "${@:-build}"; do
  case "$part" in
    build)
      ensure_rust
      ensure_trunk
      ensure_wasm_bindgen
      ensure_node_modules
      ;;
    browser)
      ensure_chromium
      ;;
    *)
      echo "unknown part: $part (expected build or browser)" >&2
      exit 2
      ;;
  esac
done
