#!/usr/bin/env bash
# Fault injection with real processes (issue 7, reliability; not part of CI): two Host processes on one throwaway
# PostgreSQL cluster with an SMTP sink, 8 clients posting cases of all four kinds, a kill -9 of one Host's process
# group mid-run, then `pg_ctl restart -m fast` under load. After a recovery wait it prints:
#   lost          cases answered 201 that are not in the database
#   half-written  answered cases without their sla_first_response child or without a first-response due date
#   duplicates    mails the SMTP sink received more than once (same Message-Id)
# and the 5xx / failed-request counts, outbox and Hangfire state. Takes about three minutes.
#
#   bash bench/fault-injection.sh [--seconds 60] [--mails 300] [--recovery 45]
# Needs: a Release build of src/Host (done here), PostgreSQL's server binaries, python3 with aiosmtpd (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_RUN=60; MAILS=300; RECOVERY=45
while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) SECONDS_RUN=$2; shift 2 ;;
    --mails) MAILS=$2; shift 2 ;;
    --recovery) RECOVERY=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $PGBIN/pg_ctl ]] || { echo "PostgreSQL's server binaries are missing (apt-get install postgresql)" >&2; exit 1; }
PY=/usr/bin/python3
$PY -c 'import aiosmtpd' 2>/dev/null || { echo "aiosmtpd is missing (apt-get install python3-aiosmtpd)" >&2; exit 1; }
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d /tmp/aftersales-faults-XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill -9 -- "-$pid" 2>/dev/null || true; done
  [[ -f $WORK/pgdata/postmaster.pid ]] && "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m immediate stop >/dev/null 2>&1 || true
  [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}
trap cleanup EXIT
[[ $(id -u) == 0 ]] && chown -R nobody "$WORK" 2>/dev/null || true
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi; }

echo "building the Host (Release)…"
dotnet build src/Host/Host.csproj -c Release -v q -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
HOST_DLL=$ROOT/src/Host/bin/Release/net10.0/AfterSales.Host.dll

PGPORT=$(free_port)
as_pg "$PGBIN/initdb" -D "$WORK/pgdata" -U postgres -A trust -E UTF8 --no-locale >"$WORK/initdb.log"
as_pg "$PGBIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pg.log" -w \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database aftersales" >/dev/null
CONN="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=aftersales"
psql_() { as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d aftersales -qtAc "$1"; }
MAX_CONN=$(psql_ "select current_setting('max_connections')")

SMTP_PORT=$(free_port)
setsid $PY -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c aiosmtpd.handlers.Mailbox "$WORK/maildir" >"$WORK/smtp.log" 2>&1 &
PIDS+=($!)
disown  # killed by cleanup, by its process group: no job-status line for it

start_host() { # $1 = name, $2 = port
  ( cd "$(dirname "$HOST_DLL")" && ConnectionStrings__AfterSales="$CONN" Workflows__SeedFolder="$ROOT/workflows-json" \
    Seed__Password=bench-password-1 Smtp__Host=127.0.0.1 Smtp__Port=$SMTP_PORT ASPNETCORE_URLS="http://127.0.0.1:$2" \
    Logging__LogLevel__Default=Warning exec setsid dotnet "$HOST_DLL" >"$WORK/$1.log" 2>&1 ) &
  local pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$2/api/health" >/dev/null 2>&1 && { echo "$pid"; return; }
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "Host $1 did not start" >&2; cat "$WORK/$1.log" >&2; exit 1
}
PORT_A=$(free_port); PORT_B=$(free_port)
echo "starting Host A (migrates, seeds) and Host B…"
PID_A=$(start_host host-a "$PORT_A"); PIDS+=("$PID_A")
PID_B=$(start_host host-b "$PORT_B"); PIDS+=("$PID_B")

# Mail in the outbox while the faults happen, a third at each (the cases' own mails come hours later, with their SLA
# ladders): at the start, just before the kill, just before the restart.
queue_mail() { # $1 = wave
  psql_ "insert into aftersales.mail_outbox (event_key, case_id, recipients, subject, body, status, attempts, created_at)
         select 'bench:$1:' || g, null, array['bench@example.com'], 'bench $1 ' || g, 'b', 'pending', 0, now()
         from generate_series(1, $((MAILS / 3))) g" >/dev/null
}
queue_mail start

