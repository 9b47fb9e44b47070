#!/usr/bin/env bash
# Runs the web server and a Celery worker with beat side by side; Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
mkdir -p var/broker var/broker-control

"$BIN/celery" -A elearning worker --beat --loglevel=INFO --concurrency=2 \
    --scheduler django_celery_beat.schedulers:DatabaseScheduler &
worker=$!
trap 'kill "$worker" 2>/dev/null || true; wait "$worker" 2>/dev/null || true' EXIT INT TERM

cat <<BANNER

  Bezpečnostní vzdělávání běží na  http://127.0.0.1:8000/
  Administrace:                     http://127.0.0.1:8000/admin/

  Demo logins (password: ${DEMO_PASSWORD:-demo}):
    employee@example.cz   zaměstnanec
    hr@example.cz         personální oddělení (HR)
    security@example.cz   manažer kybernetické bezpečnosti
    editor@example.cz     editor kurzů
    admin@example.cz      správce (superuser)

  Ctrl-C stops the web server and the Celery worker.

BANNER
"$BIN/python" manage.py runserver 127.0.0.1:8000
