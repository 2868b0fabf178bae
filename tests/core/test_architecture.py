"""Core never imports a plugin or a pack, and start-up stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.support import ROOT

PLUGIN_MODULES = {p.name for folder in ("plugins", "content_packs") for p in (ROOT / folder).iterdir() if p.is_dir()}


def imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_plugins_or_packs() -> None:
    offenders = []
    for path in sorted((ROOT / "core" / "draaiboek").rglob("*.py")):
        bad = imported_modules(path.read_text(encoding="utf-8")) & (PLUGIN_MODULES | {"pptx", "openpyxl"})
        if bad:
            offenders.append(f"{path.relative_to(ROOT)}: {sorted(bad)}")
    assert PLUGIN_MODULES >= {"draaiboek_handbook", "draaiboek_slides", "draaiboek_pack_naasten"}
    assert offenders == []


def _modules_after(args: list[str]) -> set[str]:
    code = ("import sys\nfrom draaiboek.cli import main\n"
            f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
            "print('MODULES', ' '.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT).stdout
    line = next(line for line in out.splitlines() if line.startswith("MODULES"))
    return set(line.split()[1:])


def test_help_packs_and_check_do_not_import_exporter_libraries() -> None:
    for args in (["--help"], ["packs"], ["check", "tests/packs/full"]):
        loaded = _modules_after(args)
        heavy = {m for m in loaded if m.split(".")[0] in ("pptx", "openpyxl", "markdown_it", "lxml")}
        assert heavy == set(), (args, sorted(heavy)[:5])


# --- exporters read the training through draaiboek.views (issue 12) -------------------------------------------

PLUGIN_SOURCES = sorted((ROOT / "plugins").rglob("*.py"))
#: The one plugin module allowed its own markdown-it: it reads the structure (headings, tables) of the handbook
#: Markdown that draaiboek itself generated, to lay it out in Word; pack prose goes through draaiboek.markdown.
OWN_MARKDOWN_PARSER = {ROOT / "plugins" / "draaiboek_handbook" / "handbook_plan.py"}


def _nodes(path: Path) -> list[ast.AST]:
    return list(ast.walk(ast.parse(path.read_text(encoding="utf-8"))))


def test_plugins_split_no_references_themselves() -> None:
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in PLUGIN_SOURCES
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
                 if any(pattern in line for pattern in ('split(":")', "split(':')", 'partition(":")'))]
    assert offenders == [], "use draaiboek.refs.split_ref or the views' resolved objects: " + ", ".join(offenders)


def test_plugins_keep_no_copy_of_the_visibility_rule() -> None:
    """Who sees which case layer when is decided in TrainingView; no plugin reads a layer's reveal moments."""
    offenders = [str(p.relative_to(ROOT)) for p in PLUGIN_SOURCES
                 if any(isinstance(n, ast.Attribute) and n.attr == "reveal" for n in _nodes(p))]
    assert offenders == [], "read visibility through TrainingView.visible_layers / revealed_in / layers_for_card"


def test_plugins_keep_no_copy_of_the_work_format_fallbacks() -> None:
    """An item's variant, grouping and materials are resolved in ItemView: no plugin looks a variant up by id."""
    offenders = []
    for path in PLUGIN_SOURCES:
        for node in _nodes(path):
            if isinstance(node, ast.Compare) and any(
                    isinstance(side, ast.Attribute) and side.attr == "variant"
                    for side in (node.left, *node.comparators)):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], "take ItemView.variant (and its grouping, materials, steps): " + ", ".join(offenders)


def test_plugins_use_the_core_markdown_parser_and_clock() -> None:
    offenders = []
    for path in PLUGIN_SOURCES:
        source = path.read_text(encoding="utf-8")
        if path not in OWN_MARKDOWN_PARSER and ("markdown_it" in imported_modules(source) or "MarkdownIt(" in source):
            offenders.append(f"{path.relative_to(ROOT)}: parses Markdown itself (use draaiboek.markdown)")
        if any(word in source for word in ("strptime(", "timedelta(", "schedule(")):
            offenders.append(f"{path.relative_to(ROOT)}: computes clock times itself (use the views' start and end)")
    assert offenders == []


def test_the_views_rules_live_once_in_core() -> None:
    """The old per-exporter helpers are gone; the rules have one home."""
    import draaiboek.refs
    import draaiboek.timing

    assert not hasattr(draaiboek.refs, "training_meters") and not hasattr(draaiboek.refs, "training_cases")
    assert not hasattr(draaiboek.timing, "schedule")


def test_a_term_is_translated_once() -> None:
    """Plugins' label tables hold only their own terms: a key the core table has is never defined again."""
    import importlib

    from draaiboek.labels import LABELS

    redefined = []
    for module in ("draaiboek_slides.labels", "draaiboek_handbook.text", "draaiboek_materials.labels",
                   "draaiboek_spreadsheets.labels"):
        loaded = importlib.import_module(module)
        for name in dir(loaded):
            table = getattr(loaded, name)
            is_table = isinstance(table, dict) and table and all(isinstance(v, dict) for v in table.values())
            if name.isupper() and is_table:
                redefined += [f"{module}.{name}[{key!r}]" for key in table if key in LABELS]
    assert redefined == [], "use the core label instead: " + ", ".join(redefined)
