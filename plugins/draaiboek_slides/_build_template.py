"""Maintainer script: regenerate the bundled ``default.pptx`` from python-pptx's own default template.

Run ``python -m draaiboek_slides._build_template`` after changing it; never imported by the plugin.
The result is a 16:9 template in Arial (Liberation Sans on Linux) with a dark teal title and section
style, small body text for training content, and the standard layout types and names.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as Deck
from pptx.util import Emu, Inches

from draaiboek_slides.package import deterministic

TEAL, ORANGE, INK, WHITE = "0F4C5C", "E36414", "2B2B2B", "FFFFFF"
OLD_WIDTH, WIDTH, HEIGHT = Inches(10), Inches(13.333), Inches(7.5)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def must_find(parent: etree._Element | None, path: str) -> etree._Element:
    """The element at ``path`` below ``parent``; python-pptx's default template always has it."""
    found = parent.find(path) if parent is not None else None
    if found is None:
        raise LookupError(f"the default template has no {path}")
    return found


def fill(colour: str) -> str:
    return f'<a:solidFill xmlns:a="{A}"><a:srgbClr val="{colour}"/></a:solidFill>'


def set_colour(def_rpr: etree._Element, colour: str) -> None:
    for old in def_rpr.findall(qn("a:solidFill")):
        def_rpr.remove(old)
    def_rpr.insert(0, etree.fromstring(fill(colour)))


def restyle_theme(prs: Deck) -> None:
    theme = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(theme.blob)
    for font in root.iter(qn("a:latin")):
        font.set("typeface", "Arial")
    scheme = must_find(root, f".//{qn('a:clrScheme')}")
    for name, colour in (("dk2", TEAL), ("accent1", TEAL), ("accent2", ORANGE), ("hlink", TEAL)):
        slot = must_find(scheme, qn(f"a:{name}"))
        for child in list(slot):
            slot.remove(child)
        etree.SubElement(slot, qn("a:srgbClr"), {"val": colour})
    theme._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def restyle_master(prs: Deck) -> None:
    master = prs.slide_master._element
    styles = must_find(master, qn("p:txStyles"))
    title = must_find(styles, f"{qn('p:titleStyle')}/{qn('a:lvl1pPr')}")
    title.set("algn", "l")
    rpr = must_find(title, qn("a:defRPr"))
    rpr.set("sz", "3200")
    rpr.set("b", "1")
    set_colour(rpr, TEAL)
    for level, size in zip(range(1, 10), (2400, 2000, 1800, 1800, 1800, 1800, 1800, 1800, 1800), strict=True):
        ppr = must_find(styles, f"{qn('p:bodyStyle')}/{qn(f'a:lvl{level}pPr')}")
        must_find(ppr, qn("a:defRPr")).set("sz", str(size))
        set_colour(must_find(ppr, qn("a:defRPr")), INK)
    # Placeholders on the master: title band at the top, body below it.
    boxes = {"title": (0.6, 0.35, 12.1, 1.0), "body": (0.6, 1.55, 12.1, 5.3)}
    for sp in master.iter(qn("p:sp")):
        ph = sp.find(f".//{qn('p:ph')}")
        kind = ph.get("type", "body") if ph is not None else None
        if kind in boxes:
            place(sp, *boxes[kind])
        elif kind in ("dt", "ftr", "sldNum"):
            scale_x(sp)
            off = sp.find(f".//{qn('a:off')}")
            off.set("y", str(int(Inches(7.0))))
    for autofit in list(master.iter(qn("a:normAutofit"))):  # LibreOffice shrinks such text even when it fits
        autofit.getparent().remove(autofit)
    tree = master.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    tree.append(etree.fromstring(bar("Accent bar", 2, 0, 0, 0.12, 7.5, TEAL)))
    tree.append(etree.fromstring(bar("Title rule", 3, 0.6, 1.38, 1.2, 0.05, ORANGE)))


