#!/usr/bin/env bash
# Starts the whole platform on this machine: a private PostgreSQL cluster (the embedded default, under
# ~/.local/share/AfterSales/pgdata, or /var/lib/aftersales/pgdata as root), the REST API, the web app and the seeded workflows,
# on http://localhost:5080.
# Installs what is missing first. Extra arguments go to the Host (e.g. --urls http://0.0.0.0:8080).
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v initdb >/dev/null && ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    echo "start: installing PostgreSQL server binaries"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
fi

# Node.js builds the web app during the Host's build (src/Host/ClientApp, docs/web.md).
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "start: installing Node.js and npm"
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi

dotnet build src/Host -c Release -v quiet -nologo
cd src/Host
exec dotnet bin/Release/net10.0/AfterSales.Host.dll --urls "${URLS:-http://localhost:5080}" "$@"
