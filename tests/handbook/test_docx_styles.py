"""The Word writer's style shortcut (issue 20): paragraph style ids looked up once per document give the same
bytes as python-docx's own ``add_paragraph(text, style=name)``, which resolves the style on every paragraph."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.shared import RGBColor

from draaiboek_handbook.docx_render import StyleIds
from tests.handbook.books import cli


def reference_paragraph(self: StyleIds, name: str, text: str = "") -> Any:
    """python-docx's own way: the style resolved by name for this paragraph."""
    return self.document.add_paragraph(text, style=name)


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:  # core.xml holds the time of writing
        return {name: archive.read(name) for name in archive.namelist() if name != "docProps/core.xml"}


def house_style(path: Path) -> None:
    """A template whose default paragraph style is not 'Normal', with a recoloured heading."""
    document = docx.Document()
    document.styles["Heading 2"].font.color.rgb = RGBColor(0x10, 0x40, 0x80)
    styles = document.styles.element
    for style in styles.findall(docx.oxml.ns.qn("w:style")):
        if style.get(docx.oxml.ns.qn("w:default")) == "1" and style.get(docx.oxml.ns.qn("w:type")) == "paragraph":
            style.set(docx.oxml.ns.qn("w:default"), "0")
    styles.find(f"{docx.oxml.ns.qn('w:style')}[@{docx.oxml.ns.qn('w:styleId')}='ListBullet']").set(
        docx.oxml.ns.qn("w:default"), "1")
    document.save(str(path))


@pytest.mark.parametrize("with_template", [False, True])
def test_style_ids_once_give_python_docx_bytes(with_template: bool, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    extra: list[str] = []
    if with_template:
        house_style(tmp_path / "huisstijl.docx")
        extra = ["--template", str(tmp_path / "huisstijl.docx")]
    fast, slow = tmp_path / "fast.docx", tmp_path / "slow.docx"
    cli("export", "handbook", "het-gesprek", "-o", str(fast), *extra)
    with monkeypatch.context() as patch:
        patch.setattr(StyleIds, "paragraph", reference_paragraph)
        cli("export", "handbook", "het-gesprek", "-o", str(slow), *extra)
    ours, theirs = members(fast), members(slow)
    assert ours.keys() == theirs.keys()
    assert [name for name in ours if ours[name] != theirs[name]] == []
    body = ours["word/document.xml"]
    assert b'w:val="Heading1"' in body  # styles were really set; the default style is left implicit:
    if with_template:  # the template's default is 'List Bullet', so 'Normal' is written and bullets are not
        assert b'w:val="Normal"' in body and b'w:val="ListBullet"' not in body
    else:
        assert b'w:val="Normal"' not in body and b'w:val="ListBullet"' in body
