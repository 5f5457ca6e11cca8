#!/usr/bin/env bash
# What the browser downloads for the sign-in page and the inbox (issue 9: ≤ 300 KB gzipped; later pages are their own
# chunks). Builds the web app into a temporary folder with Vite's manifest and sums each file's gzipped size; says
# whether the budget is met and exits 1 when it is not (BUDGET_KB, default 300).
#   bash bench/web-bundle.sh [extra lazy module ...]     e.g. src/features/tasks/routes.tsx
set -euo pipefail
APP="$(cd "$(dirname "$0")/.." && pwd)/src/Host/ClientApp"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
cd "$APP"
[[ -d node_modules ]] || npm ci --no-audit --no-fund
npx vite build --outDir "$OUT" --emptyOutDir --manifest --logLevel warn
# The texts of one language load beside the entry (app/locales.ts): Chinese, the users' language, is counted.
node scripts/bundle-size.mjs --budget="${BUDGET_KB:-300}" "$OUT" src/app/locales/zh-CN.ts \
  src/features/auth/components/SignInPage.tsx src/features/inbox/routes.tsx "$@"
