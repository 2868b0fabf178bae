"""The .pptx package: byte-stable zip entries, and templates read with caps and cleaned of active content
(python-pptx only inside ``fast_partnames``)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from typing import Any

from draaiboek.errors import InputFileError

#: Document dates written into every deck, so the same input gives the same bytes.
FIXED_TIME = datetime(2000, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def stable_zip(parts: dict[str, bytes]) -> bytes:
    """A zip of ``parts`` (in the given order) with fixed entry times and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            archive.writestr(info, data)
    return out.getvalue()


def deterministic(data: bytes) -> bytes:
    """Rewrite a zip archive with fixed entry times."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return stable_zip({info.filename: archive.read(info) for info in archive.infolist()})


# --- templates from organisations: read with caps, cleaned of active content before python-pptx sees them ----

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
MAX_TEMPLATE_UNPACKED = 150 * 1024 * 1024
MAX_TEMPLATE_ENTRIES = 5000
#: The longest text python-pptx accepts for a core property (title, subject, author).
MAX_CORE_TEXT = 255
LINK_SCHEMES = ("http:", "https:", "mailto:")
PRESENTATION = (b"presentationml.presentation.main+xml", b"presentationml.template.main+xml")
MACROS = (b"macroEnabled", b"vbaProject", b"activeX")
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
PLACEHOLDER_TYPES = {"title", "body", "ctrTitle", "subTitle", "dt", "sldNum", "ftr", "hdr", "obj", "chart", "tbl",
                     "clipArt", "dgm", "media", "sldImg", "pic"}
#: Elements whose link to an external target can simply be cut; any other element pointing outside is removed.
CUT_LINK = {"blip", "hlinkClick", "hlinkHover", "hlinkMouseOver"}
_LAYOUT_PART = re.compile(r"ppt/(slideLayouts|slideMasters|notesMasters)/[^/]+\.xml")


def read_template(data: bytes, source: str) -> dict[str, bytes]:
    """The parts of a template, refused when too large, macro-enabled or not a presentation; external links
    and DOCTYPE entities are dropped, placeholders PowerPoint does not define are refused."""
    if len(data) > MAX_TEMPLATE_BYTES:
        raise InputFileError(f"template {source} is too large ({len(data) // 1048576} MB; "
                            f"the limit is {MAX_TEMPLATE_BYTES // 1048576} MB)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            unpacked = sum(info.file_size for info in infos)
            if len(infos) > MAX_TEMPLATE_ENTRIES or unpacked > MAX_TEMPLATE_UNPACKED:
                raise InputFileError(f"template {source} is too large when unpacked ({len(infos)} entries, "
                                    f"{unpacked // 1048576} MB; the limit is {MAX_TEMPLATE_UNPACKED // 1048576} MB)")
            # ZipExtFile stops at the declared size, so the sum above bounds what is read
            parts = {info.filename: archive.read(info) for info in infos if not info.is_dir()}
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError):
        raise InputFileError(f"template {source} is not a .pptx or .potx file (not a readable zip archive)") from None
    types = parts.get("[Content_Types].xml", b"")
    if any(marker in types for marker in MACROS) or any(name.lower().endswith("vbaproject.bin") for name in parts):
        raise InputFileError(f"template {source} contains macros or ActiveX controls; save it as a .pptx or .potx "
                            "without macros")
    if not any(kind in types for kind in PRESENTATION):
        kind = " (a Word document)" if b"wordprocessingml" in types else (
            " (an Excel workbook)" if b"spreadsheetml" in types else "")
        raise InputFileError(f"template {source} is not a PowerPoint presentation or template{kind}; "
                            "give a .pptx or .potx file")
    try:
        _clean(parts, source)
    except InputFileError:
        raise
    except Exception as exc:  # lxml on damaged XML: python-pptx would fail on it too
        raise InputFileError(f"template {source} has a damaged part ({type(exc).__name__})") from None
    return parts


def _clean(parts: dict[str, bytes], source: str) -> None:
    for name in list(parts):
        if name.endswith((".xml", ".rels")) and b"<!DOCTYPE" in parts[name]:
            parts[name] = _without_entities(parts[name])
    for name in [n for n in parts if n.endswith(".rels")]:
        _drop_external(parts, name)
    for name in parts:
        if _LAYOUT_PART.fullmatch(name):
            _check_placeholders(parts[name], name, source)


def _parse(data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False)
    return etree.fromstring(data, parser)


def _serialise(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _without_entities(data: bytes) -> bytes:
    """The part without its DOCTYPE and without the entity references it would leave unresolved."""
    from lxml import etree

    root = _parse(data)
    for entity in list(root.iter(etree.Entity)):
        parent = entity.getparent()
        previous = entity.getprevious()
        if entity.tail:  # keep the text after the reference
            if previous is not None:
                previous.tail = (previous.tail or "") + entity.tail
            else:
                parent.text = (parent.text or "") + entity.tail
        parent.remove(entity)
    return _serialise(root)


def _drop_external(parts: dict[str, bytes], rels_name: str) -> None:
    """Relationships to outside the package (linked images on a web server or UNC share, smb:/file: links)
    are removed with what refers to them; web and mail hyperlinks stay."""
    if b"External" not in parts[rels_name]:
        return
    root = _parse(parts[rels_name])
    dropped = set()
    for rel in list(root):
        if rel.get("TargetMode") != "External":
            continue
        target = (rel.get("Target") or "").strip().lower()
        if str(rel.get("Type", "")).endswith("/hyperlink") and target.startswith(LINK_SCHEMES):
            continue
        dropped.add(rel.get("Id"))
        root.remove(rel)
    if not dropped:
        return
    parts[rels_name] = _serialise(root)
    folder, _, file = rels_name.rpartition("_rels/")
    owner = folder + file.removesuffix(".rels")
    if owner not in parts:
        return
    tree = _parse(parts[owner])
    for element in list(tree.iter()):
        for attribute, value in list(element.attrib.items()):
            if attribute.startswith(f"{{{R_NS}}}") and value in dropped:
                if str(element.tag).rpartition("}")[2] in CUT_LINK:
                    del element.attrib[attribute]
                elif element.getparent() is not None:
                    element.getparent().remove(element)
                break
    parts[owner] = _serialise(tree)


#: Numeric attributes python-pptx converts with int() when the renderer reads positions, sizes and fonts.
NUMBERS = {"off": ("x", "y"), "chOff": ("x", "y"), "ext": ("cx", "cy"), "chExt": ("cx", "cy"), "defRPr": ("sz",),
           "rPr": ("sz",), "endParaRPr": ("sz",)}
_INTEGER = re.compile(r"-?\d{1,15}")
#: Ranges from the schema (sizes are never negative; fonts are 1-4000 pt in hundredths), others: coordinates.
LIMITS = {"cx": (0, 27273042316900), "cy": (0, 27273042316900), "sz": (100, 400000)}


def _check_placeholders(data: bytes, name: str, source: str) -> None:
    root = _parse(data)
    title = root.find(f"{{{P_NS}}}cSld")
    where = f"layout '{title.get('name')}'" if title is not None and title.get("name") else (
        "the slide master" if "slideMasters" in name else "the notes master" if "notesMasters" in name
        else f"layout {name.rpartition('/')[2]}")
    for element in root.iter():
        for attribute in NUMBERS.get(str(element.tag).rpartition("}")[2], ()):
            value = element.get(attribute)
            low, high = LIMITS.get(attribute, (-(10**14), 10**14))
            if value is not None and not (_INTEGER.fullmatch(value) and low <= int(value) <= high):
                raise InputFileError(f"template {source}: {where} has {attribute}=\"{value[:30]}\", which is "
                                     "not a valid number there; save the template again in PowerPoint")
    for ph in root.iter(f"{{{P_NS}}}ph"):
        kind, idx = ph.get("type"), ph.get("idx")
        if kind is not None and kind not in PLACEHOLDER_TYPES:
            raise InputFileError(f"template {source}: {where} has a placeholder of type '{kind[:30]}', which "
                                "PowerPoint does not define; delete or recreate it in the slide master view")
        if idx is not None and not (idx.isdigit() and int(idx) < 2**32):
            raise InputFileError(f"template {source}: {where} has a placeholder with idx '{idx[:30]}', which "
                                "is not a number; delete or recreate it in the slide master view")


def core_text(value: str) -> str:
    """A core property (title, author...) cut to what python-pptx accepts, ending in '…' when cut."""
    value = " ".join(value.split())
    return value if len(value) <= MAX_CORE_TEXT else value[: MAX_CORE_TEXT - 1].rstrip() + "…"


def fast_partnames(package: Any) -> None:
    """Give the package a next_partname that remembers the names it handed out.

    python-pptx scans every part each time it names a notes slide, which makes a deck quadratic in its slides
    (a 1,000-session deck took minutes). The names are the same: the lowest free number for each pattern.
    """
    from pptx.opc.packuri import PackURI

    used = {str(part.partname) for part in package.iter_parts()}
    start: dict[str, int] = {}

    def next_partname(tmpl: str) -> Any:
        number = start.get(tmpl, 1)
        while tmpl % number in used:
            number += 1
        used.add(tmpl % number)
        start[tmpl] = number + 1
        return PackURI(tmpl % number)

    package.next_partname = next_partname


def save_stable(package: Any) -> bytes:
    """The package as python-pptx would save it, written once with fixed entry times (no second zip pass)."""
    from pptx.opc.serialized import PackageWriter

    members: dict[str, bytes] = {}

    class Collect:  # python-pptx's physical writer interface, keeping the members in write order
        def write(self, uri: Any, blob: bytes) -> None:
            members[uri.membername] = blob

    writer = PackageWriter(io.BytesIO(), package._rels, tuple(package.iter_parts()))
    collect = Collect()
    writer._write_content_types_stream(collect)  # type: ignore[arg-type]
    writer._write_pkg_rels(collect)  # type: ignore[arg-type]
    writer._write_parts(collect)  # type: ignore[arg-type]
    return stable_zip(members)
