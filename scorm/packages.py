"""Reads an uploaded SCORM ZIP safely: refuses dangerous archives, parses imsmanifest.xml.

Pure: no ORM, no storage. `read_package` checks every entry before anything is unpacked
(paths that escape the package, symlinks, encrypted entries, too many or too large files,
compression-ratio bombs), then parses the manifest with defusedxml (no entities, no DTD
fetching) and lists the SCOs of the default organisation in their order. Any refusal is a
PackageError with a translated message, so the caller stores nothing.
"""

import posixpath
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import unquote, urlsplit

from defusedxml import ElementTree
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MANIFEST = "imsmanifest.xml"
# Bounds of one package; a course export of a few hundred pages with media fits easily.
MAX_FILES = 2000
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_MANIFEST_BYTES = 2 * 1024 * 1024
# Deflate reaches about 1:1000 at best; text compresses 1:10, so 1:100 on a large entry is a bomb.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024

VERSION_12 = "1.2"
VERSION_2004 = "2004"

_DRIVE = re.compile(r"^[A-Za-z]:")


class PackageError(ValueError):
    """The package is refused; str() is the message for the editor."""


@dataclass(frozen=True)
class Sco:
    identifier: str
    title: str
    launch: str  # path inside the package, with the item's parameters (query) if any
    scaled_passing_score: Decimal | None = None  # 2004: primary objective's minNormalizedMeasure
    mastery_score: Decimal | None = None  # 1.2: adlcp:masteryscore, 0-100
    launch_data: str = ""


@dataclass(frozen=True)
class Package:
    identifier: str
    title: str
    version: str  # VERSION_12 or VERSION_2004
    schema_version: str
    scos: list[Sco]
    files: dict[str, zipfile.ZipInfo] = field(repr=False)

    @property
    def total_bytes(self) -> int:
        return sum(info.file_size for info in self.files.values())


