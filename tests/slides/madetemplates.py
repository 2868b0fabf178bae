"""Templates the tests build themselves: one saved by LibreOffice Impress, one with large two-line titles."""

from __future__ import annotations

from pathlib import Path

from draaiboek_slides.render import default_template
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Pt

from tests.support import soffice_convert


def libreoffice_saved(folder: Path) -> Path:
    """The bundled template opened and saved again by LibreOffice Impress: its layout placeholders lose ``idx``."""
    return soffice_convert(default_template(), "pptx", folder / "impress")


def large_titles(folder: Path) -> Path:
    """Titles at 54 pt in a box that holds one such line: long titles need two lines at a smaller size."""
    prs = Presentation(str(default_template()))
    style = prs.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    style.set("sz", "5400")
    for layout in [*prs.slide_layouts, prs.slide_master]:
        for ph in layout.placeholders:
            if int(ph.placeholder_format.type) == 1:
                left, top, width = ph.left, ph.top, ph.width  # inherited: python-pptx writes all four at once
                ph.left, ph.top, ph.width, ph.height = left, top, width, Pt(86)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "grote-titels.pptx"
    prs.save(str(target))
    return target
