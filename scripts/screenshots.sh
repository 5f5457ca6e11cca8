#!/usr/bin/env bash
# Refreshes the README's pictures, docs/screenshots/*.png: the inbox, a task with its form and a case page, in Chinese
# and in English, 1280×800. Starts a Release Host on a throwaway PostgreSQL cluster (scripts/throwaway-host.sh), opens
# six cases of the four kinds with Chinese customers through the API and works a few of their tasks
# (bench/Benchmarks/Web/ReadmeScreenshots.cs), photographs the pages in headless Chromium (/usr/bin/chromium), then
# shrinks each PNG to a 256-colour palette with pngquant (installed when missing). Look at them before committing.
#
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/docs/screenshots

if ! command -v pngquant >/dev/null; then
  echo "installing pngquant"
  if [[ $(id -u) == 0 ]]; then apt-get install -y -qq pngquant >/dev/null; else sudo apt-get install -y -qq pngquant >/dev/null; fi
fi

WORK=$(mktemp -d /tmp/aftersales-screenshots-XXXXXX)
source scripts/throwaway-host.sh
start_throwaway_host
mkdir -p "$WORK/shots" "$OUT"
dotnet "$BENCH_DLL" screenshots --url "$HOST_URL" --password "$HOST_PASSWORD" --out "$WORK/shots"
for png in "$WORK"/shots/*.png; do
  pngquant --force --skip-if-larger --quality 70-95 --speed 1 --strip --output "$OUT/$(basename "$png")" "$png" \
    || cp "$png" "$OUT/"
done
ls -l "$OUT"
