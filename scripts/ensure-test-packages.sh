#!/usr/bin/env bash
# Make sure the Debian packages the tests use are installed: chromium (the browser tests drive it) and
# LibreOffice Calc (a second real reader of the XLSX files Tandem writes). `--path` prints chromium's path.
set -euo pipefail
find_chromium() { command -v chromium || command -v chromium-browser || true; }
need_browser=""; need_office=""
[ -z "$(find_chromium)" ] && need_browser=1
command -v soffice >/dev/null || need_office=1
if [ -n "$need_browser$need_office" ]; then
  if ! command -v apt-get >/dev/null; then
    echo "Missing for the tests:${need_browser:+ chromium}${need_office:+ LibreOffice (soffice)}. Install them" \
         "with your package manager (or set CHROMIUM=/path/to/chrome)." >&2
    exit 1
  fi
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  if [ -n "$need_browser" ]; then
    echo "Installing Debian's chromium for the browser tests..." >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-color-emoji >&2
  fi
  if [ -n "$need_office" ]; then  # Calc alone, without the desktop: about 50 s
    echo "Installing LibreOffice Calc (headless) to read back the XLSX files..." >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >&2
  fi
fi
[ "${1:-}" = "--path" ] && find_chromium
exit 0
