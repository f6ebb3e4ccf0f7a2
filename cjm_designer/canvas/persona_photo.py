"""A persona's photo decoded for the map's title, safely: the file's bytes only passed a signature
check when the map was read, so they may be damaged, or a few kilobytes claiming gigapixels."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QImage, QImageReader

from ..model import Photo
from ..model.elements import MAX_PHOTO_PIXELS


def decoded_photo(photo: Photo, side: float) -> QImage | None:
    """The photo with its shorter side about `side` pixels (never enlarged); None when it cannot be
    shown: not an image, damaged, or larger than MAX_PHOTO_PIXELS (its size is read from the header
    before anything is decoded, and a large photo is decoded at the smaller size)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(photo.image_bytes()))
    reader = QImageReader(buffer)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PHOTO_PIXELS:
        return None
    shorter = min(size.width(), size.height())
    if shorter > side:
        scale = side / shorter
        reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
    image = reader.read()
    return None if image.isNull() else image
