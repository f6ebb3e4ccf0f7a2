"""The map as one interactive web page that works offline: a client opens it from an e-mail attachment
and sees the facilitator's map as the window shows it, clicks a card for its details, colours the map
by a heat-map measure, shows only one channel's cards, reads the funnel and the personas.

The page is self-contained and asks the network for nothing: the drawing is the SVG export inlined
(text as outlines, so no font is loaded), the script and style are inlined from resources/html_page/,
and a Content Security Policy allows only them (the script by its hash) and data: images. The map's
own text reaches the page only as the SVG's escaped text and as one JSON data block (html_data.py),
which the script reads with JSON.parse and shows with textContent.

A large map's drawing is deflated into the page and inflated by the browser (DecompressionStream):
the SVG of 5,000 cards is some 55 MB as text and about a tenth of that packed.
"""

from __future__ import annotations

import base64
import hashlib
import re
import zlib
from collections.abc import Callable
from datetime import date
from html import escape

from .. import __version__
from ..model import JourneyMap
from ..model.captions import caption, map_language
from ..model.plain import visible_bidi
from ..paths import bundled
from .html_data import json_for_script, page_data
from .image import Drawn, draw_svg

Progress = Callable[[int, int], bool]

INLINE_SVG_BYTES = 4 * 2**20  # a drawing up to this size is inlined as it is, a larger one deflated
_PROLOG = re.compile(rb"^\s*<\?xml[^>]*\?>\s*")
_EMPTY_GROUP = re.compile(rb"<g\b[^>]*>\s*</g>\s*")  # QSvgGenerator writes one at each change of pen or brush
_SLOT = re.compile(r"@@(\w+)@@")
_NAMESPACE = re.compile(rb'\sxmlns(:\w+)?="[^"]*"')


def to_html(doc: JourneyMap, *, progress: Progress | None = None, exported: date | None = None,
            inline_limit: int = INLINE_SVG_BYTES) -> tuple[bytes, Drawn]:
    """The page of `doc` (without the map file, which map_export adds) and what was drawn: the drawing
    inlined, deflated when larger than `inline_limit` bytes, the cards' hit areas from the same layout;
    `exported` is the date the page shows (today by default)."""
    svg, drawn = draw_svg(doc, progress=progress)
    drawing = _EMPTY_GROUP.sub(b"", _PROLOG.sub(b"", svg))
    data = page_data(doc, drawn.layout, (exported or date.today()).isoformat(), __version__)
    folder = bundled("resources") / "html_page"
    script = (folder / "page.js").read_text("utf-8")
    if len(drawing) <= inline_limit:
        shown = _without_namespaces(drawing).decode("utf-8")
    else:
        packed = base64.b64encode(zlib.compress(drawing, 6)).decode("ascii")
        shown = f'<script type="application/octet-stream" id="map-packed" data-encoding="deflate base64">{packed}' \
                f"</script>"
    language = map_language(doc)
    title = visible_bidi(doc.meta.title) or caption("untitled", language)
    slots = {
        "language": language,
        "title": escape(title),
        "csp": _policy(script),
        "style": (folder / "page.css").read_text("utf-8"),
        "script": script,
        "data": json_for_script(data),
        "drawing": shown,
    }
    page = _SLOT.sub(lambda found: slots[found[1]], (folder / "page.html").read_text("utf-8"))
    return page.encode("utf-8"), drawn


def _without_namespaces(svg: bytes) -> bytes:
    """The root's namespace declarations left out: an HTML parser knows the SVG and XLink namespaces,
    and the page then names no web address at all."""
    end = svg.index(b">")
    return _NAMESPACE.sub(b"", svg[:end]) + svg[end:]


def _policy(script: str) -> str:
    """Nothing from anywhere: the inline style, this one script by its hash, images only as data: URIs."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'; img-src data:; "
            "base-uri 'none'; form-action 'none'")
