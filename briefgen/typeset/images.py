"""Images a document embeds, read and checked once, before any writer sees them: a style's
logo and the images a template shows (``![Office logo](logo.png)``).

``read_image`` checks a file with Pillow (which reportlab draws images with): a PNG or JPEG,
under a size limit, of sane pixel size, decoding whole.  A template's image is a file in
the template folder (the user's ``--template`` folder, else the shipped one), named
relative to it.  Nothing else is read: a URL would make
typesetting depend on the network (and tell a server each time a brief is made), a path
leading out of the folder would let a template someone shares pick a file of yours to put
in the brief, and a file over ``MAX_IMAGE_BYTES`` is no logo.  Each refusal is one
``InputError`` naming the image and the reason."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from ..errors import InputError
from ..yamlsafe import MB, read_limited

if TYPE_CHECKING:
    from .blocks import Block

# A logo or letterhead is tens of kilobytes; a photo straight off a camera is a few MB.
# The image is embedded in every DOCX, PDF, HTML and email made, so more is a mistake.
MAX_IMAGE_BYTES = 5 * MB
# Pillow's name of each format → its MIME type: the two every Word, PDF viewer and mail
# client shows.
IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
# A logo printed 60 mm wide at 600 dpi is about 1,400 pixels.  Decoding is what costs: a
# PNG under the byte limit can unpack to gigabytes, so its pixel size is checked first.
MAX_SIDE_PX = 4000
POINTS_PER_INCH = 72
DEFAULT_DPI = 72  # what an image that states no resolution is taken to have, as Word does
_SCHEME = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]*:|//)")  # "https:", "data:", "file:", "//host"


@dataclass(frozen=True)
class Picture:
    """A loaded image: its bytes, MIME type, name (the file's) and natural size in points."""

    data: bytes
    mime: str
    name: str
    width_pt: float
    height_pt: float

    def size_mm(self, height: float, max_width: float) -> tuple[float, float]:
        """(width, height) in mm to show it at: ``height`` tall, or less so that it is at
        most ``max_width`` wide, keeping its proportions (a logo in a header)."""
        width = height * self.width_pt / self.height_pt
        if width > max_width:
            width, height = max_width, max_width * self.height_pt / self.width_pt
        return width, height

    def fitted(self, max_width_pt: float) -> tuple[float, float]:
        """(width, height) in points: the natural size, scaled down to ``max_width_pt``."""
        scale = min(1.0, max_width_pt / self.width_pt) if self.width_pt > 0 else 1.0
        return self.width_pt * scale, self.height_pt * scale


def load_images(blocks: list[Block], folder: Path) -> None:
    """Give every image run of ``blocks`` its ``picture``, read from ``folder`` (the template
    folder its path is relative to); the same file is read once."""
    from .blocks import all_runs  # here: the style reads images, and needs no Markdown parser

    loaded: dict[str, Picture] = {}
    for run in all_runs(blocks):
        if run.image is None:
            continue
        if run.image not in loaded:
            loaded[run.image] = load_picture(run.image, folder)
        run.picture = loaded[run.image]


def load_picture(src: str, folder: Path) -> Picture:
    """The image ``src`` (as the template wrote it, relative to ``folder``), checked: a PNG or
    JPEG file inside ``folder``, at most ``MAX_IMAGE_BYTES``.  Raises ``InputError``."""
    if not src.strip():
        raise InputError("template image: an image with no file name")
    if _SCHEME.match(src):
        raise InputError(
            f"template image {src}: only a file in the template folder is read, not a URL"
        )
    base = folder.resolve()
    path = (base / unquote(src)).resolve()  # the parser %-encodes ("my logo.png" → my%20logo)
    if not path.is_relative_to(base):
        raise InputError(f"template image {src}: outside the template folder {folder}")
    return read_image(path, f"template image {path}", MAX_IMAGE_BYTES)


def read_image(path: Path, where: str, max_bytes: int) -> Picture:
    """The image file at ``path`` read and checked: a PNG or JPEG of at most ``max_bytes``
    and ``MAX_SIDE_PX`` a side that decodes whole (a truncated file fails here, not in a
    writer).  Anything else is one ``InputError`` beginning ``where``, giving the reason."""
    from PIL import Image, UnidentifiedImageError

    if not path.is_file():
        raise InputError(f"{where}: no such file")
    data = read_limited(path, where, max_bytes)
    try:
        with Image.open(io.BytesIO(data)) as image:  # reads the header only
            mime = IMAGE_TYPES.get(image.format or "")
            if mime is None:
                raise InputError(f"{where}: a {image.format} image, not a PNG or JPEG image")
            width, height = image.size
            if max(width, height) > MAX_SIDE_PX or min(width, height) < 1:
                raise InputError(
                    f"{where}: {width}×{height} pixels; an image may be at most "
                    f"{MAX_SIDE_PX} pixels a side"
                )
            # whole dots per inch, as Word reads them (a PNG stores dots per metre: 71.9998)
            dpi_x, dpi_y = (round(d) or DEFAULT_DPI for d in image.info.get("dpi", (0, 0)))
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        reason = "not a PNG or JPEG image" if isinstance(exc, UnidentifiedImageError) else exc
        raise InputError(f"{where}: {reason}") from None
    return Picture(
        data=data,
        mime=mime,
        name=path.name,
        width_pt=width * POINTS_PER_INCH / dpi_x,
        height_pt=height * POINTS_PER_INCH / dpi_y,
    )
