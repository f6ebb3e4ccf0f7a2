"""The Linux desktop entry, MIME type and icon are well formed and agree with each other."""

import configparser
import xml.etree.ElementTree as ET

from PySide6.QtSvg import QSvgRenderer

from cjm_designer.paths import bundled

DESKTOP = bundled("resources") / "desktop"


def test_desktop_entry_opens_cjm_files():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP / "cjm-designer.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "cjm-designer %f" and section["Type"] == "Application"
    assert section["MimeType"].rstrip(";") == "application/x-cjm-designer"
    assert section["Icon"] == "cjm-designer"


def test_mime_type_globs_cjm():
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(DESKTOP / "cjm-designer-mime.xml").getroot().find("m:mime-type", ns)
    assert mime.get("type") == "application/x-cjm-designer"
    assert mime.find("m:glob", ns).get("pattern") == "*.cjm"


def test_icon_is_a_valid_svg():
    assert QSvgRenderer(str(DESKTOP / "cjm-designer.svg")).isValid()
