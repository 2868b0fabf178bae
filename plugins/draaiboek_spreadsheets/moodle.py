"""A competence meter as a Moodle competency framework: the CSV that Moodle's admin tool
"Import competency framework" (tool_lpimportcsv) reads.

Layout from Moodle's importer and exporter (admin/tool/lpimportcsv/classes/framework_importer.php,
framework_exporter.php): 14 columns in a fixed order with a fixed header; one row with "Is framework" set
carries the scale (its items comma-separated, lowest first) and the scale configuration (JSON: the scale id,
then per item its position, whether it is the default and whether it is proficient); every other row is a
competency whose "Parent id number" names its parent (empty: top level). Here each domain is a top-level
competency and each statement a child of its domain.
"""

from __future__ import annotations

import csv
import html
import io
import json
from dataclasses import dataclass

from draaiboek.markdown import Para, parse
from draaiboek.model import Meter, Pack
from draaiboek_spreadsheets.meter_plan import role_name

HEADER = (
    "Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross referenced competency id numbers", "Exported id (optional)", "Is framework", "Taxonomy",
)
#: Moodle cuts id numbers and short names to 100 characters; we cut them ourselves, at a word.
MAX_NAME = 100
FORMAT_HTML = 1
TAXONOMY = "domain,competency"


@dataclass(frozen=True)
class Row:
    parent: str
    idnumber: str
    shortname: str
    description: str
    scale_values: str = ""
    scale_configuration: str = ""
    exported_id: int | str = ""
    is_framework: bool = False

    def cells(self) -> list[str]:
        if self.is_framework:
            return ["", self.idnumber, self.shortname, self.description, str(FORMAT_HTML), self.scale_values,
                    self.scale_configuration, "", "", "", "", "", "1", TAXONOMY]
        return [self.parent, self.idnumber, self.shortname, self.description, str(FORMAT_HTML), "", "", "", "0",
                "null", "", str(self.exported_id), "", ""]


def shorten(text: str, limit: int = MAX_NAME) -> str:
    """One line of at most ``limit`` characters, cut at a word with an ellipsis when too long."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–") + "…"


def to_html(markdown: str | None) -> str:
    """Pack Markdown (read by draaiboek.markdown) as HTML for Moodle: paragraphs, lists, bold, italics, links.
    Everything is escaped: raw HTML in a pack stays text."""
    out: list[str] = []
    open_lists: list[str] = []
    for para in parse(markdown):
        depth = para.level if para.bullet != "none" or para.level else 0
        while len(open_lists) > depth:
            out.append(f"</{open_lists.pop()}>")
        content = _runs(para)
        if para.bullet == "none" and depth and out and out[-1].endswith("</li>"):
            out[-1] = out[-1][: -len("</li>")] + f"<br>{content}</li>"  # a second paragraph of a list item
            continue
        if depth:
            tag = "ol" if para.bullet == "number" else "ul"
            if len(open_lists) == depth and open_lists[-1] != tag:
                out.append(f"</{open_lists.pop()}>")
            while len(open_lists) < depth:
                open_lists.append(tag)
                out.append(f"<{tag}>")
            out.append(f"<li>{content}</li>")
        else:
            out.append(f"<p>{content}</p>")
    out += [f"</{tag}>" for tag in reversed(open_lists)]
    return "".join(out)


def _runs(para: Para) -> str:
    parts = []
    for run in para.runs:
        piece = html.escape(run.text).replace("\v", "<br>")
        if run.bold:
            piece = f"<strong>{piece}</strong>"
        if run.italic:
            piece = f"<em>{piece}</em>"
        if run.href:
            piece = f'<a href="{html.escape(run.href, quote=True)}">{piece}</a>'
        parts.append(piece)
    return "".join(parts)


def scale_values(meter: Meter) -> str:
    """The scale's labels, lowest first, comma-separated as Moodle stores a scale (a comma in a label
    would split it, so it becomes a semicolon)."""
    points = sorted(meter.scale.points, key=lambda p: p.value)
    return ",".join((p.label or str(p.value)).replace(",", ";").strip() for p in points)


def scale_configuration(meter: Meter) -> str:
    """Moodle's scale configuration: the points above the scale's middle are proficient; the default (the
    value given when a competency is completed automatically) is the lowest proficient point."""
    points = sorted(meter.scale.points, key=lambda p: p.value)
    middle = (points[0].value + points[-1].value) / 2
    proficient = [p.value > middle for p in points] if len(points) > 1 else [True]
    default = proficient.index(True)
    config: list[dict[str, object]] = [{"scaleid": "1"}]  # Moodle replaces the id with the scale it finds or makes
    for i, is_proficient in enumerate(proficient):
        config.append({"id": i + 1, "scaledefault": int(i == default), "proficient": int(is_proficient)})
    return json.dumps(config, separators=(",", ":"))


def framework_rows(pack: Pack, meter: Meter, only_for: str) -> list[Row]:
    """The framework row, then per domain its row followed by its statements' rows."""
    taken: set[str] = set()
    framework_id = _unique(f"{pack.id}-{meter.id}", taken)
    description = f"<p><strong>{html.escape(meter.title)}</strong></p>" + to_html(meter.instructions)
    rows = [Row("", framework_id, shorten(meter.title), description, scale_values(meter),
                scale_configuration(meter), is_framework=True)]
    exported = 0
    domains = [(d.id, d.title, d.description) for d in meter.domains]
    domains += [(s.domain, s.domain, None) for s in meter.statements  # a statement's unknown domain still shows
                if s.domain not in {d.id for d in meter.domains}]
    for domain_id, title, about in {d[0]: d for d in domains}.values():
        members = [s for s in meter.statements if s.domain == domain_id]
        if not members:
            continue
        exported += 1
        parent = _unique(f"{meter.id}.{domain_id}", taken)
        rows.append(Row("", parent, shorten(title), to_html(about) or f"<p>{html.escape(title)}</p>",
                        exported_id=exported))
        for s in members:
            exported += 1
            text = " ".join(s.text.split())
            body = to_html(s.text)
            if s.roles:
                roles = only_for.format(roles=", ".join(role_name(r) for r in s.roles))
                body += f"<p><em>{html.escape(roles)}</em></p>"
            idnumber = _unique(f"{meter.id}.{domain_id}.{s.id}", taken)
            rows.append(Row(parent, idnumber, shorten(f"{s.id} {text}"), body, exported_id=exported))
    return rows


def _unique(wanted: str, taken: set[str]) -> str:
    base = shorten(wanted.replace(",", "-"), MAX_NAME - 4)
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def framework_csv(pack: Pack, meter: Meter, only_for: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for row in framework_rows(pack, meter, only_for):
        writer.writerow(row.cells())
    return out.getvalue()