def bar(name: str, ident: int, x: float, y: float, w: float, h: float, colour: str) -> str:
    return (f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="{A}">'
            f'<p:nvSpPr><p:cNvPr id="{100 + ident}" name="{name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
            f'<p:spPr><a:xfrm><a:off x="{int(Inches(x))}" y="{int(Inches(y))}"/>'
            f'<a:ext cx="{int(Inches(w))}" cy="{int(Inches(h))}"/></a:xfrm>'
            f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill(colour)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def place(sp: etree._Element, x: float, y: float, w: float, h: float) -> None:
    sppr = must_find(sp, qn("p:spPr"))
    for old in sppr.findall(qn("a:xfrm")):
        sppr.remove(old)
    sppr.insert(0, etree.fromstring(
        f'<a:xfrm xmlns:a="{A}"><a:off x="{int(Inches(x))}" y="{int(Inches(y))}"/>'
        f'<a:ext cx="{int(Inches(w))}" cy="{int(Inches(h))}"/></a:xfrm>'))


def scale_x(sp: etree._Element) -> None:
    for off in sp.iter(qn("a:off")):
        off.set("x", str(int(int(off.get("x", "0")) * WIDTH / OLD_WIDTH)))
    for ext in sp.iter(qn("a:ext")):
        if (cx := ext.get("cx")) is not None:
            ext.set("cx", str(int(int(cx) * WIDTH / OLD_WIDTH)))


def dark(layout: etree._Element, title_size: int, boxes: dict[str, tuple[float, float, float, float]]) -> None:
    """A dark teal background with white text (title and section slides)."""
    csld = must_find(layout, qn("p:cSld"))
    csld.insert(0, etree.fromstring(
        f'<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" xmlns:a="{A}">'
        f'<p:bgPr>{fill(TEAL)}<a:effectLst/></p:bgPr></p:bg>'))
    for sp in layout.iter(qn("p:sp")):
        ph = sp.find(f".//{qn('p:ph')}")
        kind = ph.get("type", "body") if ph is not None else None
        if kind not in boxes:
            continue
        place(sp, *boxes[kind])
        size, bold, colour = (title_size, "1", WHITE) if kind in ("title", "ctrTitle") else (2000, "0", "D8E6E8")
        body = must_find(sp, qn("p:txBody"))
        old = body.find(qn("a:lstStyle"))
        new = etree.fromstring(
            f'<a:lstStyle xmlns:a="{A}"><a:lvl1pPr marL="0" indent="0" algn="l"><a:buNone/>'
            f'<a:defRPr sz="{size}" b="{bold}">{fill(colour)}</a:defRPr></a:lvl1pPr></a:lstStyle>')
        body.replace(old, new) if old is not None else body.insert(1, new)
    layout.set("showMasterSp", "0")


def restyle_layouts(prs: Deck) -> None:
    for layout in prs.slide_layouts:
        element = layout._element
        kind = element.get("type")
        for sp in element.iter(qn("p:sp")):
            scale_x(sp)
            for rpr in sp.iter(qn("a:defRPr")):  # one body size everywhere: the master's
                if "sz" in rpr.attrib:
                    del rpr.attrib["sz"]
        if kind == "title":
            dark(element, 4000, {"ctrTitle": (0.9, 2.2, 11.5, 1.6), "subTitle": (0.9, 3.95, 11.5, 1.8)})
        elif kind == "secHead":
            dark(element, 3600, {"title": (0.9, 2.5, 11.5, 1.4), "body": (0.9, 4.0, 11.5, 1.4)})
        elif kind == "twoObj":
            columns = [s for s in element.iter(qn("p:sp")) if must_find(s, f".//{qn('p:ph')}").get("idx") in ("1", "2")]
            for sp, x in zip(columns, (0.6, 6.85), strict=False):  # a layout may have fewer than two columns
                place(sp, x, 1.55, 5.85, 5.3)


def main() -> None:
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    restyle_theme(prs)
    restyle_master(prs)
    restyle_layouts(prs)
    target = Path(__file__).with_name("default.pptx")
    prs.core_properties.title = "draaiboek"
    import io

    buffer = io.BytesIO()
    prs.save(buffer)
    target.write_bytes(deterministic(buffer.getvalue()))
    print(f"wrote {target} ({Emu(WIDTH).inches:.2f} x {Emu(HEIGHT).inches:.2f} in)")


if __name__ == "__main__":
    main()
