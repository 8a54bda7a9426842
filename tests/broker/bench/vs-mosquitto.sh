#!/usr/bin/env bash
# Runs `capteur bench` against `capteur broker` and Debian's mosquitto side by side on loopback and prints the table
# (ratio column = capteur / mosquitto). Needs: the .NET 10 SDK, mosquitto (apt-get install mosquitto). Takes ~2 minutes.
#   bash tests/broker/bench/vs-mosquitto.sh [extra capteur bench flags, e.g. --seconds 5 --idle-clients 2000]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/capteur-bench.XXXXXX")
art="$work/art"
dotnet build "$root/desktop/Capteur.Cli/Capteur.Cli.csproj" -c Release --artifacts-path "$art" -nologo -v q >/dev/null
capteur="$art/bin/Capteur.Cli/release/capteur.dll"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
printf 'listener 18832 127.0.0.1\nallow_anonymous true\n' > "$work/mosquitto.conf"
mosquitto -c "$work/mosquitto.conf" > "$work/mosquitto.log" 2>&1 & mosquitto_pid=$!
dotnet "$capteur" broker --port 18831 --bind 127.0.0.1 --data "$work/data" --sys-interval 0 > "$work/capteur.log" 2>&1 & capteur_pid=$!
trap 'kill $mosquitto_pid $capteur_pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q ' ready$' "$work/capteur.log" && break; sleep 0.1; done
dotnet "$capteur" bench --target "mosquitto=127.0.0.1:18832@$mosquitto_pid" --target "capteur=127.0.0.1:18831@$capteur_pid" "$@"
