"""Benchmark: the directory sync of a 1,500-person office from the test OpenLDAP.

Run with `make bench` (or `.venv/bin/python bench/bench_directory.py [--n 1500]`). Starts the
test slapd with .ci/start-slapd.sh, adds N people in 10 departments of 3 sections, times the
first sync (everyone created), a second one (nothing changes) and a dry run, then puts the
test office back.
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import django_env  # noqa: E402

SCRIPT = django_env.ROOT / ".ci" / "start-slapd.sh"
URL = "ldap://127.0.0.1:3389"
SUFFIX = "dc=horni-lhota,dc=cz"
PEOPLE = f"ou=Zaměstnanci,{SUFFIX}"
ROOT_DN, ROOT_PASSWORD = f"cn=admin,{SUFFIX}", "spravce-heslo"  # the test directory's


def reload_office() -> None:
    """The test office as its LDIF has it (our own script, fixed arguments)."""
    subprocess.run(["bash", str(SCRIPT), "reload"], check=True, capture_output=True)  # noqa: S603, S607


def seed(n: int) -> None:
    from ldap3 import Connection, Server

    conn = Connection(Server(URL), ROOT_DN, ROOT_PASSWORD, auto_bind=True)
    top = f"ou=Zátěžový odbor,{PEOPLE}"
    conn.add(top, ["organizationalUnit"], {"ou": "Zátěžový odbor"})
    sections = []
    for d in range(10):
        department = f"ou=Odbor č. {d},{top}"
        conn.add(department, ["organizationalUnit"], {"ou": f"Odbor č. {d}"})
        for s in range(3):
            section = f"ou=Oddělení {s},{department}"
            conn.add(section, ["organizationalUnit"], {"ou": f"Oddělení {s}"})
            sections.append(section)
    for i in range(n):
        conn.add(
            f"cn=Jiří Kůň {i},{sections[i % len(sections)]}",
            ["inetOrgPerson", "adAccount"],
            {
                "cn": f"Jiří Kůň {i}",
                "givenName": "Jiří",
                "sn": f"Kůň {i}",
                "employeeNumber": f"9{i:05d}",
                "mail": f"jiri.kun{i}@horni-lhota.cz",
                "title": "referent",
                "userAccountControl": "512",
            },
        )
    conn.unbind()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1500)
    args = parser.parse_args()
    reload_office()
    django_env.setup()
    from django.conf import settings
    from django.db import connection

    from organisation.directory_services import directory_sync

    settings.LDAP_URL = URL
    settings.LDAP_BIND_DN = f"cn=skoleni-sync,ou=Služební účty,{SUFFIX}"
    settings.LDAP_BIND_PASSWORD = "sync-heslo"  # noqa: S105 - the test directory's
    settings.LDAP_BASE_DN = PEOPLE
    try:
        seed(args.n)
        rows = []
        for label in ("first sync (all new)", "second sync (no change)", "dry run"):
            start = time.perf_counter()
            sync = directory_sync(dry_run=label == "dry run")
            seconds = time.perf_counter() - start
            assert sync.status in ("applied", "dry_run"), (sync.status, sync.report)
            rows.append((label, sync.counts["entries"], seconds, sync.counts))
    finally:
        reload_office()
    print()
    print(f"Directory sync ({connection.vendor}, OpenLDAP, {args.n:,} + 14 people)")
    print()
    print("| run | entries | seconds | created | updated | unchanged |")
    print("|---|---|---|---|---|---|")
    for label, entries, seconds, counts in rows:
        print(
            f"| {label} | {entries:,} | {seconds:.2f} | {counts['created']} | "
            f"{counts['updated']} | {counts['unchanged']} |"
        )


if __name__ == "__main__":
    main()
