#!/usr/bin/env bash
# Make sure Debian's chromium is installed (the browser tests drive it); `--path` prints where it is.
set -euo pipefail
find_chromium() { command -v chromium || command -v chromium-browser || true; }
if [ -z "$(find_chromium)" ]; then
  if command -v apt-get >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    echo "Installing Debian's chromium for the browser tests..." >&2
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-color-emoji >&2
  else
    echo "chromium is missing: install it with your package manager (or set CHROMIUM=/path/to/chrome)." >&2
    exit 1
  fi
fi
[ "${1:-}" = "--path" ] && find_chromium
exit 0
