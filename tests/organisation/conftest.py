"""A real OpenLDAP for the directory-sync tests (marker `ldap`), loaded with the Czech office.

The tests never skip: when slapd does not answer on 127.0.0.1:3389 the session starts it with
the same script CI uses (.ci/start-slapd.sh, which installs Debian's slapd when missing), and
fails if that does not work. Each test gets the office as the LDIF has it.
"""

import subprocess
from pathlib import Path

import pytest
from ldap3 import Connection, Server
from ldap3.core.exceptions import LDAPException

SCRIPT = Path(__file__).resolve().parents[2] / ".ci" / "start-slapd.sh"
URL = "ldap://127.0.0.1:3389"
SUFFIX = "dc=horni-lhota,dc=cz"
PEOPLE = f"ou=Zaměstnanci,{SUFFIX}"
SYNC_DN = f"cn=skoleni-sync,ou=Služební účty,{SUFFIX}"
SYNC_PASSWORD = "sync-heslo"  # the test directory's, as in office.ldif
ROOT_DN = f"cn=admin,{SUFFIX}"
ROOT_PASSWORD = "spravce-heslo"  # the test directory's, as in .ci/start-slapd.sh


def _answers() -> bool:
    try:
        conn = Connection(Server(URL, connect_timeout=2), SYNC_DN, SYNC_PASSWORD, auto_bind=True)
    except LDAPException:
        return False
    conn.unbind()
    return True


def _script(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=900, check=False
    )


@pytest.fixture(scope="session")
def slapd():
    if not _answers():
        result = _script("start")
        if result.returncode != 0 or not _answers():
            pytest.fail(
                f"slapd is not reachable on {URL} and {SCRIPT.name} could not start it:\n"
                f"{result.stdout}{result.stderr}",
                pytrace=False,
            )
    return URL


class Office:
    """The test directory, written as its administrator would (rename, disable, delete)."""

    people = PEOPLE

    def __init__(self):
        self.conn = Connection(Server(URL), ROOT_DN, ROOT_PASSWORD, auto_bind=True)

    def dn(self, name: str, *ous: str) -> str:
        return ",".join([f"cn={name}", *(f"ou={ou}" for ou in ous), PEOPLE])

    def ou(self, *ous: str) -> str:
        return ",".join([*(f"ou={ou}" for ou in ous), PEOPLE])

    def check(self) -> None:
        assert self.conn.result["result"] == 0, self.conn.result

    def modify(self, dn: str, **values) -> None:
        from ldap3 import MODIFY_REPLACE

        self.conn.modify(dn, {k: [(MODIFY_REPLACE, [v])] for k, v in values.items()})
        self.check()

    def move(self, dn: str, new_parent: str) -> None:
        self.conn.modify_dn(dn, dn.split(",", 1)[0], new_superior=new_parent)
        self.check()

    def add_person(self, name: str, parent: str, **attributes) -> str:
        dn = f"cn={name},{parent}"
        given, _sep, surname = name.partition(" ")
        values = {"cn": name, "givenName": given, "sn": surname, "userAccountControl": "512"}
        values.update(attributes)
        self.conn.add(dn, ["inetOrgPerson", "adAccount"], {k: v for k, v in values.items() if v})
        self.check()
        return dn

    def delete_people_under(self, base: str) -> list[str]:
        self.conn.search(base, "(employeeNumber=*)", attributes=["employeeNumber"])
        numbers = sorted(str(e.employeeNumber) for e in self.conn.entries)
        for entry in sorted(self.conn.entries, key=lambda e: -len(e.entry_dn)):
            self.conn.delete(entry.entry_dn)
            self.check()
        return numbers


@pytest.fixture
def office(slapd, settings):
    result = _script("reload")
    assert result.returncode == 0, result.stderr
    settings.LDAP_URL = slapd + "/"  # as an environment would often write it
    settings.LDAP_BIND_DN = SYNC_DN
    settings.LDAP_BIND_PASSWORD = SYNC_PASSWORD
    settings.LDAP_BASE_DN = PEOPLE
    settings.LDAP_ATTRIBUTE_MAP = {}
    settings.LDAP_DISABLED_ATTRIBUTE = "userAccountControl"
    settings.LDAP_DISABLED_VALUES = []
    settings.LDAP_WORKPLACE_ROOT = ""
    settings.DIRECTORY_SYNC_MAX_DEACTIVATE_PERCENT = 10.0
    office = Office()
    yield office
    office.conn.unbind()
