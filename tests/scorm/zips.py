"""Small SCORM packages built in the tests: valid 1.2 and 2004 ones, and malicious archives."""

import io
import stat
import zipfile

MANIFEST_12 = """<?xml version="1.0"?>
<manifest identifier="test.12" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>Hesla a jejich správa</title>
      <item identifier="i1" identifierref="r1"><title>Úvod</title>
        <adlcp:masteryscore>80</adlcp:masteryscore></item>
      <item identifier="i2" identifierref="r2"><title>Správce hesel</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="r1" type="webcontent" adlcp:scormtype="sco" href="uvod.html"/>
    <resource identifier="r2" type="webcontent" adlcp:scormtype="sco" href="spravce.html"/>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0"?>
<manifest identifier="test.2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org2">
    <organization identifier="org1"><title>Jiná</title>
      <item identifier="x" identifierref="r3"><title>Nepoužitá</title></item></organization>
    <organization identifier="org2"><title>Phishing v praxi</title>
      <item identifier="m1"><title>Modul 1</title>
        <item identifier="a" identifierref="r2" parameters="?part=1"><title>Poznejte podvod</title>
          <imsss:sequencing><imsss:objectives>
            <imsss:primaryObjective objectiveID="p" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>0.75</imsss:minNormalizedMeasure>
            </imsss:primaryObjective></imsss:objectives></imsss:sequencing>
        </item>
        <item identifier="b" identifierref="asset"><title>Obrázek</title></item>
      </item>
      <item identifier="c" identifierref="r1"><title>Test</title></item>
    </organization>
  </organizations>
  <resources xml:base="content/">
    <resource identifier="r1" type="webcontent" adlcp:scormType="sco" href="test.html"/>
    <resource identifier="r2" type="webcontent" adlcp:scormType="sco" xml:base="m1/" href="a.html"/>
    <resource identifier="r3" type="webcontent" adlcp:scormType="sco" href="test.html"/>
    <resource identifier="asset" type="webcontent" adlcp:scormType="asset" href="img.png"/>
  </resources>
</manifest>
"""

SCO_HTML = "<!doctype html><title>SCO</title><p>Lekce</p>"


def build(entries: dict[str, bytes | str], *, compression=zipfile.ZIP_DEFLATED) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def package_12() -> io.BytesIO:
    return build({"imsmanifest.xml": MANIFEST_12, "uvod.html": SCO_HTML, "spravce.html": SCO_HTML})


def package_2004() -> io.BytesIO:
    return build(
        {
            "imsmanifest.xml": MANIFEST_2004,
            "content/test.html": SCO_HTML,
            "content/m1/a.html": SCO_HTML,
            "content/img.png": b"\x89PNG",
        }
    )


def with_entry(name: str, data: bytes = b"x", *, symlink: bool = False) -> io.BytesIO:
    """A valid 1.2 package plus one extra entry (written raw, so any name is possible)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST_12)
        archive.writestr("uvod.html", SCO_HTML)
        archive.writestr("spravce.html", SCO_HTML)
        info = zipfile.ZipInfo(name)
        if symlink:
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, data)
    buffer.seek(0)
    return buffer
