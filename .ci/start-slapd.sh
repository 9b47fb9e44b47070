#!/usr/bin/env bash
# A private OpenLDAP for the directory-sync tests: ldap://127.0.0.1:3389/, loaded with the Czech
# office of tests/organisation/ldap/office.ldif. Installs Debian's slapd and ldap-utils when
# missing, configures slapd in its own folder (slapd.conf, no system service, no cn=config of the
# machine touched) and FAILS when slapd cannot start, so the tests never run without it.
#
#   .ci/start-slapd.sh          start (or keep) the server, loaded with the office
#   .ci/start-slapd.sh reload   put the office back as the LDIF has it (the tests change it)
#   .ci/start-slapd.sh stop     stop the server this script started
#
# Test-only credentials: the data is the fictitious office of the LDIF.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${SLAPD_PORT:-3389}"
URL="ldap://127.0.0.1:${PORT}/"
DIR="${SLAPD_DIR:-${TMPDIR:-/tmp}/elearning-slapd-${PORT}}"
LDIF="$PWD/tests/organisation/ldap/office.ldif"
SCHEMA="$PWD/tests/organisation/ldap/ad-compat.schema"
SUFFIX="dc=horni-lhota,dc=cz"
ROOT_DN="cn=admin,${SUFFIX}"
ROOT_PW="spravce-heslo"
SYNC_DN="cn=skoleni-sync,ou=Služební účty,${SUFFIX}"
SYNC_PW="sync-heslo"
SLAPD=/usr/sbin/slapd
SLAPADD=/usr/sbin/slapadd

answers() {
    ldapsearch -x -H "$URL" -D "$SYNC_DN" -w "$SYNC_PW" -b "$SUFFIX" -s base -o nettimeout=2 \
        dn >/dev/null 2>&1
}

stop() {
    if [[ -f "$DIR/slapd.pid" ]]; then
        local pid
        pid="$(cat "$DIR/slapd.pid")"
        # Only the slapd this script started (its pid file), never another process.
        if kill -0 "$pid" 2>/dev/null && grep -q slapd "/proc/$pid/cmdline" 2>/dev/null; then
            kill "$pid"
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        fi
        rm -f "$DIR/slapd.pid"
    fi
}

install_if_missing() {
    if [[ -x "$SLAPD" && -x "$SLAPADD" ]] && command -v ldapadd >/dev/null; then
        return
    fi
    echo "start-slapd: installing slapd and ldap-utils (apt-get)" >&2
    # Keep Debian's package from starting its own system slapd on port 389 meanwhile.
    local policy=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        policy=/usr/sbin/policy-rc.d
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod +x "$policy"
    fi
    local apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -q)
    "${apt[@]}" install slapd ldap-utils >/dev/null || {
        "${apt[@]}" update >/dev/null && "${apt[@]}" install slapd ldap-utils >/dev/null
    } || { [[ -n "$policy" ]] && rm -f "$policy"; echo "start-slapd: apt-get failed" >&2; exit 1; }
    [[ -n "$policy" ]] && rm -f "$policy"
    return 0
}

configure() {
    rm -rf "$DIR"
    mkdir -p "$DIR/data"
    cat >"$DIR/slapd.conf" <<EOF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include $SCHEMA
pidfile $DIR/slapd.pid
argsfile $DIR/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
# Simple paged results, as Active Directory answers (the sync pages its search).
sizelimit unlimited

database mdb
maxsize 104857600
suffix "$SUFFIX"
rootdn "$ROOT_DN"
rootpw $ROOT_PW
directory $DIR/data
index objectClass,employeeNumber eq
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
EOF
    "$SLAPADD" -q -f "$DIR/slapd.conf" -l "$LDIF"
}

start() {
    install_if_missing
    if answers; then
        echo "start-slapd: already running on $URL"
        return
    fi
    stop
    configure
    # As root, in the foreground of no one: slapd daemonises and writes its pid file.
    "$SLAPD" -h "$URL" -f "$DIR/slapd.conf"
    for _ in $(seq 100); do
        if answers; then
            echo "start-slapd: running on $URL ($DIR)"
            return
        fi
        sleep 0.1
    done
    echo "start-slapd: slapd did not answer on $URL" >&2
    exit 1
}

reload() {
    answers || start
    ldapdelete -x -H "$URL" -D "$ROOT_DN" -w "$ROOT_PW" -r "$SUFFIX" 2>/dev/null || true
    ldapadd -x -H "$URL" -D "$ROOT_DN" -w "$ROOT_PW" -f "$LDIF" >/dev/null
}

case "${1:-start}" in
    start) start ;;
    reload) reload ;;
    stop) stop ;;
    *) echo "usage: $0 [start|reload|stop]" >&2; exit 2 ;;
esac
