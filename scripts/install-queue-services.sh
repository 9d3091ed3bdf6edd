#!/usr/bin/env bash
# Installs Redis and PostgreSQL from Debian packages, only when one is missing: n8n's queue mode
# (and its end-to-end test) needs both. Runs as root (CI), or through passwordless sudo (hosted CI
# runners); otherwise it says in one line what to install. The packages' own system services are
# kept from starting (policy-rc.d answers 101), so no system Redis or PostgreSQL holds a port:
# every test starts its own instances on free loopback ports.
set -euo pipefail

# Where the Debian packages put things (changed only by this script's unit test).
redis_bin=${QUEUE_SERVICES_REDIS_BIN:-/usr/bin/redis-server}
postgres_lib=${QUEUE_SERVICES_POSTGRES_LIB:-/usr/lib/postgresql}
policy=${QUEUE_SERVICES_POLICY_RC_D:-/usr/sbin/policy-rc.d}

missing=()
[ -x "$redis_bin" ] || missing+=(redis-server)
compgen -G "$postgres_lib/*/bin/postgres" >/dev/null || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
	as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	as_root=(sudo -n)
else
	echo "Queue mode needs ${missing[*]}: run 'sudo ${command}' once, then run again." >&2
	exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
	echo "Queue mode needs ${missing[*]} (Redis, and PostgreSQL 15 or newer) and this machine has no apt-get: install them with its package manager, then run again." >&2
	exit 1
fi

started=$(date +%s)
echo "Installing ${missing[*]} from Debian packages (once per machine)…" >&2
# The policy file is this script's only change besides the packages: it goes again however the
# script ends (an error, a failed install, Ctrl+C), and a file that was there before is left alone.
created_policy=false
cleanup() { if $created_policy; then "${as_root[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
if [ ! -e "$policy" ]; then
	created_policy=true
	# The path reaches sh as an argument, never as part of its script, so no character in it is
	# interpreted by the shell.
	"${as_root[@]}" sh -c 'printf "#!/bin/sh\nexit 101\n" >"$1" && chmod 755 "$1"' sh "$policy"
fi

"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >&2
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	"${missing[@]}" </dev/null >&2
echo "Installed ${missing[*]} in $(($(date +%s) - started)) s." >&2
