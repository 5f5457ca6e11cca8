#!/usr/bin/env bash
# Fills an AfterSales database with open tasks for the inbox benchmark (issue 9: the inbox shows its first page within
# 1 s with 10,000 open tasks). Not part of CI.
#
#   bash bench/inbox-10k.sh "<libpq connection>" [--tasks 10000] [--cases 2500]
#   bash bench/inbox-10k.sh "<libpq connection>" --remove
#
# The connection is anything psql accepts, e.g. for a Host's embedded cluster (its data folder, see README):
#   D=~/.local/share/AfterSales/pgdata
#   bash bench/inbox-10k.sh "host=$D port=$(sed -n 4p $D/postmaster.pid) user=postgres dbname=aftersales \
#     password=$(cat $D/aftersales.password)"     (the port is on the fourth line of postmaster.pid)
# The database must have been migrated (start the Host once). What it writes:
#   - cases: numbers BX-<year>-NNNNNN (their own prefix, so the Host's counter is untouched), ids bench-case-N, the four
#     kinds in turn, customers "客户 N" of "公司 N mod 40", created over the last 30 days;
#   - tasks: ids bench-task-N, open, spread over the cases; 70 % for role aftersales (the inbox the benchmark opens),
#     the rest for sales, repair and qc; due times from 2 days ago to 5 days ahead, every tenth without one.
# The tasks have no workflow bookmark behind them: they list, open and claim like real ones, but completing one answers
# 409. --remove deletes exactly these rows (tasks first, then cases). Rerunning replaces them.
set -euo pipefail
CONN=${1:?usage: bash bench/inbox-10k.sh "<libpq connection>" [--tasks N] [--cases N] [--remove]}
shift
TASKS=10000; CASES=2500; REMOVE=
while [[ $# -gt 0 ]]; do
  case $1 in
    --tasks) TASKS=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --remove) REMOVE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $TASKS =~ ^[0-9]+$ && $CASES =~ ^[1-9][0-9]*$ ]] || { echo "--tasks and --cases are whole numbers" >&2; exit 2; }
PSQL=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -1)
[[ -x $PSQL ]] || { echo "psql is missing (apt-get install postgresql-client)" >&2; exit 1; }

remove_sql="
delete from aftersales.tasks where id like 'bench-task-%';
delete from aftersales.cases where id like 'bench-case-%';"

if [[ -n $REMOVE ]]; then
  "$PSQL" "$CONN" -v ON_ERROR_STOP=1 -q -c "begin; $remove_sql commit;"
  echo "removed the benchmark's tasks and cases"
  exit 0
fi

"$PSQL" "$CONN" -v ON_ERROR_STOP=1 -q <<SQL
begin;
$remove_sql
insert into aftersales.cases (id, number, kind, channel, customer, product, hosts, accessories, description, status,
    first_response_due_at, created_at, updated_at)
select 'bench-case-' || n,
    'BX-' || extract(year from now())::int || '-' || lpad(n::text, 6, '0'),
    (array['complaint', 'return_item', 'special_order', 'return_goods'])[1 + n % 4],
    (array['phone', 'email', 'web', 'visit'])[1 + n % 4],
    jsonb_build_object('name', '客户 ' || n, 'company', '公司 ' || n % 40, 'phone', '0755-' || lpad(n::text, 8, '0'),
        'email', 'customer' || n || '@example.com', 'region', 'South'),
    jsonb_build_object('model', 'HX-' || (1000 + n % 7 * 1000), 'serial', 'SN-' || n),
    1 + n % 3, n % 5, 'benchmark case ' || n, 'open',
    now() - (n % 720) * interval '1 hour' + interval '24 hours',
    now() - (n % 720) * interval '1 hour', now()
from generate_series(1, $CASES) n;
insert into aftersales.tasks (id, case_id, instance_id, activity_id, role, title, outcomes, due_at, status, created_at)
select 'bench-task-' || n, 'bench-case-' || (1 + n % $CASES), 'bench-instance-' || (1 + n % $CASES), 'benchTask',
    case when n % 10 < 7 then 'aftersales' else (array['sales', 'repair', 'qc'])[1 + n % 3] end,
    'Benchmark task ' || n, array['Done'],
    case when n % 10 = 9 then null else now() - interval '2 days' + (n % 168) * interval '1 hour' end,
    'open', now() - (n % 720) * interval '1 hour'
from generate_series(1, $TASKS) n;
commit;
analyze aftersales.cases;
analyze aftersales.tasks;
SQL
"$PSQL" "$CONN" -qtA -c "select 'open tasks now: ' || count(*) || ' (aftersales: ' || count(*) filter (where role = 'aftersales') || ')'
    from aftersales.tasks where status in ('open', 'claimed')"
