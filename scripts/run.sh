#!/usr/bin/env bash
# Runs the web server, a Celery worker and the beat side by side; Ctrl-C stops all three.
# The worker and the beat are supervised: if one exits (a broker outage it gave up on, a
# crash), it is started again after a pause, as systemd's Restart=always does in production.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
mkdir -p var/broker var/broker-control

supervise() {
    local name=$1 child=
    shift
    trap 'kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
    while true; do
        "$@" &
        child=$!
        wait "$child" || true
        echo "[run.sh] $name exited; starting it again in 2 s" >&2
        sleep 2
    done
}

supervise worker "$BIN/celery" -A elearning worker --loglevel=INFO --concurrency=2 &
worker=$!
supervise beat "$BIN/celery" -A elearning beat --loglevel=INFO \
    --scheduler elearning.beat:SingleBeatScheduler &
beat=$!
trap 'kill -TERM "$worker" "$beat" 2>/dev/null || true; wait 2>/dev/null || true' EXIT INT TERM

cat <<BANNER

  Bezpečnostní vzdělávání běží na  http://127.0.0.1:8000/
  Administrace:                     http://127.0.0.1:8000/admin/

  Demo logins (password: ${DEMO_PASSWORD:-demo}):
    employee@example.cz   zaměstnanec
    hr@example.cz         personální oddělení (HR)
    security@example.cz   manažer kybernetické bezpečnosti
    editor@example.cz     editor kurzů
    admin@example.cz      správce (superuser)

  Ctrl-C stops the web server, the Celery worker and the beat.

BANNER
"$BIN/python" manage.py runserver 127.0.0.1:8000
