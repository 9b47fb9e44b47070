#!/usr/bin/env bash
# Starts the real identity providers the SSO tests log in through: npm saml-idp on
# 127.0.0.1:7000 and npm oidc-provider on 127.0.0.1:7001. Fails if either cannot start.
# Stop them with: kill $(cat var/idps/*.pid)
set -euo pipefail
cd "$(dirname "$0")/.."

SAML_PORT="${SAML_IDP_PORT:-7000}"
OIDC_PORT="${OIDC_PORT:-7001}"
DIR="var/idps"
mkdir -p "$DIR"

if [ ! -d node_modules/saml-idp ] || [ ! -d node_modules/oidc-provider ]; then
    npm ci --silent --no-audit --no-fund
fi

# A throwaway signing key for the test IdP, never committed.
if [ ! -f "$DIR/saml-idp-key.pem" ]; then
    openssl req -x509 -new -newkey rsa:2048 -nodes -days 3650 \
        -subj "/C=CZ/O=Test IdP/CN=saml-idp" \
        -keyout "$DIR/saml-idp-key.pem" -out "$DIR/saml-idp-cert.pem" 2>/dev/null
fi

start() {  # name port command...
    local name="$1" port="$2"
    shift 2
    if [ -f "$DIR/$name.pid" ] && kill -0 "$(cat "$DIR/$name.pid")" 2>/dev/null; then
        kill "$(cat "$DIR/$name.pid")" && sleep 0.5
    fi
    nohup "$@" >"$DIR/$name.log" 2>&1 &
    echo $! >"$DIR/$name.pid"
}

start saml-idp "$SAML_PORT" env SAML_IDP_PORT="$SAML_PORT" node .ci/idps/saml-idp.js
start oidc-provider "$OIDC_PORT" env OIDC_PORT="$OIDC_PORT" node .ci/idps/oidc-provider.mjs

wait_for() {  # name url
    for _ in $(seq 1 60); do
        if curl -fsS -o /dev/null "$2" 2>/dev/null; then
            echo "$1 is up at $2"
            return 0
        fi
        if ! kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; then
            break
        fi
        sleep 0.5
    done
    echo "$1 did not start; its log:" >&2
    cat "$DIR/$1.log" >&2
    exit 1
}

wait_for saml-idp "http://127.0.0.1:$SAML_PORT/metadata"
wait_for oidc-provider "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration"
