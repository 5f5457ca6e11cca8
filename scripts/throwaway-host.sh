# Sourced, not run: a throwaway PostgreSQL cluster (fsync off, trust on 127.0.0.1) and one Release Host on it, both
# gone when the sourcing script exits. Used by bench/inbox-browser.sh and scripts/screenshots.sh.
#
#   source scripts/throwaway-host.sh          # needs ROOT (the repository) and WORK (an empty folder it may delete)
#   start_throwaway_host                      # builds src/Host (Release) and the bench console, starts both
#   echo "$HOST_URL $HOST_PASSWORD"           # http://127.0.0.1:<port>, the role users' password
#   psql_ "select count(*) from aftersales.tasks"; echo "$PG_CONN"   # the cluster, for psql and the bench scripts
# Set KEEP=1 to keep $WORK (logs, cluster) after the exit. auto_explain is loaded but off: `alter system set
# auto_explain.log_min_duration = 0` and `select pg_reload_conf()` log every plan in $WORK/pg.log, every session at once.

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
HOST_PASSWORD=bench-password-1
BENCH_DLL=$ROOT/bench/Benchmarks/bin/Release/net10.0/AfterSales.Benchmarks.dll
_THROWAWAY_PIDS=()

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# The cluster refuses to run as root: as root it runs as nobody.
as_pg() { if [[ $(id -u) == 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi; }
psql_() { "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -d aftersales -v ON_ERROR_STOP=1 -qtAc "$1"; }

stop_throwaway_host() {
  for pid in "${_THROWAWAY_PIDS[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  [[ -f $WORK/pgdata/postmaster.pid ]] && as_pg "$PGBIN/pg_ctl" -D "$WORK/pgdata" -m immediate stop >/dev/null 2>&1 || true
  [[ -n ${KEEP:-} ]] || rm -rf "$WORK"
}

start_throwaway_host() {
  [[ -x $PGBIN/pg_ctl ]] || { echo "PostgreSQL's server binaries are missing (apt-get install postgresql)" >&2; exit 1; }
  [[ -x /usr/bin/chromium ]] || { echo "Chromium is missing (apt-get install chromium)" >&2; exit 1; }
  trap stop_throwaway_host EXIT
  [[ $(id -u) == 0 ]] && chown -R nobody "$WORK"

  echo "building the Host and bench/Benchmarks (Release)…"
  dotnet build "$ROOT/bench/Benchmarks/Benchmarks.csproj" -c Release -v q -nologo >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; exit 1; }

  PGPORT=$(free_port)
  as_pg "$PGBIN/initdb" -D "$WORK/pgdata" -U postgres -A trust -E UTF8 --no-locale >"$WORK/initdb.log"
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pgdata" -l "$WORK/pg.log" -w \
    -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off \
    -c shared_preload_libraries=auto_explain" start >/dev/null
  as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -qc "create database aftersales" >/dev/null
  PG_CONN="host=127.0.0.1 port=$PGPORT user=postgres dbname=aftersales"

  local port host_dll=$ROOT/src/Host/bin/Release/net10.0/AfterSales.Host.dll
  port=$(free_port)
  HOST_URL="http://127.0.0.1:$port"
  # From src/Host, as scripts/start.sh runs it: the web app is served from its wwwroot.
  # No SMTP server: the outbox retries in the background, which neither the benchmark nor the screenshots look at.
  ( cd "$ROOT/src/Host" && ConnectionStrings__AfterSales="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=aftersales" \
    Workflows__SeedFolder="$ROOT/workflows-json" Seed__Password=$HOST_PASSWORD Host__PublicBaseUrl="$HOST_URL" \
    Auth__SigningKey=throwaway-host-signing-key-0123456789abcdef Auth__SigningKeyFile="$WORK/signing-key" \
    Auth__LoginAttemptsPerAddress=1000 ASPNETCORE_URLS="$HOST_URL" Logging__LogLevel__Default=Warning \
    exec setsid dotnet "$host_dll" >"$WORK/host.log" 2>&1 ) &
  local pid=$!
  _THROWAWAY_PIDS+=("$pid")
  for _ in $(seq 1 240); do
    curl -sf "$HOST_URL/api/health" >/dev/null 2>&1 && { echo "Host on $HOST_URL (log: $WORK/host.log)"; return; }
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/host.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the Host did not start" >&2; cat "$WORK/host.log" >&2; exit 1
}