def safe_name(name: str) -> str | None:
    """The entry's path inside the package, or None when it could point outside of it."""
    if not name or "\\" in name or "\x00" in name:
        return None
    if name.startswith("/") or _DRIVE.match(name):
        return None
    parts = name.split("/")
    if ".." in parts:
        return None
    normal = posixpath.normpath(name)
    if normal.startswith(("/", "../")) or normal in ("..", "."):
        return None
    return normal


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def check_entries(archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    """The package's files by path, or PackageError for the first dangerous entry."""
    infos = archive.infolist()
    files = [i for i in infos if not i.is_dir()]
    if len(files) > MAX_FILES:
        raise PackageError(
            ngettext(
                "The package has %(count)s files; at most %(max)s file is allowed.",
                "The package has %(count)s files; at most %(max)s files are allowed.",
                MAX_FILES,
            )
            % {"count": len(files), "max": MAX_FILES}
        )
    result: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = safe_name(info.filename)
        if name is None:
            raise PackageError(
                _("The package contains the path “%(name)s”, which points outside the package.")
                % {"name": info.filename}
            )
        if _is_symlink(info):
            raise PackageError(
                _("The package contains a symbolic link (“%(name)s”); links are not allowed.")
                % {"name": info.filename}
            )
        if info.flag_bits & 0x1:
            raise PackageError(
                _("The package contains an encrypted file (“%(name)s”).") % {"name": info.filename}
            )
        if info.is_dir():
            continue
        if info.file_size > MAX_FILE_BYTES:
            raise PackageError(
                _("The file “%(name)s” is too large when unpacked (limit %(limit)s MB).")
                % {"name": info.filename, "limit": MAX_FILE_BYTES // (1024 * 1024)}
            )
        if info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise PackageError(
                _(
                    "The file “%(name)s” is compressed suspiciously well (a ZIP bomb?); "
                    "the package was refused."
                )
                % {"name": info.filename}
            )
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise PackageError(
                _("The package is too large when unpacked (limit %(limit)s MB).")
                % {"limit": MAX_TOTAL_BYTES // (1024 * 1024)}
            )
        if name in result:
            raise PackageError(
                _("The package contains the file “%(name)s” twice.") % {"name": info.filename}
            )
        result[name] = info
    return result


def read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The entry's content; refuses an entry that unpacks to more than its header claims."""
    try:
        with archive.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        # zipfile stops at the declared size itself; the CRC then tells the lie.
        raise PackageError(
            _("The file “%(name)s” in the package is damaged; the package was refused.")
            % {"name": info.filename}
        ) from e
    if len(data) > info.file_size:
        raise PackageError(
            _("The file “%(name)s” unpacks to more than it declares; the package was refused.")
            % {"name": info.filename}
        )
    return data


def open_archive(fileobj) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise PackageError(_("The file is not a ZIP archive.")) from e


def read_package(fileobj) -> Package:
    """Checks the archive and parses its manifest; PackageError says why it was refused."""
    archive = open_archive(fileobj)
    with archive:
        files = check_entries(archive)
        info = files.get(MANIFEST)
        if info is None:
            raise PackageError(
                _("The package has no imsmanifest.xml at its top level; is it a SCORM package?")
            )
        if info.file_size > MAX_MANIFEST_BYTES:
            raise PackageError(_("The imsmanifest.xml file is too large."))
        manifest = read_bounded(archive, info)
    return parse_manifest(manifest, files)


# --- The manifest ---------------------------------------------------------------------------

XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element, name: str) -> list:
    return [child for child in element if _local(child.tag) == name]


def _child(element, name: str):
    found = _children(element, name)
    return found[0] if found else None


def _text(element, name: str) -> str:
    child = _child(element, name) if element is not None else None
    return (child.text or "").strip() if child is not None else ""


def _attr(element, name: str) -> str:
    """An attribute by local name, whatever its namespace (adlcp:scormType, scormtype...)."""
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return value
    return ""


def _decimal(value: str) -> Decimal | None:
    try:
        return Decimal(value.strip()) if value and value.strip() else None
    except InvalidOperation:
        return None


def detect_version(root) -> tuple[str, str]:
    schema_version = _text(_child(root, "metadata"), "schemaversion")
    if schema_version.startswith("1.2"):
        return VERSION_12, schema_version
    if "2004" in schema_version or schema_version.startswith("CAM 1.3"):
        return VERSION_2004, schema_version
    namespaces = " ".join([root.tag, *(key for element in root.iter() for key in element.attrib)])
    if "adlcp_v1p3" in namespaces or "imsss" in namespaces:
        return VERSION_2004, schema_version
    if "adlcp_rootv1p2" in namespaces:
        return VERSION_12, schema_version
    raise PackageError(
        _(
            "The manifest does not say which SCORM version it is; SCORM 1.2 and SCORM 2004 "
            "packages are supported."
        )
    )


def _join(*parts: str) -> str:
    path = ""
    for part in parts:
        if part:
            path = posixpath.join(path, part) if path else part
    return path


def _launch(resource, resources_base: str, manifest_base: str, parameters: str) -> str:
    href = _attr(resource, "href")
    split = urlsplit(href)
    if split.scheme or split.netloc:
        raise PackageError(
            _("The SCO launches “%(href)s”, which is not a file of the package.") % {"href": href}
        )
    path = _join(manifest_base, resources_base, resource.get(XML_BASE, ""), unquote(split.path))
    query, fragment = split.query, split.fragment
    if parameters.startswith("#"):
        fragment = parameters[1:]
    elif parameters:
        parameters = parameters.lstrip("?&")
        query = f"{query}&{parameters}" if query else parameters
    return path + (f"?{query}" if query else "") + (f"#{fragment}" if fragment else "")


def _scaled_passing_score(item) -> Decimal | None:
    sequencing = _child(item, "sequencing")
    objectives = _child(sequencing, "objectives") if sequencing is not None else None
    primary = _child(objectives, "primaryObjective") if objectives is not None else None
    if primary is None or primary.get("satisfiedByMeasure", "false").lower() != "true":
        return None
    return _decimal(_text(primary, "minNormalizedMeasure"))


def parse_manifest(xml: bytes, files: dict[str, zipfile.ZipInfo]) -> Package:
    """The package's SCOs in the default organisation's order, their launch paths checked."""
    try:
        root = ElementTree.fromstring(xml)
    except Exception as e:  # defusedxml raises its own errors for entities and DTDs
        raise PackageError(_("The imsmanifest.xml file is not valid XML.")) from e
    if _local(root.tag) != "manifest":
        raise PackageError(_("The imsmanifest.xml file is not a SCORM manifest."))
    version, schema_version = detect_version(root)
    manifest_base = root.get(XML_BASE, "")
    resources_element = _child(root, "resources")
    resources = {}
    resources_base = ""
    if resources_element is not None:
        resources_base = resources_element.get(XML_BASE, "")
        resources = {r.get("identifier"): r for r in _children(resources_element, "resource")}

    organizations = _child(root, "organizations")
    orgs = _children(organizations, "organization") if organizations is not None else []
    default = organizations.get("default") if organizations is not None else None
    organization = next((o for o in orgs if o.get("identifier") == default), None)
    if organization is None and orgs:
        organization = orgs[0]

    scos: list[Sco] = []

    def walk(element):
        for item in _children(element, "item"):
            ref = item.get("identifierref")
            resource = resources.get(ref) if ref else None
            if resource is not None and _attr(resource, "scormType").lower() == "sco":
                launch = _launch(
                    resource, resources_base, manifest_base, item.get("parameters", "")
                )
                if re.split(r"[?#]", launch, maxsplit=1)[0] not in files:
                    raise PackageError(
                        _("The SCO “%(title)s” launches “%(href)s”, which is not in the package.")
                        % {"title": _text(item, "title"), "href": launch}
                    )
                scos.append(
                    Sco(
                        identifier=item.get("identifier", ""),
                        title=_text(item, "title") or item.get("identifier", ""),
                        launch=launch,
                        scaled_passing_score=_scaled_passing_score(item),
                        mastery_score=_decimal(_text(item, "masteryscore")),
                        launch_data=_text(item, "dataFromLMS") or _text(item, "datafromlms"),
                    )
                )
            walk(item)

    if organization is not None:
        walk(organization)
    if not scos:
        raise PackageError(_("The package contains no SCO (no lesson that talks to the LMS)."))
    return Package(
        identifier=root.get("identifier", ""),
        title=_text(organization, "title") if organization is not None else "",
        version=version,
        schema_version=schema_version,
        scos=scos,
        files=files,
    )
