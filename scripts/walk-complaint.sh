#!/usr/bin/env bash
# Walks one complaint from creation to closure through the API (Simple, answered by email).
set -euo pipefail
API=${API:-http://localhost:5080}
PASSWORD=${PASSWORD:?the seed password}
token() { curl -sf -X POST $API/api/auth/login -H 'content-type: application/json' \
  -d "{\"userName\":\"$1\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'; }
AS=$(token aftersales)
CASE=$(curl -sf -X POST $API/api/cases -H "authorization: Bearer $AS" -H 'content-type: application/json' -d '{"kind":"complaint","channel":"phone",
  "customer":{"name":"王芳","company":"华安电子","phone":"0755-8866 1234","email":"wang.fang@example.com","region":"South"},
  "product":{"model":"HX-3000","serial":"SN-1","shipDate":"2026-01-05","warrantyEnd":"2027-01-05"},
  "quantities":{"hosts":1,"accessories":0},"description":"屏幕无显示"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
echo "case $CASE"
# complete the open task of a role on this case with an outcome (and optional form JSON)
complete() {
  local role=$1 outcome=$2 form=${3:-null} t task
  t=$(token "$role")
  task=$(curl -sf "$API/api/tasks?role=$role&status=open&caseId=$CASE" -H "authorization: Bearer $t" | python3 -c 'import json,sys; i=json.load(sys.stdin)["items"][0]; print(i["id"])')
  curl -sf -X POST $API/api/tasks/$task/claim -H "authorization: Bearer $t" >/dev/null
  curl -sf -X POST $API/api/tasks/$task/complete -H "authorization: Bearer $t" -H 'content-type: application/json' \
    -d "{\"outcome\":\"$outcome\",\"form\":$form}" >/dev/null
  echo "  $role: $outcome"
}
complete aftersales Done      # first response within 24 h (stops the escalation ladder)
complete aftersales Simple    # triage
complete aftersales Email     # answered by email: no return visit
curl -sf $API/api/cases/$CASE -H "authorization: Bearer $AS" | python3 -c 'import json,sys; c=json.load(sys.stdin); print("status:", c["status"]); [print(" ", e["at"][11:19], e["text"]) for e in c["timeline"]]'
