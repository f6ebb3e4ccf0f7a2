"""A persona's photo decoded safely: the file's bytes only passed a signature check when the map was
read, so they may be damaged, or a few kilobytes claiming gigapixels. The map's title and the Personas
dock both decode through here."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QSize
from PySide6.QtGui import QImage, QImageReader

from ..model import Photo
from ..model.elements import MAX_PHOTO_PIXELS


def read_image(device, side: float | None = None) -> QImage:
    """The image `device` (a file name or an open device) holds, its shorter side at most `side` pixels
    when given (never enlarged); a null image when it is none, is damaged, or claims more than
    MAX_PHOTO_PIXELS (its size is read from the header before anything is decoded, and a large image is
    decoded at the smaller size)."""
    reader = QImageReader(device)
    size = reader.size()
    if not size.isValid() or size.width() * size.height() > MAX_PHOTO_PIXELS:
        return QImage()
    shorter = min(size.width(), size.height())
    if side is not None and shorter > side:
        scale = side / shorter
        reader.setScaledSize(QSize(max(1, round(size.width() * scale)), max(1, round(size.height() * scale))))
    return reader.read()


def decoded_photo(photo: Photo, side: float | None = None) -> QImage | None:
    """The photo, its shorter side about `side` pixels when given; None when it cannot be shown."""
    buffer = QBuffer()
    buffer.setData(QByteArray(photo.image_bytes()))
    image = read_image(buffer, side)
    return None if image.isNull() else image