cat >"$WORK/clients.py" <<'EOF'
import json, sys, threading, time, urllib.request, urllib.error
ports, seconds, out = sys.argv[1].split(","), float(sys.argv[2]), sys.argv[3]
kinds = ["complaint", "return_item", "special_order", "return_goods"]
lock = threading.Lock(); answered = []; stats = {"ok": 0, "503": 0, "5xx": 0, "4xx": 0, "refused": 0, "failed": 0}
def call(port, path, body, token=None):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=json.dumps(body).encode(), method="POST",
                                 headers={"content-type": "application/json", **({"authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(req, timeout=30) as r: return r.status, json.loads(r.read() or b"null")
def client(n):
    token = None; end = time.time() + seconds; i = 0
    while time.time() < end:
        port = ports[(n + i) % len(ports)]; i += 1
        try:
            if token is None: token = call(port, "/api/auth/login", {"userName": "aftersales", "password": "bench-password-1"})[1]["token"]
            status, body = call(port, "/api/cases", {"kind": kinds[i % 4], "channel": "phone",
                "customer": {"name": f"客户{n}-{i}", "company": "华安电子", "phone": "0755-1", "email": f"c{n}.{i}@example.com", "region": "South"},
                "product": {"model": "HX-3000", "serial": f"SN-{n}-{i}", "shipDate": "2026-01-05", "warrantyEnd": "2027-01-05"},
                "quantities": {"hosts": 1, "accessories": 0}, "description": "bench"}, token)
            with lock: stats["ok"] += 1; answered.append(body["id"])
        except urllib.error.HTTPError as e:
            with lock: stats["503" if e.code == 503 else "5xx" if e.code >= 500 else "4xx"] += 1
            if e.code == 401: token = None
            time.sleep(0.2)
        except Exception as e:
            # Refused: the killed Host's port. Failed: no answer from a live one (e.g. a timeout).
            with lock: stats["refused" if "refused" in str(e).lower() else "failed"] += 1
            time.sleep(0.2)
threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
for t in threads: t.start()
for t in threads: t.join()
json.dump({"answered": answered, **stats}, open(out, "w"))
EOF

echo "load: 8 clients for ${SECONDS_RUN}s; kill -9 of Host A's process group at $((SECONDS_RUN / 4))s, pg_ctl restart -m fast at $((SECONDS_RUN / 2))s"
$PY "$WORK/clients.py" "$PORT_A,$PORT_B" "$SECONDS_RUN" "$WORK/answered.json" &
CLIENTS=$!
PEAK=0
sample() { local n; n=$(psql_ "select count(*) from pg_stat_activity where datname = 'aftersales'" 2>/dev/null || echo 0); (( n > PEAK )) && PEAK=$n || true; }
for s in $(seq 1 "$SECONDS_RUN"); do
  sleep 1; sample
  if (( s == SECONDS_RUN / 4 )); then queue_mail kill; echo "  t=${s}s kill -9 Host A (pgid $PID_A)"; kill -9 -- "-$PID_A" || true; fi
  if (( s == SECONDS_RUN / 2 )); then queue_mail restart; echo "  t=${s}s pg_ctl restart -m fast"; as_pg "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m fast -w restart \
      -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off" >/dev/null; fi
done
wait $CLIENTS
echo "load over; waiting ${RECOVERY}s for recovery (Host B alone)…"
for _ in $(seq 1 "$RECOVERY"); do sleep 1; sample; done

IDS=$($PY -c "import json; print(','.join(\"'\" + i + \"'\" for i in json.load(open('$WORK/answered.json'))['answered']) or \"''\")")
ANSWERED=$($PY -c "import json; print(len(json.load(open('$WORK/answered.json'))['answered']))")
LOST=$(psql_ "select $ANSWERED - count(*) from aftersales.cases where id in ($IDS)")
HALF=$(psql_ "select count(*) from aftersales.cases c where c.id in ($IDS) and (c.first_response_due_at is null
  or not exists (select from aftersales.workflow_instances i where i.definition_id = 'sla_first_response' and i.correlation_id = c.id))")
DUPS=$($PY - "$WORK/maildir" <<'EOF'
import collections, email, glob, sys
ids = collections.Counter()
for f in glob.glob(sys.argv[1] + "/new/*") + glob.glob(sys.argv[1] + "/cur/*"):
    ids[email.message_from_binary_file(open(f, "rb"))["Message-Id"]] += 1
print(sum(n - 1 for n in ids.values() if n > 1), sum(ids.values()))
EOF
)
STATS=$($PY -c "import json; d=json.load(open('$WORK/answered.json')); print(f\"{d['ok']} answered 201, {d['503']} answered 503 (database unreachable: retry), {d['5xx']} answered another 5xx, {d['4xx']} answered 4xx, {d['refused']} refused (the killed Host), {d['failed']} without answer\")")
echo
echo "requests:     $STATS"
echo "lost:         $LOST"
echo "half-written: $HALF"
echo "duplicates:   ${DUPS% *} (of ${DUPS#* } mails received; $((MAILS / 3 * 3)) queued)"
echo "outbox:       $(psql_ "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from aftersales.mail_outbox group by status) s")"
echo "wf outbox:    $(psql_ "select count(*) from aftersales.workflow_outbox") entries left; swept after the faults: $(cat "$WORK"/host-*.log | grep -c 'outbox sweep did' || true) sweep(s)"
echo "connections:  peak $PEAK of max_connections $MAX_CONN (sampled each second)"
