#!/usr/bin/env bash
# Installs Redis and PostgreSQL from Debian packages, only when one is missing: n8n's queue mode
# (and its end-to-end test) needs both. The packages' own system services are kept from starting
# (policy-rc.d answers 101), so no system Redis or PostgreSQL holds a port: every test starts its
# own instances on free loopback ports.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "Queue mode needs ${missing[*]}: run 'sudo apt-get install -y --no-install-recommends ${missing[*]}' once, then run again." >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "Queue mode needs ${missing[*]} (Redis and PostgreSQL 15 or later) and this machine has no apt-get: install them with its package manager, then run again." >&2
	exit 1
fi

started=$(date +%s)
echo "Installing ${missing[*]} from Debian packages (once per machine)…" >&2
policy=/usr/sbin/policy-rc.d
created_policy=false
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\nexit 101\n' >"$policy"
	chmod 755 "$policy"
	created_policy=true
fi
cleanup() { if $created_policy; then rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq </dev/null >&2
apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >&2
echo "Installed ${missing[*]} in $(($(date +%s) - started)) s." >&2
