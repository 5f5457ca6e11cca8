#!/usr/bin/env bash
# Issue 9's inbox benchmark in a real browser (not part of CI): with 10,000 open tasks in the database, how soon after a
# navigation to /inbox headless Chromium (/usr/bin/chromium) shows the first row. Starts a Release Host on a throwaway
# PostgreSQL cluster (scripts/throwaway-host.sh), fills it with bench/inbox-10k.sh, signs in as aftersales through the
# sign-in page and prints, for GET /api/tasks?mine=true page 1 and for the page cold (new browser context each run,
# empty cache) and warm (cached assets): median and max, with the page's milestones. Then the plans of the inbox's two
# statements (EXPLAIN ANALYZE, from auto_explain while one more API call runs). Takes about two minutes.
#
#   bash bench/inbox-browser.sh [--runs 10] [--tasks 10000] [--cases 2500] [--locale zh-CN|en-US]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=10; TASKS=10000; CASES=2500; LOCALE=zh-CN
while [[ $# -gt 0 ]]; do
  case $1 in
    --runs) RUNS=$2; shift 2 ;;
    --tasks) TASKS=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --locale) LOCALE=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

WORK=$(mktemp -d /tmp/aftersales-inbox-XXXXXX)
source scripts/throwaway-host.sh
start_throwaway_host
bash bench/inbox-10k.sh "$PG_CONN" --tasks "$TASKS" --cases "$CASES"

dotnet "$BENCH_DLL" inbox-browser --url "$HOST_URL" --password "$HOST_PASSWORD" --runs "$RUNS" --locale "$LOCALE"

# The plans the Host's own statements got (not a copy of their SQL): auto_explain (loaded, off) switched on for every
# session by a configuration reload, for one more API call.
TOKEN=$(curl -sf -X POST "$HOST_URL/api/auth/login" -H 'content-type: application/json' \
  -d "{\"userName\":\"aftersales\",\"password\":\"$HOST_PASSWORD\"}" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
psql_ "alter system set auto_explain.log_analyze = on"
psql_ "alter system set auto_explain.log_min_duration = 0"
psql_ "select pg_reload_conf()" >/dev/null
sleep 1
MARK=$(wc -l <"$WORK/pg.log")
curl -sf -o /dev/null -H "authorization: Bearer $TOKEN" "$HOST_URL/api/tasks?mine=true&page=1&pageSize=20"
echo "plans of GET /api/tasks?mine=true page 1 (auto_explain):"
tail -n +"$MARK" "$WORK/pg.log" | awk '/duration: .* plan:/ { keep = 0 } /Query Text: select (count\(\*\)|t\.id)/ { keep = 1 } keep' \
  | grep -v "^$" | tail -n 60
