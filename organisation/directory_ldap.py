"""Reads people from LDAP or Active Directory with ldap3: the only module that talks to it."""

from __future__ import annotations

from dataclasses import dataclass

from ldap3 import (
    AUTO_BIND_NO_TLS,
    AUTO_BIND_TLS_BEFORE_BIND,
    NONE,
    SUBTREE,
    Connection,
    Server,
    Tls,
)
from ldap3.core.exceptions import LDAPException

# Active Directory answers at most 1,000 entries a page; smaller pages suit any server.
PAGE_SIZE = 500


class DirectoryError(Exception):
    """The directory could not be read (connection, bind, search)."""


@dataclass(frozen=True)
class ServerConfig:
    url: str
    bind_dn: str
    password: str
    base_dn: str
    search_filter: str
    start_tls: bool = False
    timeout: int = 10


def search(conn: ServerConfig, attributes: list[str]) -> list[tuple[str, dict[str, list[bytes]]]]:
    """Every entry under the base DN matching the filter, with the raw values asked for."""
    server = Server(
        # ldap3 reads "ldap://host:389/" as a port of "389/": the URL's path means nothing here.
        conn.url.rstrip("/"),
        get_info=NONE,
        connect_timeout=conn.timeout,
        tls=Tls() if conn.start_tls or conn.url.startswith("ldaps://") else None,
    )
    try:
        ldap = Connection(
            server,
            user=conn.bind_dn or None,
            password=conn.password or None,
            read_only=True,
            receive_timeout=conn.timeout,
            raise_exceptions=True,
            auto_bind=AUTO_BIND_TLS_BEFORE_BIND if conn.start_tls else AUTO_BIND_NO_TLS,
        )
    except LDAPException as exc:
        raise DirectoryError(f"{type(exc).__name__}: {exc}") from exc
    try:
        results = []
        for item in ldap.extend.standard.paged_search(
            conn.base_dn,
            conn.search_filter,
            search_scope=SUBTREE,
            attributes=attributes,
            paged_size=PAGE_SIZE,
            generator=True,
        ):
            if item.get("type") == "searchResEntry":  # not the referrals AD adds
                results.append((item["dn"], dict(item["raw_attributes"])))
        return results
    except LDAPException as exc:
        raise DirectoryError(f"{type(exc).__name__}: {exc}") from exc
    finally:
        ldap.unbind()
